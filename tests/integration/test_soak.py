"""The CI variant of `make soak`: the same harness, fewer users for less time."""

import json

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from bench.pg import create_database
from bench.soak import run, targets
from tests.integration.conftest import database_url, restore_demo

# The test database holds the demo's rows for a moment (`prepared`, `demo_dump`):
# committed, so the transactional variant, which leaves the migrated state behind.
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

WRITE_KINDS = {"aanwezigheid", "antwoorden", "partner_fase", "contactmomenten", "personen"}


@pytest.fixture
def prepared(demo_dump, demo_rows, django_db_blocker):
    """A database of its own holding the demo, and the soak's targets in it: restored
    from the session's dump instead of `migrate` and `seed_demo` in subprocesses."""
    if demo_dump is None:  # SQLite: the soak makes a PostgreSQL database itself
        yield None
        return
    server = database_url().rsplit("/", 1)[0] + "/postgres"
    name = f"{connection.settings_dict['NAME']}_soak"
    db_url = create_database(server, name)
    restore_demo(demo_dump, db_url)
    # The dump holds this session's demo rows: the same ids and paths as here.
    with django_db_blocker.unblock(), transaction.atomic():
        demo_rows.restore()
        found = json.loads(json.dumps(targets()))  # as load_targets() passes them
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    yield db_url, found
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_short_soak_has_no_5xx_no_lost_writes_and_stable_memory(prepared):
    result = run(users=12, seconds=12, prepared=prepared)
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
