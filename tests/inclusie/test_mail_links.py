"""Every link in a mail is absolute and starts with PORTAL_BASE_URL.

Regression: the action reminder (a beat task, no request) read an undefined
PORTAL_BASE_URL and ended in an empty link; other mails took the host from the
request, which is not the portal's to trust.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from inclusie.constants import Role
from tests.factories import UserFactory
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

BASE = "https://inclusie.gemeente.example"


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def portal(settings):
    settings.PORTAL_BASE_URL = BASE


def links(text: str) -> list[str]:
    return re.findall(r"(?:https?://|/)[^\s\"'<>]+", text)


def assert_links_start_with_base(body: str, expected_path: str, base: str = BASE):
    found = [u for u in links(body) if u.startswith(("http", "/"))]
    assert found, body
    for url in found:
        assert url.startswith(base + "/"), (url, body)
    assert base + expected_path in found, (expected_path, found)


def test_action_reminder_from_the_beat_task_links_to_the_actions(
    django_capture_on_commit_callbacks, settings
):
    """The beat task has no request: the link comes from the setting (development default)."""
    from bijeenkomsten.tasks import send_actie_herinneringen
    from tests.bijeenkomsten.factories import ActieFactory

    ActieFactory(deadline=timezone.localdate() + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_actie_herinneringen() == 1
    (message,) = mail.outbox
    base = getattr(settings, "PORTAL_BASE_URL", "")
    assert base == "http://127.0.0.1:8000"
    assert_links_start_with_base(message.body, reverse("actie-list"), base=base)


def test_invitation_mail_and_its_calendar_file_link_to_the_meeting(
    portal,
    django_capture_on_commit_callbacks,
):
    from bijeenkomsten import services
    from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory

    b = BijeenkomstFactory()
    UitnodigingFactory(bijeenkomst=b)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.uitnodigingen_send(bijeenkomst=b) == 1
    (message,) = mail.outbox
    assert_links_start_with_base(message.body, b.get_absolute_url())
    ics = message.attachments[0].get_payload(decode=True).decode()
    assert f"URL:{BASE}{b.get_absolute_url()}" in ics.replace("\r\n ", "")


def test_account_invitation_ignores_the_request_host(
    portal, client, django_capture_on_commit_callbacks
):
    sign_in(client, UserFactory(role=Role.BEHEERDER, is_staff=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("gebruiker-invite"),
            {"naam": "Nina Nieuw", "email": "nina@voorbeeld.nl", "role": Role.WETHOUDER},
            HTTP_HOST="localhost",
        )
    (message,) = mail.outbox
    assert "localhost" not in message.body
    (link,) = [u for u in links(message.body) if "wachtwoord-kiezen" in u]
    assert link.startswith(BASE + "/account/wachtwoord-kiezen/")


def test_advies_reminder_links_to_the_advies(portal, django_capture_on_commit_callbacks):
    from klankbord.services import advies_herinneringen_versturen
    from tests.klankbord.factories import AdviesFactory

    UserFactory(role=Role.KWARTIERMAKER)
    advies = AdviesFactory(reactie_uiterlijk=timezone.localdate() + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert advies_herinneringen_versturen() == 1
    (message,) = mail.outbox
    assert_links_start_with_base(message.body, reverse("advies-detail", args=[advies.pk]))


def test_report_ready_mail_links_to_the_report(portal, django_capture_on_commit_callbacks):
    from monitoring.models import Rapport
    from monitoring.services import reports

    wethouder = UserFactory(role=Role.WETHOUDER)
    rapport = Rapport.objects.create(soort="monitoring", periode="2026-H1")
    with django_capture_on_commit_callbacks(execute=True):
        reports._notify_ready(rapport)
    (message,) = mail.outbox
    assert wethouder.email in message.to
    assert_links_start_with_base(
        message.body, reverse("monitoring:rapport-detail", args=[rapport.pk])
    )
