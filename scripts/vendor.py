#!/usr/bin/env python3
"""Vendor third-party front-end files from the npm registry (`make vendor`).

The portal never loads code from a CDN and needs no Node at run time: the files
below are copied from the packages' registry tarballs into the repository and
committed. For each file static/vendor/VENDORED.json records the package, the
version, the tarball URL and its npm integrity, the file's path inside the
tarball, the licence and the SHA-256 of the copied bytes (files are copied
byte for byte; tests/inclusie/test_vendored.py recomputes the checksums).

Why these packages (NL Design System, see docs/interface.md):
- @utrecht/component-library-css: every Utrecht CSS component (page, header,
  footer, button, link, alert, badge, table, form fields, breadcrumb ...) in one
  file, EUPL-1.2, and its html.css (the same look for plain HTML elements inside
  `.utrecht-html`). The components read their look from design tokens (CSS custom
  properties) and carry none of Utrecht's own branding.
- @nl-design-system-unstable/voorbeeld-design-tokens: the NL Design System's
  neutral example theme (EUPL-1.2). It sets every component token in terms of a
  small "basis" layer, so the gemeente's own colour (static/css/thema.css and the
  per-gemeente /huisstijl/thema.css) only has to override a handful of basis
  tokens. @utrecht/design-tokens is deliberately not used: those tokens are
  Gemeente Utrecht's proprietary huisstijl ("All rights reserved").

Usage:  python scripts/vendor.py            download, verify, copy, write the record
        python scripts/vendor.py --check    only compare the files on disk with the record
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "static" / "vendor" / "VENDORED.json"
REGISTRY = "https://registry.npmjs.org"

ABOUT = (
    "Third-party files copied byte for byte from npm registry tarballs by scripts/vendor.py "
    "(`make vendor`), never loaded from a CDN. To update: change the version in that script, "
    "run it, commit the files and this record; tests/inclusie/test_vendored.py recomputes "
    "the checksums."
)


@dataclass(frozen=True)
class Vendored:
    package: str
    version: str
    member: str  # path inside the tarball
    path: str  # destination, relative to the repository root


FILES = (
    Vendored(
        "@utrecht/component-library-css",
        "9.0.4",
        "package/dist/index.css",
        "static/vendor/nlds/utrecht-component-library.css",
    ),
    # The same components for plain HTML inside `.utrecht-html` (h1, p, a, table, button,
    # input ...), so semantic markup looks right without a class on every element.
    Vendored(
        "@utrecht/component-library-css",
        "9.0.4",
        "package/dist/html.css",
        "static/vendor/nlds/utrecht-html.css",
    ),
    Vendored(
        "@nl-design-system-unstable/voorbeeld-design-tokens",
        "7.4.1",
        "package/dist/theme.css",
        "static/vendor/nlds/voorbeeld-theme.css",
    ),
    Vendored("htmx.org", "2.0.11", "package/dist/htmx.min.js", "static/vendor/htmx/htmx.min.js"),
    Vendored("axe-core", "4.14.1", "package/axe.min.js", "tests/browser/axe.min.js"),
)


def fetch(url: str) -> bytes:
    if not url.startswith(REGISTRY + "/"):
        raise SystemExit(f"refusing to fetch outside the npm registry: {url}")
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - registry only
        return response.read()


def metadata(package: str, version: str) -> dict:
    return json.loads(fetch(f"{REGISTRY}/{quote(package, safe='@')}/{version}"))


def verify_integrity(data: bytes, integrity: str, url: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise SystemExit(f"{url}: tarball does not match the registry's integrity {integrity}")


def vendor() -> list[dict]:
    entries = []
    tarballs: dict[tuple[str, str], tuple[dict, bytes]] = {}
    for item in FILES:
        key = (item.package, item.version)
        if key not in tarballs:
            meta = metadata(item.package, item.version)
            dist = meta["dist"]
            data = fetch(dist["tarball"])
            verify_integrity(data, dist["integrity"], dist["tarball"])
            tarballs[key] = (meta, data)
        meta, data = tarballs[key]
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            member = tar.extractfile(item.member)
            if member is None:
                raise SystemExit(f"{item.package}@{item.version}: no file {item.member}")
            content = member.read()
        target = ROOT / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        entries.append(
            {
                "path": item.path,
                "package": item.package,
                "version": item.version,
                "source": meta["dist"]["tarball"],
                "file": item.member,
                "integrity": meta["dist"]["integrity"],
                "license": meta.get("license", ""),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        print(f"{item.path}  {item.package}@{item.version}  {len(content):,} bytes")
    return entries


def check() -> int:
    record = json.loads(RECORD.read_text())
    failures = 0
    for entry in record["files"]:
        data = (ROOT / entry["path"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            print(f"CHANGED  {entry['path']}")
            failures += 1
    print("all vendored files match the record" if not failures else f"{failures} changed")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return check()
    entries = vendor()
    # Entries this script does not manage (copied by hand before it existed) stay as recorded.
    managed = {e["path"] for e in entries}
    kept = [e for e in json.loads(RECORD.read_text())["files"] if e["path"] not in managed]
    RECORD.write_text(json.dumps({"about": ABOUT, "files": entries + kept}, indent=2) + "\n")
    print(f"recorded {len(entries)} files in {RECORD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
