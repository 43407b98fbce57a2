import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from inclusie.constants import Role
from tests.factories import PASSWORD, UserFactory
from tests.signin import sign_in

ROOT = settings.BASE_DIR


def run_manage(*args, env_extra=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "PORTAL_BASE_URL",
            "REDIS_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x7#Kq9!vLm2@Rt5$Wz8^Yb3&Nc6*Pd1(Gh4)Jf0_Ss-Ee+Uu=Ii;Oo",
    "ALLOWED_HOSTS": "inclusie.example.nl",
    "DATABASE_URL": "sqlite:////tmp/inclusie-deploy-check.sqlite3",
    "PORTAL_BASE_URL": "https://inclusie.example.nl",
}


def test_production_settings_pass_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "PORTAL_BASE_URL"]
)
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "Productiemodus" in result.stderr


def test_seed_demo_refuses_production():
    result = run_manage("seed_demo", env_extra=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "weigert" in result.stderr


@pytest.mark.django_db
def test_sign_in_with_email_or_username(client):
    user = UserFactory(email="iemand@voorbeeld.nl", username="iemand")
    for ident in ("iemand@voorbeeld.nl", "IEMAND@voorbeeld.nl", "iemand"):
        response = client.post(reverse("login"), {"username": ident, "password": PASSWORD})
        assert response.status_code == 302, ident
        assert client.session["_auth_user_id"] == str(user.pk)
        client.logout()


@pytest.mark.django_db
def test_wrong_password_gives_dutch_error_and_lockout(client):
    UserFactory(email="iemand@voorbeeld.nl")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            reverse("login"), {"username": "iemand@voorbeeld.nl", "password": "fout"}
        )
        assert "wachtwoord klopt niet" in response.content.decode()
    response = client.post(
        reverse("login"), {"username": "iemand@voorbeeld.nl", "password": "fout"}
    )
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    response = client.post(
        reverse("login"), {"username": "iemand@voorbeeld.nl", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.BEHEERDER])
def test_admin_is_for_the_beheerder_only(client, role):
    sign_in(client, UserFactory(role=role, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_beheerder_opens_admin(client):
    sign_in(client, UserFactory(role=Role.BEHEERDER, is_staff=True))
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_csrf_is_enforced():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in(client, UserFactory(role=Role.BEHEERDER))
    response = client.post(reverse("gemeente-profiel"), {"naam": "X"})
    assert response.status_code == 403
    assert "formulier is verlopen" in response.content.decode()


@pytest.mark.django_db
def test_session_expires_after_idle_time(client, settings):
    """The session cookie lives 30 minutes and is renewed (at most once a minute) while in use."""
    import time

    from inclusie.middleware import IdleSessionMiddleware

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    sign_in(client, UserFactory())
    first = client.get("/")
    assert first.cookies["sessionid"]["max-age"] == 30 * 60
    assert "sessionid" not in client.get("/").cookies  # no write within the minute
    session = client.session
    session["_touched"] = int(time.time()) - IdleSessionMiddleware.TOUCH_EVERY
    session.save()
    assert client.get("/").cookies["sessionid"]["max-age"] == 30 * 60


@pytest.mark.django_db
def test_idle_session_is_signed_out(client, settings):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    sign_in(client, UserFactory())
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    # With sessions in the shared cache (cached_db) the cached copy lives exactly as
    # long as the session; it has run out too.
    from django.core.cache import caches

    caches[settings.SESSION_CACHE_ALIAS].clear()
    response = client.get(reverse("account"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_no_person_model_has_special_category_fields():
    """AVG art. 9: never a field for ethnicity, sexual orientation, religion or health."""
    from django.apps import apps

    forbidden = (
        "etnic",
        "etnisch",
        "afkomst",
        "religie",
        "geloof",
        "seksuele",
        "orientatie",
        "gezondheid",
        "health",
        "ethnic",
        "religion",
    )
    for model in apps.get_models():
        if model._meta.app_label not in {
            "inclusie",
            "deal",
            "pijlers",
            "ambassadeurs",
            "klankbord",
            "monitoring",
        }:
            continue
        for field in model._meta.get_fields():
            name = field.name.lower()
            assert not any(word in name for word in forbidden), f"{model.__name__}.{field.name}"
