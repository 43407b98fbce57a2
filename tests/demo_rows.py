"""The demo programme for live-server tests: seeded once per session, put back by SQL.

Browser and integration tests commit the demo (the live server and the Celery worker
have their own connections) and their teardown empties every table (a flush), so
each of them used to run `seed_demo` afresh: seconds of ORM work per test. Instead,
once per session (per xdist worker, each with its own database), before any test ran:

1. `seed_demo` on the freshly migrated database, as `make run` does on a new one,
   inside a transaction;
2. read every table's rows (COPY on PostgreSQL);
3. roll the seed back, and set the id sequences past the rows that stay.

`restore()` then makes every table hold exactly those rows, committed, and sets the
id sequences past them: the same database state as the seed in step 1, in a fraction
of a second. Only for tests that commit (`transactional_db`): the transactional
teardown empties the tables again, so nothing of the demo reaches another test.
"""

from __future__ import annotations

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


def model_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def realign_sequences() -> None:
    """Put every id sequence just past its table's highest id (PostgreSQL).

    Sequences are not transactional: a seed inside a rolled-back transaction or a
    flush leaves them ahead of or behind the rows that are there, and the next insert
    would collide with an existing id.
    """
    if connection.vendor != "postgresql":
        return
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            cursor.execute("\n".join(statements))


class DemoRows:
    def __init__(self, tables: list[str], rows: dict[str, object]) -> None:
        self.tables = tables
        self.rows = rows  # table -> COPY text (PostgreSQL) or a list of row tuples (SQLite)

    @classmethod
    def capture(cls) -> DemoRows:
        """Seed the demo on what is in the database now, read every table, roll back."""
        tables = model_tables()
        with transaction.atomic():
            out = io.StringIO()
            call_command("seed_demo", stdout=out)
            if "Demodata klaar" not in out.getvalue():
                raise RuntimeError(f"seed_demo loaded nothing: {out.getvalue()}")
            rows = {table: _read(table) for table in tables}
            transaction.set_rollback(True)
        realign_sequences()
        ContentType.objects.clear_cache()
        return cls(tables, {table: data for table, data in rows.items() if data})

    def restore(self) -> None:
        """Make every model table hold exactly the captured rows (committed)."""
        qn = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Foreign keys are checked at commit (Django makes them deferrable).
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                cursor.execute(f"DELETE FROM {qn(table)}")
            if connection.vendor == "sqlite":
                # Ids go on from the captured rows, as they would after the seed.
                for sql in connection.ops.sequence_reset_by_name_sql(
                    no_style(), [{"table": table} for table in self.tables]
                ):
                    cursor.execute(sql)
            for table, data in self.rows.items():
                _write(cursor, table, data)
        realign_sequences()
        # Content type ids may differ from what this process cached (a flush makes new ones).
        ContentType.objects.clear_cache()


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
