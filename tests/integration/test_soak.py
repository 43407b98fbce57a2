"""The CI variant of `make soak`: the same harness, fewer users for less time."""

import pytest

from bench.soak import run

pytestmark = [pytest.mark.integration]


def test_short_soak_has_no_5xx_no_lost_writes_and_stable_memory():
    result = run(users=12, seconds=20)
    assert result["requests"] > 100, result
    assert result["errors_5xx"] == 0, result
    assert result["other_failures"] == [], result
    assert sum(result["acknowledged_writes"].values()) > 10, result
    assert all(lost == 0 for lost in result["lost_writes"].values()), result
    assert result["memory_growth"] <= 0.2, result
