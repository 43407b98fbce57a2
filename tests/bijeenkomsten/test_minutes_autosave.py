"""Minutes are never lost: saved per text as typed, versions with a visible conflict, and
"Actiepunt toevoegen" saves what was typed first (issue 11: notes typed per agenda item
were gone after clicking "Actiepunt toevoegen")."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bijeenkomsten.models import Actie, Agendapunt
from inclusie.constants import Role
from tests.bijeenkomsten.factories import AgendapuntFactory, BijeenkomstFactory

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def autosave(client, b, veld, tekst, versie):
    return client.post(
        reverse("bijeenkomst-verslag-opslaan", args=[b.pk]),
        {"veld": veld, "tekst": tekst, "versie": versie},
        **JSON,
    )


def test_notes_save_per_agenda_item_with_versions_and_a_visible_conflict(client_for):
    client = client_for(Role.KWARTIERMAKER)
    punt = AgendapuntFactory(bijeenkomst__bezig=True)
    b = punt.bijeenkomst
    response = autosave(client, b, str(punt.pk), "Eerste aantekening", 0)
    assert response.status_code == 200 and response.json()["versie"] == 1
    punt.refresh_from_db()
    assert (punt.aantekeningen, punt.aantekeningen_versie) == ("Eerste aantekening", 1)
    # A retry of a save that landed is not a conflict.
    assert autosave(client, b, str(punt.pk), "Eerste aantekening", 0).status_code == 200
    # A save from an out-of-date page: both texts are kept apart, nothing is overwritten.
    response = autosave(client, b, str(punt.pk), "Andere tekst", 0)
    assert response.status_code == 409
    assert response.json()["conflict"]["tekst"] == "Eerste aantekening"
    assert response.json()["conflict"]["versie"] == 1
    punt.refresh_from_db()
    assert punt.aantekeningen == "Eerste aantekening"
    # Choosing one's own text: save against the version seen in the conflict.
    assert autosave(client, b, str(punt.pk), "Andere tekst", 1).status_code == 200
    # The general notes work the same way.
    assert autosave(client, b, "algemeen", "Goede sfeer", 0).json()["versie"] == 1
    b.refresh_from_db()
    assert b.verslag_algemeen == "Goede sfeer"
    # Another meeting's agenda item or a bad id: refused, never a 500.
    other = AgendapuntFactory(bijeenkomst__bezig=True)
    assert autosave(client, b, str(other.pk), "x", 0).status_code == 400
    assert autosave(client, b, "9" * 40, "x", 0).status_code == 400
    assert Agendapunt.objects.get(pk=other.pk).aantekeningen == ""


def test_only_those_who_change_meetings_autosave_minutes(client_for):
    punt = AgendapuntFactory(bijeenkomst__bezig=True)
    for role in (Role.WETHOUDER, Role.KLANKBORDLID, Role.AMBASSADEUR):
        response = autosave(client_for(role), punt.bijeenkomst, str(punt.pk), "x", 0)
        assert response.status_code in (403, 404)
    punt.refresh_from_db()
    assert punt.aantekeningen == ""


def test_actiepunt_toevoegen_saves_the_typed_notes_first_and_comes_back(client_for, user_for_role):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(bezig=True)
    punt = AgendapuntFactory(bijeenkomst=b)
    url = reverse("bijeenkomst-verslag", args=[b.pk])
    page = client.get(url).content.decode()
    assert 'name="volgende" value="actie"' in page  # a submit button of the notes form
    response = client.post(
        url,
        {
            f"punt_{punt.pk}": "Besproken: de werving via de bibliotheek.",
            f"versie_{punt.pk}": "0",
            "verslag_algemeen": "",
            "versie_algemeen": "0",
            "volgende": "actie",
        },
    )
    actie_url = reverse("actie-create", args=[b.pk]) + "?terug=verslag"
    assert response.status_code == 302 and response["Location"] == actie_url
    punt.refresh_from_db()
    assert punt.aantekeningen == "Besproken: de werving via de bibliotheek."
    eigenaar = user_for_role(Role.AMBASSADEUR)
    response = client.post(
        actie_url,
        {"omschrijving": "Bibliotheek bellen", "eigenaar": eigenaar.pk, "deadline": "2030-01-10"},
    )
    assert response.status_code == 302 and response["Location"].startswith(url)
    assert Actie.objects.filter(omschrijving="Bibliotheek bellen").exists()
    assert "Besproken: de werving via de bibliotheek." in client.get(url).content.decode()


def test_saving_the_whole_page_over_newer_notes_shows_both_and_saves_nothing(client_for):
    client = client_for(Role.KWARTIERMAKER)
    punt = AgendapuntFactory(bijeenkomst__bezig=True)
    b = punt.bijeenkomst
    url = reverse("bijeenkomst-verslag", args=[b.pk])
    autosave(client, b, str(punt.pk), "Tekst van de notulist", 0)  # someone else, meanwhile
    data = {
        f"punt_{punt.pk}": "Mijn tekst",
        f"versie_{punt.pk}": "0",
        "verslag_algemeen": "Algemeen",
        "versie_algemeen": "0",
    }
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tekst van de notulist" in page and "Mijn tekst" in page
    punt.refresh_from_db()
    b.refresh_from_db()
    assert punt.aantekeningen == "Tekst van de notulist"
    assert b.verslag_algemeen == ""  # nothing half-saved
    # Saving again (the page now carries the newer version) keeps the writer's text.
    assert f'name="versie_{punt.pk}" value="1"' in page
    assert client.post(url, {**data, f"versie_{punt.pk}": "1"}).status_code == 302
    punt.refresh_from_db()
    assert punt.aantekeningen == "Mijn tekst"
