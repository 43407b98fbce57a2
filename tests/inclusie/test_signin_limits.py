"""Sign-in lockout per account (whatever spelling), per client address, and reset-mail limits."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SPELLINGS = ["Kwartiermaker", "KWARTIERMAKER", "kwartiermaker@demo.inclusie.nl"]


def fail(client, ident, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": ident, "password": "fout"}, REMOTE_ADDR=address
    )


def test_lockout_counts_per_account_whatever_spelling_is_typed(client, settings):
    """Regression: each spelling (case, e-mail instead of username) had its own five tries."""
    UserFactory(username="kwartiermaker", email="kwartiermaker@demo.inclusie.nl")
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = fail(client, SPELLINGS[attempt % 3])
        assert response.status_code == 200, attempt
    assert fail(client, SPELLINGS[(settings.AXES_FAILURE_LIMIT - 1) % 3]).status_code == 429
    # Locked for every spelling, also with the right password, also from another address.
    for ident in [*SPELLINGS, "kwartiermaker"]:
        response = client.post(
            reverse("login"), {"username": ident, "password": PASSWORD}, REMOTE_ADDR="192.0.2.99"
        )
        assert response.status_code == 429, ident
        assert "tijdelijk geblokkeerd" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_unknown_names_share_one_counter_in_any_case(client, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert fail(client, ["Niemand", "NIEMAND", "niemand"][attempt % 3]).status_code == 200
    assert fail(client, "nIeMaNd").status_code == 429
    from inclusie.security import canonical_username

    assert canonical_username("NiEmAnD ") == "niemand"


def test_one_persons_typos_do_not_lock_out_others_at_the_same_address(client, settings):
    UserFactory(username="collega", email="collega@voorbeeld.nl")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail(client, "typfout")
    response = client.post(
        reverse("login"), {"username": "collega", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 302


def test_an_address_trying_many_accounts_is_locked(client, settings):
    settings.AXES_IP_FAILURE_LIMIT = 12
    UserFactory(username="collega", email="collega@voorbeeld.nl")
    for n in range(settings.AXES_IP_FAILURE_LIMIT - 1):
        assert fail(client, f"persoon{n}").status_code == 200
    assert fail(client, "nog-een").status_code == 429
    response = client.post(
        reverse("login"), {"username": "collega", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 429
    response = client.post(
        reverse("login"), {"username": "collega", "password": PASSWORD}, REMOTE_ADDR="192.0.2.11"
    )
    assert response.status_code == 302


def test_client_address_comes_from_the_proxy_header_only_behind_the_proxy(rf, settings):
    from inclusie.security import client_ip

    request = rf.get(
        "/",
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_REAL_IP="198.51.100.7",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7",
    )
    settings.BEHIND_TLS_PROXY = False
    assert client_ip(request) == "172.18.0.5"  # nobody outside can fake the header
    settings.BEHIND_TLS_PROXY = True
    assert client_ip(request) == "198.51.100.7"
    request = rf.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.8")
    assert client_ip(request) == "198.51.100.8"  # right-most hop, appended by our proxy
    request = rf.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_REAL_IP="not-an-ip")
    assert client_ip(request) == "172.18.0.5"


def test_behind_the_proxy_typos_lock_the_person_not_the_proxy(client, settings):
    """Everyone reaches gunicorn from the proxy's address; lockout follows X-Real-IP."""
    settings.BEHIND_TLS_PROXY = True
    settings.AXES_IP_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT
    UserFactory(username="collega", email="collega@voorbeeld.nl")
    proxy = {"REMOTE_ADDR": "172.18.0.5"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": f"iemand{n}", "password": "fout"},
            HTTP_X_REAL_IP="198.51.100.7",
            **proxy,
        )
    response = client.post(
        reverse("login"),
        {"username": "collega", "password": PASSWORD},
        HTTP_X_REAL_IP="198.51.100.8",
        **proxy,
    )
    assert response.status_code == 302


@pytest.fixture
def reset(client, django_capture_on_commit_callbacks):
    """Ask for a reset mail; the stored mail is sent once the request's transaction commits."""

    def ask(client, email, address="192.0.2.10"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)

    return ask


def test_reset_mail_is_rate_limited_per_address(client, settings, reset):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    UserFactory(email="iemand@voorbeeld.nl")
    for n in range(settings.PASSWORD_RESET_PER_ADDRESS + 3):
        response = reset(client, "IEMAND@voorbeeld.nl", address=f"192.0.2.{20 + n}")
        assert response.status_code == 302
        assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_ADDRESS
    link = [line for line in mail.outbox[0].body.splitlines() if "wachtwoord-kiezen" in line][0]
    assert link.startswith(settings.PORTAL_BASE_URL + "/account/wachtwoord-kiezen/")


def test_reset_mail_is_rate_limited_per_client(client, settings, reset):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for n in range(settings.PASSWORD_RESET_PER_CLIENT + 2):
        UserFactory(email=f"persoon{n}@voorbeeld.nl")
    for n in range(settings.PASSWORD_RESET_PER_CLIENT + 2):
        assert reset(client, f"persoon{n}@voorbeeld.nl").status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_CLIENT
    assert reset(client, "persoon0@voorbeeld.nl", address="192.0.2.77").status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_CLIENT + 1


def test_reset_answer_never_reveals_whether_the_address_exists(client, settings, reset):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    UserFactory(email="bestaat@voorbeeld.nl")
    known = reset(client, "bestaat@voorbeeld.nl")
    unknown = reset(client, "bestaat-niet@voorbeeld.nl")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    for _ in range(settings.PASSWORD_RESET_PER_ADDRESS + 1):
        limited = reset(client, "bestaat@voorbeeld.nl")
    assert (limited.status_code, limited["Location"]) == (known.status_code, known["Location"])
    done = client.get(known["Location"]).content.decode()
    assert "Als er een account bij dit e-mailadres hoort" in done
