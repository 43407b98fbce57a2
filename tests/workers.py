"""pytest-xdist workers: which one this process is."""

from __future__ import annotations

import os


def xdist_worker_index() -> int:
    """n for pytest-xdist's worker gwN, 0 without xdist."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
