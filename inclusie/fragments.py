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

Within one request the version is read from the shared cache once (and kept up to
date by this process's own writes): a version read at the start of a request is read
before any data of that request, which is all a key needs. Because a key holds the
version, what is stored under it never changes: each process keeps the fragments it
read lately in memory as well, and asks the shared cache only for the ones it lacks.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping

from django.core.cache import cache
from django.core.signals import request_finished, request_started
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


class _Request(threading.local):
    """What this thread's current request read of the shared cache already."""

    def __init__(self) -> None:
        self.active = False
        self.version: str | None = None
        self.kept: dict[str, object] = {}  # prefetched read_through entries

    def start(self, **kwargs) -> None:
        self.active, self.version, self.kept = True, None, {}

    def finish(self, **kwargs) -> None:
        self.active, self.version, self.kept = False, None, {}


_request = _Request()
request_started.connect(_request.start, dispatch_uid="inclusie-fragments-start")
request_finished.connect(_request.finish, dispatch_uid="inclusie-fragments-finish")


def _dirty() -> bool:
    """Whether this thread wrote data in a transaction that has not committed yet."""
    return any(
        getattr(conn, "_fragments_dirty", False) for conn in connections.all(initialized_only=True)
    )


def version() -> str:
    """The current data version; writes of this thread not yet committed count as done."""
    for conn in connections.all(initialized_only=True):
        if getattr(conn, "_fragments_dirty", False):
            conn._fragments_dirty = False
            return bump()
    if _request.version is not None:
        return _request.version
    current = cache.get(VERSION_KEY)
    if current is None:
        current = bump()
    if _request.active:
        _request.version = current
    return current


def path_key(request) -> str:
    """The request's path with its query string for a cache key: as it is when short,
    else its hash (a long filter query would make the key too long for some caches)."""
    full = request.get_full_path()
    if len(full) <= 120:
        return full
    return "sha256:" + hashlib.sha256(full.encode()).hexdigest()


# key -> (expires at, HTML): fragments this process read or rendered lately
_local: dict[str, tuple[float, str]] = {}
LOCAL_MAX = 512


def get(key: str) -> str | None:
    """A stored fragment under a key that holds the data version: from this process's
    memory, else from the shared cache."""
    kept = _local.get(key)
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    html = cache.get(key)
    if html is not None:
        _keep_local(key, html)
    return html


def put(key: str, html: str) -> None:
    cache.set(key, html, TIMEOUT)
    _keep_local(key, html)


def _keep_local(key: str, html: str) -> None:
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[key] = (time.monotonic() + TIMEOUT, html)


# Placeholders can never occur in rendered HTML: "\x00" is not allowed in HTML text.
CSRF_PLACEHOLDER = "\x00csrf\x00"
_CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE_PLACEHOLDER = "\x00nonce\x00"


def hold(html: str, token: Callable[[], str], nonce: Callable[[], str]) -> str | None:
    """Rendered HTML with this request's CSRF token and CSP nonce as placeholders.

    `token` and `nonce` give this request's values ("" when it has none); they are only
    asked for when the HTML holds a form or a nonce. None (do not store) when a token or
    nonce in it is not this request's own.
    """
    if "csrfmiddlewaretoken" in html:
        value = token()
        if not value:
            return None
        html = html.replace(value, CSRF_PLACEHOLDER)
        if html.count('name="csrfmiddlewaretoken"') != html.count(f'value="{CSRF_PLACEHOLDER}"'):
            return None
    if " nonce=" in html:
        value = nonce()
        if not value:
            return None
        html = html.replace(f'nonce="{value}"', f'nonce="{NONCE_PLACEHOLDER}"')
        if html.count(" nonce=") != html.count(f'nonce="{NONCE_PLACEHOLDER}"'):
            return None
    return html


def fill(stored: str, token: Callable[[], str], nonce: Callable[[], str]) -> str | None:
    """Held HTML with this request's token and nonce; None if it cannot have them."""
    if CSRF_PLACEHOLDER in stored:
        value = token()
        if not value:
            return None
        stored = stored.replace(CSRF_PLACEHOLDER, value)
    if NONCE_PLACEHOLDER in stored:
        value = nonce()
        if not value:
            return None
        stored = stored.replace(NONCE_PLACEHOLDER, value)
    return stored


def public_page(view: Callable) -> Callable:
    """A page without sign-in (the public Deal, the public index), kept whole in the
    shared cache for visitors who are not signed in.

    Keyed on the path with its query string, the language and the data version: any
    write shows at once. The visitor's CSRF token (the language choice is a form) and
    the CSP nonce are filled in per request. Signed-in people get the page rendered.
    """
    from functools import wraps

    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.utils.translation import get_language

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if request.method != "GET" or (user is not None and user.is_authenticated):
            return view(request, *args, **kwargs)
        key = f"openbaar:{version()}:{get_language()}:{path_key(request)}"

        def token() -> str:
            return get_token(request)

        def nonce() -> str:
            value = getattr(request, "csp_nonce", None)
            return str(value) if value is not None else ""  # lazy: falsy until used

        stored = get(key)
        html = fill(stored, token, nonce) if stored is not None else None
        if html is not None:
            return HttpResponse(html)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            # get_token() masks the secret anew at every call: hold the one the page used.
            used = _CSRF_VALUE.search(html)
            held = hold(html, lambda: used.group(1) if used else "", nonce)
            if held is not None:
                put(key, held)
        return response

    return wrapper


def read_through(key: str, load: Callable[[], object]) -> object:
    """`load()`, kept in the shared cache until the data version changes.

    One round trip reads the version and the kept value together. The version is read
    before `load()` reads the database, so a write made meanwhile leaves the stored value
    under an old version, and the next read loads afresh.
    """
    if _dirty():
        return load()  # this thread's own writes are not committed yet
    if key in _request.kept:
        current, entry = _request.version, _request.kept.pop(key)
    elif _request.version is not None:
        current, entry = _request.version, cache.get(key)
    else:
        kept = cache.get_many([VERSION_KEY, key])
        current, entry = _current(kept), kept.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = load()
    cache.set(key, (current, value), TIMEOUT)
    return value


# key -> (data version, value): `kept_in_process` values
_process: dict[str, tuple[str, object]] = {}


def kept_in_process(key: str, load: Callable[[], object]) -> object:
    """`load()`, kept in this process's memory until the data version changes.

    For small values every page needs (the gemeente profile): in a request the version
    is already known, so this asks the shared cache nothing. Callers must not change
    the value they get.
    """
    if _dirty():
        return load()
    current = version()
    kept = _process.get(key)
    if kept is not None and kept[0] == current:
        return kept[1]
    value = load()
    _process[key] = (current, value)
    return value


def prefetch(keys: Iterable[str]) -> None:
    """Read the version and the `read_through` entries of `keys` in one round trip, for
    the rest of this request (the signed-in person and their device, say)."""
    if not _request.active or _request.version is not None or _dirty():
        return
    keys = list(keys)
    kept = cache.get_many([VERSION_KEY, *keys])
    _current(kept)
    _request.kept.update({key: kept[key] for key in keys if key in kept})


def _current(kept: dict) -> str:
    current = kept.get(VERSION_KEY)
    if current is None:
        return bump()
    if _request.active:
        _request.version = current
    return current


def bump() -> str:
    new = uuid.uuid4().hex
    cache.set(VERSION_KEY, new, None)
    if _request.active:
        _request.version, _request.kept = new, {}
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
