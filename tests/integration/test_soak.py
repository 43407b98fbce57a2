"""The CI variant of `make soak`: the same harness, fewer users for less time."""

import json

import pytest

from bench.soak import run

pytestmark = [pytest.mark.integration]

WRITE_KINDS = {"aanwezigheid", "antwoorden", "partner_fase", "contactmomenten", "personen"}


def test_short_soak_has_no_5xx_no_lost_writes_and_stable_memory():
    result = run(users=12, seconds=20)
    print(json.dumps(result, indent=2))  # the figures, in the CI log with -s or on failure
    assert result["requests"] > 100, result
    assert result["errors_5xx"] == 0, result
    # 409 answer conflicts and forms refused with a message are expected, not failures.
    assert result["other_failures"] == [], result
    # Every kind of write really happened and was acknowledged by the server.
    assert WRITE_KINDS <= {k for k, n in result["acknowledged_writes"].items() if n > 0}, result
    assert set(result["lost_writes"]) == WRITE_KINDS, result
    assert all(lost == 0 for lost in result["lost_writes"].values()), result
    assert result["stored_writes"]["aanwezigheid_rows"] > 0, result
    assert result["stored_writes"]["antwoorden_rows"] > 0, result
    assert result["memory_growth"] <= 0.2, result
