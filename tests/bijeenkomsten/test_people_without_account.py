"""Ambassadors and klankbord members without an account get invitations (with .ics) at
their e-mail address and can own an action, reminded by e-mail (issue 11)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services as svc
from bijeenkomsten.models import Actie, Soort, Uitnodiging
from inclusie.constants import Role
from inclusie.models import Notificatie
from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory
from tests.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def test_an_invitee_without_an_account_gets_the_invitation_with_ics_by_email(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    b = BijeenkomstFactory(titel="Ambassadeursavond")
    UitnodigingFactory(bijeenkomst=b)
    persoon = PersoonFactory(naam="Sem Zonder-Account", email="sem@voorbeeld.nl")
    Uitnodiging.objects.create(bijeenkomst=b, persoon=persoon)
    with django_capture_on_commit_callbacks(execute=True):
        assert svc.uitnodigingen_send(bijeenkomst=b) == 2
    to_sem = [m for m in mail.outbox if m.to == ["sem@voorbeeld.nl"]]
    assert len(to_sem) == 1
    message = to_sem[0]
    assert "Ambassadeursavond" in message.subject
    assert b.get_absolute_url() not in message.body  # no portal link they cannot open
    to_account = [m for m in mail.outbox if m.to != ["sem@voorbeeld.nl"]][0]
    assert b.get_absolute_url() in to_account.body
    part = message.attachments[0]
    assert part.get_content_type() == "text/calendar"
    assert "BEGIN:VEVENT" in part.get_payload(decode=True).decode()
    assert Uitnodiging.objects.get(persoon=persoon).verzonden_op is not None
    # A change to the meeting reaches them too (an updated .ics).
    with django_capture_on_commit_callbacks(execute=True):
        svc.bijeenkomst_cancel(bijeenkomst=b, reden="Zaal niet beschikbaar", by=None)
    assert len([m for m in mail.outbox if m.to == ["sem@voorbeeld.nl"]]) == 2


def test_an_invitee_without_an_account_owns_an_action_and_is_reminded_by_email(
    client_for, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    b = BijeenkomstFactory(soort=Soort.AMBASSADEURS, bezig=True)
    persoon = PersoonFactory(naam="Ilse Zonder-Account", email="ilse@voorbeeld.nl")
    Uitnodiging.objects.create(bijeenkomst=b, persoon=persoon)
    client = client_for(Role.KWARTIERMAKER)
    url = reverse("actie-create", args=[b.pk])
    assert "Ilse Zonder-Account" in client.get(url).content.decode()
    deadline = timezone.localdate() + timedelta(days=2)
    response = client.post(
        url,
        {
            "omschrijving": "Flyers rondbrengen",
            "eigenaar_persoon": persoon.pk,
            "deadline": deadline,
        },
    )
    assert response.status_code == 302
    actie = Actie.objects.get(omschrijving="Flyers rondbrengen")
    assert actie.eigenaar_persoon == persoon and actie.eigenaar is None
    page = client.get(b.get_absolute_url()).content.decode()
    assert "Flyers rondbrengen" in page and "Ilse Zonder-Account" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert svc.actie_herinneringen_send() == 1
    assert [m.to for m in mail.outbox] == [["ilse@voorbeeld.nl"]]
    assert "Flyers rondbrengen" in mail.outbox[0].body
    assert Notificatie.objects.get().email == "ilse@voorbeeld.nl"


def test_an_action_has_exactly_one_owner(client_for, user_for_role):
    b = BijeenkomstFactory(bezig=True)
    persoon = PersoonFactory(email="x@voorbeeld.nl")
    Uitnodiging.objects.create(bijeenkomst=b, persoon=persoon)
    client = client_for(Role.KWARTIERMAKER)
    data = {"omschrijving": "Iets", "deadline": "2030-01-01"}
    page = client.post(reverse("actie-create", args=[b.pk]), data).content.decode()
    assert "Kies wie de actie uitvoert." in page
    both = {**data, "eigenaar": user_for_role(Role.AMBASSADEUR).pk, "eigenaar_persoon": persoon.pk}
    page = client.post(reverse("actie-create", args=[b.pk]), both).content.decode()
    assert "niet beide" in page
    # Only people invited to this meeting can be chosen.
    other = PersoonFactory(email="y@voorbeeld.nl")
    response = client.post(
        reverse("actie-create", args=[b.pk]), {**data, "eigenaar_persoon": other.pk}
    )
    assert response.status_code == 200
    assert not Actie.objects.exists()
