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
    head = (ROOT / entry["path"]).read_bytes()[:200_000].decode(errors="replace")
    assert entry["version"] in head


def test_every_vendored_file_is_recorded():
    recorded = {e["path"] for e in ENTRIES}
    on_disk = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "static" / "vendor").rglob("*")
        if p.is_file() and p.suffix in {".js", ".css", ".woff2", ".woff", ".svg"}
    }
    assert on_disk <= recorded, f"not recorded in {RECORD.name}: {sorted(on_disk - recorded)}"
    assert len(ENTRIES) >= 3
