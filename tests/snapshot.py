"""The demo programme, seeded once per test session and put back by SQL in milliseconds.

`seed_demo` takes seconds (thousands of rows through the ORM). Tests that need the
demo ask for the `demo_data` fixture (inside their test transaction, rolled back
afterwards) or `demo_site` (browser tests: committed, for the live server). Both put
back a copy taken once per session (per xdist worker, each with its own database):

1. copy every table as it is (the `base`: what migrations loaded),
2. `seed_demo --reset` (flush, questionnaires, the demo; deterministic: ids and
   random choices are the same every time),
3. copy every table again (the `demo`),
4. put the base back, so tests that do not ask for the demo never see it.

A copy lives in plain tables (`_snap_<kind>_<n>`) next to the real ones; Django's
flush only empties the tables of models, so the copies survive transactional tests.
Putting one back deletes the rows of every model table, inserts the copied rows and
sets the id sequences past them, in one transaction (foreign keys are checked at its
end; Django makes them deferrable).
"""

from __future__ import annotations

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

PREFIX = "_snap_"


class DemoSnapshot:
    def __init__(self) -> None:
        self.tables = sorted(
            connection.introspection.django_table_names(only_existing=True, include_views=False)
        )
        self.models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and model._meta.db_table in self.tables
        ]
        # kind -> the tables that hold rows (empty ones need no INSERT)
        self.filled: dict[str, list[tuple[str, str]]] = {}

    @classmethod
    def build(cls) -> DemoSnapshot:
        snapshot = cls()
        snapshot.take("base")
        call_command("seed_demo", "--reset", stdout=io.StringIO())
        snapshot.take("demo")
        snapshot.restore("base")
        return snapshot

    def _copy_name(self, kind: str, index: int) -> str:
        return f"{PREFIX}{kind}_{index}"

    def take(self, kind: str) -> None:
        qn = connection.ops.quote_name
        filled = []
        with transaction.atomic(), connection.cursor() as cursor:
            for index, table in enumerate(self.tables):
                copy = self._copy_name(kind, index)
                cursor.execute(f"DROP TABLE IF EXISTS {qn(copy)}")
                cursor.execute(f"CREATE TABLE {qn(copy)} AS SELECT * FROM {qn(table)}")
                cursor.execute(f"SELECT 1 FROM {qn(copy)} LIMIT 1")
                if cursor.fetchone():
                    filled.append((table, copy))
        self.filled[kind] = filled

    def restore(self, kind: str) -> None:
        """Make every model table hold exactly the copied rows (in the current transaction)."""
        qn = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Not TRUNCATE: it replaces every table's files and takes seconds (and is
                # refused while a fixture's foreign-key checks are pending).
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                cursor.execute(f"DELETE FROM {qn(table)}")
            if connection.vendor == "sqlite":
                # Let ids start where a fresh seed would (inserts move them past the rows).
                for sql in connection.ops.sequence_reset_by_name_sql(
                    no_style(), [{"table": table} for table in self.tables]
                ):
                    cursor.execute(sql)
            for table, copy in self.filled[kind]:
                cursor.execute(f"INSERT INTO {qn(table)} SELECT * FROM {qn(copy)}")
            for sql in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(sql)
        # Content type ids may differ from what this process cached.
        ContentType.objects.clear_cache()
