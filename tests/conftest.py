"""Shared fixtures. Unit tests run Celery eagerly; integration tests use a real broker."""

from __future__ import annotations

import sys

import pytest
from django.conf import settings

from inclusie.celery import app as celery_app
from inclusie.constants import Role
from tests.factories import UserFactory
from tests.signin import sign_in

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(autouse=True)
def _fresh_axes_and_cache():
    from django.core.cache import cache

    from inclusie import keuzes

    cache.clear()
    keuzes.clear_memo()  # choice lists remembered within a request (inclusie/keuzes.py)
    yield


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
