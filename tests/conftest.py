"""Shared fixtures. Unit tests run Celery eagerly; integration tests use a real broker."""

from __future__ import annotations

import io
import itertools
import sys

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from pytest_django.plugin import blocking_manager_key

from inclusie.celery import app as celery_app
from inclusie.constants import Role
from tests import db_states as states
from tests import db_template, fast_static
from tests.db_states import TableRows, realign_sequences, realign_sequences_if_set
from tests.factories import UserFactory
from tests.signin import sign_in
from tests.workers import xdist_worker_index

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
    from tests import fast_flush

    fast_flush.install()
states.install()
fast_static.install()


def _own_redis_cache_per_worker() -> None:
    """xdist workers share the Redis server but not a cache database: every test clears
    the cache, which must never drop another worker's keys (rate limits, sign-in locks).
    Worker n uses the configured cache database + n (/1, /2, ...); the integration tests'
    broker and worker cache sit at the other end (tests/integration/conftest.py)."""
    cache = settings.CACHES["default"]
    index = xdist_worker_index()
    if not index or not cache["BACKEND"].endswith("RedisCache"):
        return
    base, db = cache["LOCATION"].rsplit("/", 1)
    cache["LOCATION"] = f"{base}/{int(db or 0) + index}"


_own_redis_cache_per_worker()


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Run tasks in-process unless the test drives a real worker."""
    if request.node.get_closest_marker("integration"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def _forget_process_caches() -> None:
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    from inclusie import fragments, keuzes, registry
    from inclusie.templatetags import fragmenten

    cache.clear()
    # The language a request switched to stays active in this thread afterwards (the
    # middleware activates it per request): every test starts in Dutch.
    translation.activate(settings.LANGUAGE_CODE)
    keuzes.clear_memo()  # choice lists remembered within a request (inclusie/keuzes.py)
    registry._nav_cache.clear()  # the menu per role, built once per process
    registry._nav_html_cache.clear()  # and its HTML per current item
    fragmenten._shared.clear()  # page parts without data, rendered once per process
    fragments._local.clear()  # fragments this process read lately
    fragments._process.clear()  # values kept per data version (the gemeente profile)
    # A test that restored the demo snapshot or flushed the database leaves content
    # type ids in this process's cache that the rollback or flush took away again.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _fresh_axes_and_cache(request, django_db_blocker, monkeypatch):
    from inclusie.middleware import IdleSessionMiddleware

    # The session is touched once a minute; on a loaded machine a test can take that
    # long, and the touch would show up as an extra query in a query-count test.
    monkeypatch.setattr(IdleSessionMiddleware, "TOUCH_EVERY", 3600)
    _forget_process_caches()
    yield
    _forget_process_caches()
    if {"db", "transactional_db", "demo_data", "demo_site"} & set(request.fixturenames):
        with django_db_blocker.unblock():
            realign_sequences_if_set()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: the tables as migrations left them, unless the test
    starts from the demo itself (`demo_site`) or no committed test left rows behind."""
    if states.left_over and "demo_site" not in item.fixturenames:
        with item.config.stash[blocking_manager_key].unblock():
            states.put_back_base()


@pytest.fixture
def demo_data(db):
    """The demo programme (`seed_demo`) in this test's transaction, rolled back afterwards."""
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo programme seeded once for a module's tests that only need it there: in a
    transaction around them, rolled back after the module. Each test still runs in its
    own transaction inside it (`db`), so what one test writes never reaches the next."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            # The seed's foreign keys, checked now and once: left deferred, every test's
            # closing check (in its savepoint, rolled back) checked them all again.
            connection.check_constraints()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            ContentType.objects.clear_cache()


DEMO_ROWS = pytest.StashKey[TableRows]()


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """Keep the worker's database when it was made from the migrated template: Django then
    applies no migration to it (tests/db_template.py)."""
    if request.config.getvalue("reuse_db"):
        return True
    return db_template.create_from_template()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb, request):
    """The test databases (pytest-django, from the template when there is one), then what
    they hold right after the migrations (`base`, put back after a committed test, before
    the next test that does not start from the demo, instead of a flush) and, when this session has tests that ask for it, the demo on top
    of that (tests/db_states.py)."""
    with django_db_blocker.unblock():
        if not django_db_keepdb:
            db_template.save_as_template()
        realign_sequences()  # from here on only after a sequence was set (tests/db_states.py)
        states.base = TableRows.read()
        if any("demo_rows" in getattr(item, "fixturenames", ()) for item in request.session.items):
            request.config.stash[DEMO_ROWS] = states.seeded_demo()
    yield
    states.base = None


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, request) -> TableRows:
    """The demo's rows, to put back with `restore()` (`demo_site`)."""
    return request.config.stash[DEMO_ROWS]


@pytest.fixture
def user_for_role(db):
    made: dict[str, object] = {}

    def make(role: str):
        if role not in made:
            made[role] = UserFactory(role=role, is_staff=role == Role.BEHEERDER)
        return made[role]

    return make


@pytest.fixture
def client_for(client, user_for_role):
    """A test client signed in with the given role (second factor passed where required)."""

    def make(role: str):
        return sign_in(client, user_for_role(role))

    return make


def pytest_terminal_summary(terminalreporter):
    """How many URL x role x object requests the horizontal-access walk refused."""
    module = sys.modules.get("tests.test_horizontal_access")
    checks = getattr(module, "CHECKS", None)
    if checks and checks["n"]:
        terminalreporter.write_line(
            f"horizontal access: {checks['n']} URL x role x object requests refused; "
            f"object name absent in {checks['names']}, not checkable (too short or on "
            f"every page) in {checks['names_not_checkable']}"
        )


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in past the second factor (a superuser needs it)."""
    return sign_in(client, admin_user)


# Browser, integration and a few other tests take many seconds each, most tests a
# fraction of one.
SLOW = ("browser", "integration", "slow")


def pytest_collection_modifyitems(config, items):
    """Under xdist (`--dist worksteal`) the slow tests start first, spread over the workers.

    Worksteal first hands each of the n workers one contiguous share of the collection
    (len(pending) // workers left, in turn) and later lets an idle worker take the back
    half of the longest queue. Each share here starts with every n-th slow test and is
    filled up with the quick ones in their written order, so the slow tests run side by
    side from the start and only quick tests are left to move at the end. Any order is
    safe: committed tests leave the database as migrations left it (tests/db_states.py).
    """
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers < 2:  # not under xdist: keep the written order
        return
    is_slow = [any(item.get_closest_marker(m) for m in SLOW) for item in items]
    slow = [item for item, flag in zip(items, is_slow, strict=True) if flag]
    quick = iter([item for item, flag in zip(items, is_slow, strict=True) if not flag])
    ordered = []
    left = len(items)
    for worker in range(workers):
        share = left // (workers - worker)
        own_slow = slow[worker::workers]
        ordered += own_slow
        ordered += list(itertools.islice(quick, max(share - len(own_slow), 0)))
        left -= share
    ordered += list(quick)
    assert len(ordered) == len(items)
    items[:] = ordered
