"""Database states taken once per session and put back by SQL in a fraction of a second.

Browser and integration tests commit what they write (the live server and the Celery
worker have their own connections), so after each of them the database must be
emptied, and browser tests need the demo committed first. `seed_demo` takes seconds of
ORM work and Django's flush empties the tables that data migrations filled too (choice
lists, the stappenplan questionnaires). Instead, once per session (per xdist worker,
each with its own database), before any test ran:

- `base`: every table's rows right after the migrations (what migrations and their
  post_migrate signals loaded);
- `demo`: `seed_demo` on top of that, as `make run` does on a new database, inside a
  transaction that is rolled back after the rows were read (only when the session has
  tests that use it).

`TableRows.restore()` makes every model table hold exactly those rows, committed, and
sets the id sequences past them. A committed test starts from `demo` (`demo_site`) or
from `base`. Its teardown does not flush: it notes that its rows are left over
(`install()`), and before the next test `base` is put back (`put_back_base()`, called
by tests/conftest.py), unless that test starts from the demo anyway: browser tests run
one after another, and each would otherwise put `base` back only for the next to
replace it. So every test, in any order and on any worker, finds what migrations loaded.
"""

from __future__ import annotations

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.test import TransactionTestCase

# The apps whose rows a person's actions make (the stappenplan's are the questionnaires).
PROJECT_APPS = ("inclusie", "deal", "pijlers", "ambassadeurs", "klankbord", "monitoring")


def row_counts(app_labels=PROJECT_APPS) -> dict[str, int]:
    """The number of rows of every model of these apps, in one query (tests that count
    before and after every request would otherwise send one query per model)."""
    counted = [m for m in apps.get_models() if m._meta.app_label in app_labels]
    quote = connection.ops.quote_name
    # Table names from the models, quoted: nothing from outside reaches this query.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})" for m in counted)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        row = cursor.fetchone()
    return {m._meta.label: n for m, n in zip(counted, row, strict=True)}


def realign_sequences() -> None:
    """Put every id sequence just past its table's highest id (PostgreSQL).

    Sequences are not transactional: a seed inside a rolled-back transaction or a
    flush leaves them ahead of or behind the rows that are there, and the next insert
    would collide with an existing id.
    """
    global _sequences_set
    if connection.vendor != "postgresql":
        return
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            cursor.execute("\n".join(statements))
    # Inside a transaction the rows just aligned to may still be rolled back.
    _sequences_set = connection.in_atomic_block


# Whether a sequence was set (setval) since the last realignment outside a transaction.
# Only that can leave a sequence behind the rows: inserts move sequences forward, also
# in a transaction that is rolled back (ahead of the rows is harmless). Django makes
# every setval statement (flush, loaddata, `realign_sequences` itself) with the two
# methods counted by `install()`; the project's code sets no sequence itself.
_sequences_set = True


def realign_sequences_if_set() -> None:
    """`realign_sequences()` after a test, skipped when no sequence was set since the
    last one (most tests: their inserts only moved sequences forward)."""
    if _sequences_set:
        realign_sequences()


def _counting_sequence_sets(method):
    def wrapper(*args, **kwargs):
        global _sequences_set
        _sequences_set = True
        return method(*args, **kwargs)

    wrapper.__wrapped__ = method  # type: ignore[attr-defined]
    return wrapper


class TableRows:
    """The rows of every model table at one moment."""

    def __init__(self, tables: list[str], rows: dict[str, object]) -> None:
        self.tables = tables
        self.rows = rows  # table -> COPY text (PostgreSQL) or a list of row tuples (SQLite)

    @classmethod
    def read(cls) -> TableRows:
        tables = sorted(connection.introspection.django_table_names(only_existing=True))
        rows = {table: _read(table) for table in tables}
        return cls(tables, {table: data for table, data in rows.items() if data})

    def restore(self) -> None:
        """Make every model table hold exactly these rows (committed)."""
        qn = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Foreign keys are checked at commit (Django makes them deferrable).
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                cursor.execute(f"DELETE FROM {qn(table)}")
            if connection.vendor == "sqlite":
                # Ids go on from the rows put back, as they did after them.
                for sql in connection.ops.sequence_reset_by_name_sql(
                    no_style(), [{"table": table} for table in self.tables]
                ):
                    cursor.execute(sql)
            for table, data in self.rows.items():
                _write(cursor, table, data)
        realign_sequences()
        # Content type ids may differ from what this process cached.
        ContentType.objects.clear_cache()


def seeded_demo() -> TableRows:
    """`seed_demo` on what the database holds now: its rows, the seed rolled back."""
    with transaction.atomic():
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        if "Demodata klaar" not in out.getvalue():
            raise RuntimeError(f"seed_demo loaded nothing: {out.getvalue()}")
        rows = TableRows.read()
        transaction.set_rollback(True)
    realign_sequences()
    ContentType.objects.clear_cache()
    return rows


# What migrations loaded, for committed tests' teardown (set by tests/conftest.py).
base: TableRows | None = None
# A committed test's rows are still in the tables (put back before the next test).
left_over = False
_flush_teardown = TransactionTestCase._fixture_teardown


def put_back_base() -> None:
    """What migrations loaded, if a committed test left other rows."""
    global left_over
    if left_over and base is not None:
        base.restore()
    left_over = False


def _teardown_to_base(self: TransactionTestCase) -> None:
    """A committed test's teardown: its rows stay until the next test that needs `base`
    (`put_back_base`), instead of a flush (which would leave the tables without what
    data migrations loaded)."""
    global left_over
    if (
        base is None
        or self.serialized_rollback
        or self.available_apps is not None
        or list(self._databases_names(include_mirrors=False)) != [DEFAULT_DB_ALIAS]
    ):
        _flush_teardown(self)
        return
    left_over = True


def install() -> None:
    from django.db.backends.base.operations import BaseDatabaseOperations

    TransactionTestCase._fixture_teardown = _teardown_to_base
    for cls in {BaseDatabaseOperations, type(connection.ops)}:
        for name in ("sequence_reset_sql", "sequence_reset_by_name_sql"):
            if name in vars(cls):
                setattr(cls, name, _counting_sequence_sets(vars(cls)[name]))


def _read(table: str):
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":
        buffer = bytearray()
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {qn(table)} TO STDOUT") as copy,
        ):
            for block in copy:
                buffer += block
        return bytes(buffer)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {qn(table)}")
        return cursor.fetchall()


def _write(cursor, table: str, data) -> None:
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {qn(table)} FROM STDIN") as copy:
            copy.write(data)
        return
    marks = ", ".join(["%s"] * len(data[0]))
    cursor.executemany(f"INSERT INTO {qn(table)} VALUES ({marks})", data)
