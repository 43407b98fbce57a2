"""Every URL of the portal, tried anonymously and by every role.

New URLs are covered automatically: the test walks the URL configuration. A view
of ours that declares no permission area fails the test.
"""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import (
    IntConverter,
    PathConverter,
    SlugConverter,
    StringConverter,
    UUIDConverter,
)

from inclusie.constants import Role
from inclusie.permissions import PERMISSION_MAP, declared_permission, is_public, is_third_party
from tests.factories import UserFactory
from tests.signin import sign_in

SKIP_NAMESPACES = {"admin"}  # the admin has its own guard, tested in test_security.py


def sample_value(converter):
    if hasattr(converter, "sample"):
        return converter.sample
    if isinstance(converter, IntConverter):
        return 987654
    if isinstance(converter, UUIDConverter):
        return uuid.UUID("00000000-0000-4000-8000-000000000000")
    if isinstance(converter, SlugConverter | StringConverter | PathConverter):
        return "onbekend"
    raise AssertionError(f"No sample for converter {converter!r}: give it a `sample` attribute")


def walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            if ns in SKIP_NAMESPACES:
                continue
            yield from walk(entry.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def all_urls():
    found = []
    for namespace, pattern in walk(get_resolver().url_patterns):
        assert pattern.name, f"URL pattern {pattern.pattern} has no name"
        converters = getattr(pattern.pattern, "converters", {})
        kwargs = {name: sample_value(conv) for name, conv in converters.items()}
        url = reverse(namespace + pattern.name, kwargs=kwargs)
        found.append(pytest.param(url, pattern.callback, id=namespace + pattern.name))
    return found


URLS = all_urls()


def test_the_walk_finds_the_portal():
    ids = {p.id for p in URLS}
    assert {"home", "health", "login", "beheer", "persoon-list"} <= ids
    # The beheerder's own pages (lists, questionnaires, schedule): no /admin/ needed.
    assert {
        "beheer-lijsten",
        "beheer-lijst",
        "beheer-lijst-create",
        "beheer-lijst-update",
        "beheer-lijst-actief",
        "monitoring:planning",
        "vragenlijst-beheer",
        "vragenlijst-detail",
        "vragenlijst-nieuwe-versie",
        "vragenlijst-in-gebruik",
        "vragenlijst-gegevens",
        "vraag-toevoegen",
        "vraag-bewerken",
        "vraag-verwijderen",
    } <= ids


@pytest.fixture(scope="module")
def signed_in(django_db_setup, django_db_blocker):
    """Per role one account, signed in once for the module (second factor passed where
    required): its session cookie. Made in a transaction around the module's tests and
    rolled back after them; each test runs in its own transaction inside it (`db`), so
    whatever a request changes in a session is gone before the next test. Building six
    users with devices and signing each in per test took most of the module's time."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cookies = {}
            for role in Role.values:
                user = UserFactory(role=role, is_staff=role == Role.BEHEERDER)
                client = sign_in(Client(), user)
                cookies[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
                # The cookie alone signs a fresh client in as this account.
                probe = Client()
                probe.cookies[settings.SESSION_COOKIE_NAME] = cookies[role]
                assert probe.get(reverse("home")).wsgi_request.user == user, role
            # Foreign keys checked once here, not again in every test's closing check.
            transaction.get_connection().check_constraints()
            yield cookies
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            ContentType.objects.clear_cache()


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "callback"), URLS)
def test_url_role_matrix(client, signed_in, url, callback):
    login_url = reverse(settings.LOGIN_URL)
    declared = declared_permission(callback)
    public = is_public(callback)
    if not public and declared is None:
        assert is_third_party(callback), (
            f"{url}: view declares no permission area (see inclusie/permissions.py)"
        )

    anonymous = client.get(url)
    if public:
        assert not (anonymous.status_code == 302 and anonymous["Location"].startswith(login_url)), (
            url
        )
        assert anonymous.status_code != 403, url
    else:
        assert anonymous.status_code == 302, f"{url}: anonymous got {anonymous.status_code}"
        assert anonymous["Location"].startswith(login_url), url

    for role in Role.values:
        client.cookies[settings.SESSION_COOKIE_NAME] = signed_in[role]
        response = client.get(url)
        if declared is None:
            assert response.status_code != 403, f"{url} as {role}"
            continue
        area, action = declared
        if action in PERMISSION_MAP[area].get(role, frozenset()):
            assert response.status_code != 403, f"{url}: {role} may {action} {area} but got 403"
        else:
            assert response.status_code == 403, (
                f"{url}: {role} may not {action} {area} but got {response.status_code}"
            )
    client.logout()
