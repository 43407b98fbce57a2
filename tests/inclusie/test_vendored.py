"""The vendored third-party files match what static/vendor/VENDORED.json records.

The portal never loads code from a CDN, so these files are ours to keep honest: a
changed byte without an updated record (version and SHA-256) fails here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
RECORD = ROOT / "static" / "vendor" / "VENDORED.json"
ENTRIES = json.loads(RECORD.read_text())["files"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_vendored_file_matches_its_recorded_checksum(entry):
    data = (ROOT / entry["path"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"], (
        f"{entry['path']} changed: record its new version and sha256 in {RECORD.name}"
    )


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["path"] for e in ENTRIES])
def test_vendored_file_carries_the_recorded_version(entry):
    if "integrity" in entry:
        # Copied byte for byte from the registry tarball by scripts/vendor.py: the
        # tarball of that exact version (and its integrity) is the provenance.
        name = entry["package"].rsplit("/", 1)[-1]
        assert entry["source"].startswith("https://registry.npmjs.org/")
        assert entry["source"].endswith(f"/{name}-{entry['version']}.tgz")
        assert entry["file"].startswith("package/")
        return
    head = (ROOT / entry["path"]).read_bytes()[:200_000].decode(errors="replace")
    assert entry["version"] in head


def test_the_vendoring_script_manages_the_nl_design_system_files():
    """`make vendor` (scripts/vendor.py) is the one way these files arrive."""
    from scripts.vendor import FILES

    managed = {f.path: f for f in FILES}
    for entry in ENTRIES:
        if entry["path"] in managed:
            assert managed[entry["path"]].version == entry["version"], entry["path"]
    assert "static/vendor/nlds/utrecht-component-library.css" in managed


def test_every_vendored_file_is_recorded():
    recorded = {e["path"] for e in ENTRIES}
    on_disk = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "static" / "vendor").rglob("*")
        if p.is_file() and p.suffix in {".js", ".css", ".woff2", ".woff", ".svg"}
    }
    assert on_disk <= recorded, f"not recorded in {RECORD.name}: {sorted(on_disk - recorded)}"
    assert len(ENTRIES) >= 3
