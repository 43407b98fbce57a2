"""The second factor: required for beheerder and wethouder, optional for the rest."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from inclusie.constants import Role
from inclusie.twofactor import services
from tests.factories import UserFactory
from tests.signin import sign_in, totp_code

PASSWORD = "een-lang-wachtwoord-2026"


def password_login(client, user, password=PASSWORD):
    return client.post(reverse("login"), {"username": user.email, "password": password})


def enrolled_user(role=Role.BEHEERDER, secret=None):
    user = UserFactory(role=role, is_staff=role == Role.BEHEERDER)
    user.set_password(PASSWORD)
    user.save()
    services.demo_enrol(user=user, secret=secret or settings.DEMO_TOTP_SECRET)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.BEHEERDER, Role.WETHOUDER])
def test_password_alone_opens_no_page_no_admin_and_no_download(client, role):
    user = enrolled_user(role)
    assert password_login(client, user).status_code == 302
    verify = reverse("twofactor-verify")
    for url in ["/", "/admin/", reverse("account"), "/dashboard/", "/deal/partners/export.csv"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(verify), url
    # The verify page itself opens, and shows no navigation yet.
    page = client.get(verify)
    assert page.status_code == 200
    assert page.context["hoofdnavigatie"] == []
    html = page.content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html


@pytest.mark.django_db
def test_right_code_opens_the_portal_and_returns_to_the_page_asked_for(client):
    user = enrolled_user(Role.WETHOUDER)
    password_login(client, user)
    asked = client.get("/dashboard/")
    response = client.post(asked.url, {"code": totp_code()})
    assert response.status_code == 302
    assert response.url == "/dashboard/"
    assert client.get("/").status_code == 200
    # The same code cannot be used twice (replay), even in a new session.
    client.post(reverse("logout"))
    password_login(client, user)
    again = client.post(reverse("twofactor-verify"), {"code": totp_code()})
    assert again.status_code == 200
    assert "klopt niet" in again.content.decode()


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_lockout(client, settings):
    from axes.models import AccessAttempt

    settings.AXES_FAILURE_LIMIT = 3
    user = enrolled_user()
    password_login(client, user)
    for _ in range(2):
        response = client.post(reverse("twofactor-verify"), {"code": "000000"})
        assert response.status_code == 200
        assert "klopt niet" in response.content.decode()
    assert sum(a.failures_since_start for a in AccessAttempt.objects.all()) == 2
    response = client.post(reverse("twofactor-verify"), {"code": "000000"})
    assert response.status_code == 429
    # Locked out and signed out: even the right code no longer helps now.
    assert client.get("/").status_code == 200  # the public welcome page, not the home
    assert "_auth_user_id" not in client.session
    password_login(client, user)
    response = client.post(reverse("twofactor-verify"), {"code": totp_code()})
    assert response.status_code in (302, 429)
    assert client.get(reverse("account")).status_code != 200


@pytest.mark.django_db
def test_a_successful_password_does_not_reset_the_count_of_wrong_codes(client, settings):
    from axes.models import AccessAttempt
    from django.utils import timezone

    settings.AXES_FAILURE_LIMIT = 3
    user = enrolled_user()
    for _ in range(3):
        AccessAttempt.objects.all().delete()  # as if axes had forgotten (reset on success)
        password_login(client, user)
        client.post(reverse("twofactor-verify"), {"code": "000000"})
        # Wait out django-otp's exponential back-off without sleeping: move the last failure back.
        TOTPDevice.objects.filter(user=user).update(
            throttling_failure_timestamp=timezone.now() - timezone.timedelta(seconds=10)
        )
    device = TOTPDevice.objects.get(user=user)
    assert device.throttling_failure_count == 3
    AccessAttempt.objects.all().delete()
    password_login(client, user)
    assert client.get(reverse("twofactor-verify")).status_code == 429


@pytest.mark.django_db
def test_enrolment_shows_qr_and_secret_and_gives_recovery_codes(client):
    user = UserFactory(role=Role.WETHOUDER)
    user.set_password(PASSWORD)
    user.save()
    password_login(client, user)
    response = client.get("/")
    assert response.url.startswith(reverse("twofactor-enrol"))
    page = client.get(response.url)
    html = page.content.decode()
    assert "<svg" in html and "QR-code" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = services.base32_secret(device)
    assert services.grouped(secret) in html  # the secret as text, for screen-reader users
    assert "otpauth://totp/" in html
    wrong = client.post(reverse("twofactor-enrol"), {"code": "123456"})
    assert wrong.status_code == 200
    done = client.post(reverse("twofactor-enrol"), {"code": totp_code(secret)})
    assert done.status_code == 302
    codes_page = client.get(done.url).content.decode()
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in codes_page for code in codes)
    # Shown once only.
    assert codes[0] not in client.get(reverse("twofactor-recovery")).content.decode()
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client):
    user = enrolled_user()
    codes = services.recovery_codes_renew(user=user)
    password_login(client, user)
    page = client.get(reverse("twofactor-verify") + "?methode=herstel")
    assert "Herstelcode" in page.content.decode()
    response = client.post(
        reverse("twofactor-verify"), {"code": codes[0].upper(), "methode": "herstel"}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert services.recovery_codes_left(user) == 9
    client.post(reverse("logout"))
    password_login(client, user)
    again = client.post(reverse("twofactor-verify"), {"code": codes[0], "methode": "herstel"})
    assert again.status_code == 200
    assert "al gebruikt" in again.content.decode()


@pytest.mark.django_db
def test_optional_for_other_roles_but_asked_once_enrolled(client):
    user = UserFactory(role=Role.KWARTIERMAKER)
    user.set_password(PASSWORD)
    user.save()
    password_login(client, user)
    assert client.get("/").status_code == 200  # no second factor needed
    client.post(reverse("logout"))
    services.demo_enrol(user=user, secret=settings.DEMO_TOTP_SECRET)
    password_login(client, user)
    assert client.get("/").url.startswith(reverse("twofactor-verify"))


@pytest.mark.django_db
def test_beheerder_resets_a_second_factor_logged_and_signs_the_user_out(client):
    from django.test import Client

    wethouder = enrolled_user(Role.WETHOUDER)
    other_device = Client()
    sign_in(other_device, wethouder)
    assert other_device.get("/").status_code == 200

    beheerder = UserFactory(role=Role.BEHEERDER, is_staff=True)
    sign_in(client, beheerder)
    assert client.get(reverse("twofactor-reset", args=[wethouder.pk])).status_code == 200
    response = client.post(reverse("twofactor-reset", args=[wethouder.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=wethouder).exists()
    entry = LogEntry.objects.filter(object_pk=str(wethouder.pk)).latest("timestamp")
    assert entry.actor == beheerder
    assert "gereset" in entry.changes_str
    # The wethouder's open session ends.
    assert other_device.get("/").context["user"].is_anonymous
    # Other roles may not reset.
    assert sign_in(Client(), wethouder).get(
        reverse("twofactor-reset", args=[beheerder.pk])
    ).status_code in (302, 403)


@pytest.mark.django_db
def test_changing_the_password_signs_out_other_sessions_but_not_this_one(client):
    from django.test import Client

    user = enrolled_user(Role.WETHOUDER)
    other = Client()
    sign_in(other, user)
    sign_in(client, user)
    new = "nog-een-heel-lang-wachtwoord-77"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert client.get(reverse("account")).status_code == 200
    assert other.get("/").context["user"].is_anonymous


@pytest.mark.django_db
def test_linking_a_new_app_signs_out_other_sessions_but_not_this_one(client):
    from django.test import Client

    user = enrolled_user(Role.WETHOUDER)
    other = Client()
    sign_in(other, user)
    sign_in(client, user)
    client.get(reverse("twofactor-enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = totp_code(services.base32_secret(device))
    assert client.post(reverse("twofactor-enrol"), {"code": code}).status_code == 302
    assert TOTPDevice.objects.filter(user=user).count() == 1
    assert client.get(reverse("account")).status_code == 200
    assert other.get("/").context["user"].is_anonymous


@pytest.mark.django_db
def test_seed_demo_enrols_beheerder_and_wethouder_with_the_demo_secret():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    key = services.key_from_base32(settings.DEMO_TOTP_SECRET)
    enrolled = set(TOTPDevice.objects.filter(key=key).values_list("user__username", flat=True))
    assert enrolled == {"beheerder", "wethouder"}


@pytest.mark.django_db
def test_production_refuses_to_start_with_the_demo_secret_on_an_account(settings):
    enrolled_user(secret=settings.DEMO_TOTP_SECRET_DEFAULT)
    settings.PRODUCTION = True
    errors = [e for e in run_checks() if e.id == "inclusie.E201"]
    assert errors and errors[0].level >= 40
    TOTPDevice.objects.all().delete()
    assert not [e for e in run_checks() if e.id == "inclusie.E201"]
