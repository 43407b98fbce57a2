"""Empty PostgreSQL tables with DELETE instead of TRUNCATE in the test session.

Django's flush (`seed_demo --reset` in tests; a committed test's teardown puts the
migrated state back instead, tests/db_states.py) truncates every table. On PostgreSQL a TRUNCATE of the
portal's ~100 tables replaces the files of each table and index and takes seconds
(measured 4 s on the 2-core CI machine); the few rows a test leaves behind are deleted
in a fraction of that. Same result: every table empty, every id sequence restarted.

Foreign keys: Django creates them DEFERRABLE INITIALLY DEFERRED and the flush runs in
a transaction, so the order of the DELETEs does not matter (`SET CONSTRAINTS ALL
DEFERRED` also covers a caller that had made them immediate for TRUNCATE's sake).
"""

from __future__ import annotations

from django.db.backends.postgresql.operations import DatabaseOperations

_sequences: dict[str, list[dict]] = {}


def _sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if not tables:
        return []
    qn = self.quote_name
    sql = ["SET CONSTRAINTS ALL DEFERRED;"]
    sql += [f"DELETE FROM {qn(table)};" for table in tables]
    if reset_sequences:
        sequences = []
        with self.connection.cursor() as cursor:
            for table in tables:
                if table not in _sequences:
                    _sequences[table] = self.connection.introspection.get_sequences(cursor, table)
                sequences.extend(_sequences[table])
        sql.extend(self.sequence_reset_by_name_sql(style, sequences))
    return sql


def install() -> None:
    DatabaseOperations.sql_flush = _sql_flush
