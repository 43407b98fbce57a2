"""Headers on every response, nothing personal in a cache, bodies refused before they are read."""

import pytest
from django.urls import reverse

from inclusie.constants import Role
from tests.factories import UserFactory
from tests.inclusie.test_security import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


def test_every_response_sends_a_permissions_policy(client, client_for):
    for response in (
        client.get("/"),
        client.get("/health/"),
        client.get("/bestaat-niet/"),
        client_for(Role.KWARTIERMAKER).get(reverse("home")),
    ):
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in policy, response


def test_signed_in_pages_and_personal_downloads_are_not_stored(client_for):
    from tests.ambassadeurs.factories import AmbassadeurFactory

    AmbassadeurFactory()
    client = client_for(Role.KWARTIERMAKER)
    for name in ("home", "deal:partner-list", "deal:partner-export-csv", "activiteit-export"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response["Cache-Control"] == "private, no-store", name


def test_the_huisstijl_is_cached_also_for_people_signed_in(client, client_for):
    """The stylesheet and logo are the same for everyone and linked with a version in
    the query string: a signed-in page view does not fetch them again."""
    from django.core.files.base import ContentFile

    from inclusie.models import GemeenteProfiel

    profiel = GemeenteProfiel.cached()
    profiel.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    signed_in = client_for(Role.KWARTIERMAKER)
    for name in ("huisstijl-thema", "huisstijl-logo"):
        for who in (client, signed_in):
            response = who.get(reverse(name))
            assert response.status_code == 200, name
            assert response["Cache-Control"] == "public, max-age=86400", name
    # The page itself is still not stored.
    assert signed_in.get(reverse("home"))["Cache-Control"] == "private, no-store"


def test_calendar_feed_is_not_stored(client):
    user = UserFactory(role=Role.AMBASSADEUR)
    response = client.get(reverse("agenda-feed", args=[user.calendar_token]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_public_pages_may_be_cached(client):
    response = client.get(reverse("openbaar"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_body_above_the_limit_is_refused_before_it_is_read(client_for, settings):
    """A Dutch 413 from the Content-Length alone: the body is never read (no CSRF check, no form)."""
    from django.test import Client

    client = client_for(Role.KWARTIERMAKER)
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    settings.REQUEST_MAX_BYTES = settings.UPLOAD_MAX_BYTES + 64 * 1024

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = client.generic(
        "POST",
        reverse("deal:partner-import"),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    text = response.content.decode()
    assert 'lang="nl"' in text and "te groot" in text and "1,0" in text
    # Within the limit the request goes on as usual (here: CSRF-checked, a 403 without token).
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(UserFactory(role=Role.KWARTIERMAKER))
    ok = strict.post(reverse("deal:partner-import"), data={"x": "y"})
    assert ok.status_code == 403


def test_django_limits_match_the_upload_limit(settings):
    assert settings.REQUEST_MAX_BYTES > settings.UPLOAD_MAX_BYTES
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.UPLOAD_MAX_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.UPLOAD_MAX_BYTES


@pytest.mark.parametrize(
    "secret",
    [
        "change-me-to-a-long-random-string-of-at-least-fifty-characters",
        "dev-only-insecure-key-change-me-for-anything-real-0123456789",
        "CHANGE-ME-please-0123456789012345678901234567890123456789",
    ],
)
def test_production_refuses_the_placeholder_secret(secret):
    env = {**PRODUCTION_ENV, "SECRET_KEY": secret}
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and ".env.example" in result.stderr


def test_env_example_secret_is_a_known_placeholder():
    from django.conf import settings

    example = (settings.BASE_DIR / ".env.example").read_text()
    secret = next(
        line.split("=", 1)[1] for line in example.splitlines() if line.startswith("SECRET_KEY=")
    )
    assert secret in settings.PLACEHOLDER_SECRET_KEYS
