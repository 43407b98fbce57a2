"""Agenda items move up and down with buttons (no JS needed), and a new item lands
before "Rondvraag en afsluiting" (issue 14)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from bijeenkomsten import services as svc
from bijeenkomsten.models import Agendapunt
from inclusie.constants import Role
from tests.bijeenkomsten.factories import AgendapuntFactory, BijeenkomstFactory

pytestmark = pytest.mark.django_db


def titels(b) -> list[str]:
    return list(b.agendapunten.order_by("volgorde", "pk").values_list("titel", flat=True))


def agenda(b, *names):
    return [AgendapuntFactory(bijeenkomst=b, titel=n, volgorde=i) for i, n in enumerate(names, 1)]


def test_new_item_lands_before_rondvraag_en_afsluiting(client_for):
    b = BijeenkomstFactory()
    agenda(b, "Opening", "Wijken", "Rondvraag en afsluiting")
    client = client_for(Role.KWARTIERMAKER)
    client.post(reverse("agendapunt-create", args=[b.pk]), {"titel": "Training"})
    assert titels(b) == ["Opening", "Wijken", "Training", "Rondvraag en afsluiting"]
    client.post(reverse("agendapunt-create", args=[b.pk]), {"titel": "Begroting"})
    assert titels(b)[-2:] == ["Begroting", "Rondvraag en afsluiting"]


def test_new_item_goes_last_without_a_closing_item():
    b = BijeenkomstFactory()
    agenda(b, "Opening", "Wijken")
    svc.agendapunt_save(agendapunt=Agendapunt(bijeenkomst=b, titel="Training"))
    assert titels(b) == ["Opening", "Wijken", "Training"]
    # A closing item added last stays last; so does "Rondvraag" on its own.
    svc.agendapunt_save(agendapunt=Agendapunt(bijeenkomst=b, titel="Rondvraag"))
    svc.agendapunt_save(agendapunt=Agendapunt(bijeenkomst=b, titel="Nieuw punt"))
    assert titels(b)[-2:] == ["Nieuw punt", "Rondvraag"]


def test_move_up_and_down_keeps_focus_on_the_moved_item(client_for):
    b = BijeenkomstFactory()
    opening, wijken, training = agenda(b, "Opening", "Wijken", "Training")
    client = client_for(Role.KWARTIERMAKER)
    url = reverse("agendapunt-verplaatsen", args=[training.pk])
    response = client.post(url, {"richting": "omhoog"})
    assert titels(b) == ["Opening", "Training", "Wijken"]
    # Back on the meeting at the moved item, its "Omhoog" button focused (autofocus, no JS).
    assert response["Location"].endswith(f"?verplaatst={training.pk}&richting=omhoog")
    page = client.get(response["Location"]).content.decode()
    focused = re.findall(r"<button[^>]*autofocus[^>]*>.*?</button>", page, re.S)
    assert len(focused) == 1
    assert 'aria-label="Omhoog: Training"' in focused[0]
    assert "Staat nu op plaats 2 van 3." in page
    # At the top the same button is gone: focus goes to "Omlaag" of the same item.
    response = client.post(url, {"richting": "omhoog"})
    page = client.get(response["Location"]).content.decode()
    focused = re.findall(r"<button[^>]*autofocus[^>]*>.*?</button>", page, re.S)
    assert titels(b) == ["Training", "Opening", "Wijken"]
    assert len(focused) == 1 and 'aria-label="Omlaag: Training"' in focused[0]
    # Moving past the end changes nothing.
    client.post(reverse("agendapunt-verplaatsen", args=[wijken.pk]), {"richting": "omlaag"})
    assert titels(b) == ["Training", "Opening", "Wijken"]
    client.post(
        reverse("agendapunt-verplaatsen", args=[wijken.pk]), {"richting": "omlaag-zijwaarts"}
    )
    assert titels(b) == ["Training", "Opening", "Wijken"]


def test_each_move_button_has_an_accessible_name(client_for):
    b = BijeenkomstFactory()
    agenda(b, "Opening", "Wijken")
    page = client_for(Role.KWARTIERMAKER).get(b.get_absolute_url()).content.decode()
    names = re.findall(r'<button[^>]*name="richting"[^>]*aria-label="([^"]+)"', page)
    assert names == ["Omlaag: Opening", "Omhoog: Wijken"]


def test_only_organisers_move_items(client_for, user_for_role):
    b = BijeenkomstFactory()
    first, second = agenda(b, "Opening", "Wijken")
    response = client_for(Role.AMBASSADEUR).post(
        reverse("agendapunt-verplaatsen", args=[second.pk]), {"richting": "omhoog"}
    )
    assert response.status_code == 403
    assert titels(b) == ["Opening", "Wijken"]
