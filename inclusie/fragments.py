"""Cached HTML fragments that any write to the data makes stale at once.

A fragment (a home panel of one user) is cached in the shared cache (Redis in
production) under a key holding the current *data version*. Every statement that
writes to the database (INSERT, UPDATE, DELETE, TRUNCATE through Django's
connection, including queryset.update() and bulk_create, which send no signals)
bumps that version: right away, and again when the transaction commits, so a
fragment rendered from data read before the commit is never served after it.
Sessions, sign-in attempts and the audit log (which only accompanies other writes)
do not count as data.

Keys also hold the user, the role, the language and the day, so one person's
fragment never reaches another person, and "today" in a fragment is today.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping

from django.core.cache import cache
from django.db import connections

VERSION_KEY = "fragments:version"
TIMEOUT = 300  # seconds; a version change makes a fragment unreachable long before that

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+(?:TABLE\s+)?"?(\w+)', re.I
)
IGNORED_TABLES = frozenset(
    {
        "django_session",
        "axes_accessattempt",
        "axes_accessfailurelog",
        "axes_accesslog",
        "auditlog_logentry",
    }
)


def version() -> str:
    """The current data version; writes of this thread not yet committed count as done."""
    for conn in connections.all(initialized_only=True):
        if getattr(conn, "_fragments_dirty", False):
            conn._fragments_dirty = False
            return bump()
    current = cache.get(VERSION_KEY)
    if current is None:
        current = bump()
    return current


def bump() -> str:
    new = uuid.uuid4().hex
    cache.set(VERSION_KEY, new, None)
    return new


def writes_data(sql: str) -> bool:
    match = _WRITE.match(sql)
    return bool(match) and match.group(1).lower() not in IGNORED_TABLES


def _after_commit() -> None:
    for conn in connections.all(initialized_only=True):
        conn._fragments_dirty = False
    bump()


def _bump_on_write(execute: Callable, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and writes_data(sql):
        connection = context["connection"]
        if not connection.in_atomic_block:
            bump()  # autocommit: the row is there now
        else:
            # Once per transaction, when it commits (a rolled-back one bumps nothing); and
            # a fragment this thread renders before then sees its own writes (version()).
            connection._fragments_dirty = True
            if not any(func is _after_commit for _sids, func, _robust in connection.run_on_commit):
                connection.on_commit(_after_commit)
    return result


def install(sender=None, connection=None, **kwargs) -> None:
    """Watch a database connection's writes (connection_created; also for existing ones)."""
    targets = [connection] if connection is not None else list(connections.all())
    for conn in targets:
        if _bump_on_write not in conn.execute_wrappers:
            conn.execute_wrappers.append(_bump_on_write)


class Deferred(Mapping):
    """A page's data, read on first use: for a page whose body is a cached fragment.

    The view passes `Deferred(compute)` where `compute()` returns a dict; the template
    opens the fragment and, inside it, `{% with x=page.x %}`. On a cache hit nothing
    inside runs, so the data is never read from the database.
    """

    def __init__(self, compute: Callable[[], dict]) -> None:
        self._compute = compute
        self._values: dict | None = None

    def _all(self) -> dict:
        if self._values is None:
            self._values = self._compute()
        return self._values

    def __getitem__(self, name: str):
        return self._all()[name]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())
