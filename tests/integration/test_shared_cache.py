"""With REDIS_URL set the cache is Redis, shared by every process.

Regression: each gunicorn worker had its own in-memory cache, so a change to the
gemeente profile or the public Deal page reached only the worker that made it;
the others showed the old page for up to a minute.
"""

from __future__ import annotations

import os
import re
import urllib.parse
import urllib.request

import pytest
from django.test import Client

from bench.run import Server
from inclusie.constants import Role
from tests.factories import UserFactory
from tests.integration.conftest import database_url
from tests.signin import sign_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def get(server: Server, path: str, cookie: str = "") -> tuple[str, str]:
    request = urllib.request.Request(server.base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback only
        return response.read().decode(), response.headers.get("Set-Cookie", "")


def post(server: Server, path: str, data: dict, cookie: str) -> int:
    request = urllib.request.Request(
        server.base + path, data=urllib.parse.urlencode(data).encode(), headers={"Cookie": cookie}
    )
    opener = urllib.request.build_opener(NoRedirect())
    try:
        with opener.open(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_settings_use_redis_on_its_own_db_when_redis_is_there():
    from inclusie.settings import _redis_cache_url

    assert _redis_cache_url("redis://redis:6379/0") == "redis://redis:6379/1"
    assert _redis_cache_url("redis://:pw@redis:6379") == "redis://:pw@redis:6379/1"


def test_a_change_on_one_worker_shows_on_the_other(redis_url, settings):
    import redis

    from deal import services as deal_services
    from inclusie.models import GemeenteProfiel
    from tests.deal.factories import PartnerFactory

    cache_url = redis_url.rsplit("/", 1)[0] + "/" + str(int(redis_url.rsplit("/", 1)[1]) + 1)
    redis.Redis.from_url(cache_url).flushdb()
    GemeenteProfiel.objects.update_or_create(
        pk=1,
        defaults={"naam": "Deventer", "gemeentecode": "GM0150", "hoe_aansluiten": "Bel ons."},
    )
    beheerder = UserFactory(role=Role.BEHEERDER, is_staff=True)
    partner = PartnerFactory(organisatie__naam="Bakkerij De Brink", fase="aangehaakt")
    browser = Client()
    sign_in(browser, beheerder)
    session = f"sessionid={browser.cookies['sessionid'].value}"

    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("REDIS_CACHE_URL", None)
    a, b = Server(env, workers=1), Server(env, workers=1)
    try:
        for server in (a, b):  # both workers have the page in their cache
            page, _ = get(server, "/openbaar/deal/")
            assert "Bel ons." in page and "Bakkerij De Brink" not in page

        # The beheerder changes the profile on worker A ...
        form, set_cookie = get(a, "/beheer/gemeente/", session)
        csrf = re.search(r"csrftoken=([^;]+)", set_cookie).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = {
            "csrfmiddlewaretoken": token,
            "naam": "Deventer",
            "gemeentecode": "GM0150",
            "programmanaam": "Inclusie Deal",
            "portefeuillehouder": "",
            "team": "",
            "term_pijler": "pijler",
            "term_lidwoord": "de",
            "term_pijlers": "pijlers",
            "hoe_aansluiten": "Mail de kwartiermaker.",
            "contact_email": "",
        }
        assert post(a, "/beheer/gemeente/", data, f"{session}; csrftoken={csrf}") == 302
        # ... and worker B shows it at once.
        page, _ = get(b, "/openbaar/deal/")
        assert "Mail de kwartiermaker." in page and "Bel ons." not in page

        # A Deal write in a third process (here: this one, on the same Redis) reaches both.
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": cache_url,
                "KEY_PREFIX": "inclusie",
            }
        }
        deal_services.partner_sign(
            partner=partner,
            ondertekend_op=partner.fase_sinds,
            ondertekenaar_naam="Directeur Voorbeeld",
            by=beheerder,
        )
        for server in (a, b):
            page, _ = get(server, "/openbaar/deal/")
            assert "Bakkerij De Brink" in page
    finally:
        a.stop()
        b.stop()
