"""The beheerder keeps the questionnaire versions on the portal's own pages (issue 14).

A version in use, or answered in a verkenning, is never edited: the beheerder makes a
new version from it, edits that version's questions and takes it into use.
"""

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from inclusie.constants import Role
from stappenplan import services
from stappenplan.models import Vraag, Vragenlijst
from stappenplan.vragenlijsten import load_vragenlijsten
from tests.stappenplan.factories import VerkenningFactory, bijlage1

pytestmark = pytest.mark.django_db


def test_list_shows_versions_and_which_is_in_use(client_for):
    VerkenningFactory()
    html = client_for(Role.BEHEERDER).get(reverse("vragenlijst-beheer")).content.decode()
    assert "Verkenning inclusief beleid (Bijlage 1)" in html
    assert "In gebruik" in html
    assert bijlage1().get_absolute_url() in html


def test_version_in_use_offers_a_new_version_and_no_edit_links(client_for):
    client = client_for(Role.BEHEERDER)
    in_gebruik = bijlage1()
    html = client.get(in_gebruik.get_absolute_url()).content.decode()
    assert "Nieuwe versie maken" in html
    assert reverse("vraag-bewerken", args=[in_gebruik.delen.first().vragen.first().pk]) not in html


def test_new_version_edit_question_and_take_into_use(client_for):
    verkenning = VerkenningFactory()
    oud = bijlage1()
    client = client_for(Role.BEHEERDER)

    response = client.post(reverse("vragenlijst-nieuwe-versie", args=[oud.pk]), follow=True)
    concept = Vragenlijst.objects.get(code="bijlage-1", versie=oud.versie + 1)
    assert not concept.actief and concept.door_gemeente
    html = response.content.decode()
    assert "Concept" in html and "In gebruik nemen" in html
    # Asking again goes to the same concept, never a second one.
    client.post(reverse("vragenlijst-nieuwe-versie", args=[oud.pk]))
    assert Vragenlijst.objects.filter(code="bijlage-1").count() == 2

    vraag = Vraag.objects.get(deel__vragenlijst=concept, deel__nummer=1, nummer="1")
    assert reverse("vraag-bewerken", args=[vraag.pk]) in html
    response = client.post(
        reverse("vraag-bewerken", args=[vraag.pk]),
        {"tekst": "Wie woont er in onze gemeente?", "hulptekst": "Denk aan cijfers."},
    )
    assert response.status_code == 302
    vraag.refresh_from_db()
    assert vraag.tekst == "Wie woont er in onze gemeente?"
    # The version in use and the verkenning's questions are untouched.
    origineel = Vraag.objects.get(deel__vragenlijst=oud, deel__nummer=1, nummer="1")
    assert origineel.tekst != vraag.tekst

    # A new choice question at the end of part 1.
    deel = concept.delen.get(nummer=1)
    form = client.get(reverse("vraag-toevoegen", args=[deel.pk])).content.decode()
    assert 'name="nummer"' in form
    response = client.post(
        reverse("vraag-toevoegen", args=[deel.pk]),
        {
            "nummer": "1x",
            "tekst": "Hoe vaak meet u dit?",
            "hulptekst": "",
            "soort": "keuze",
            "opties": "Elk jaar\nElk halfjaar\n",
        },
    )
    assert response.status_code == 302
    nieuw = Vraag.objects.get(deel=deel, nummer="1x")
    assert nieuw.opties == ["Elk jaar", "Elk halfjaar"]
    assert nieuw.volgorde > deel.vragen.exclude(pk=nieuw.pk).order_by("-volgorde")[0].volgorde

    # Take it into use: new verkenningen get it, the old verkenning keeps its version.
    response = client.post(reverse("vragenlijst-in-gebruik", args=[concept.pk]), follow=True)
    assert "is nu in gebruik" in response.content.decode()
    concept.refresh_from_db()
    oud.refresh_from_db()
    assert concept.actief and not oud.actief
    verkenning.refresh_from_db()
    assert verkenning.vragenlijst == oud
    assert bijlage1() == concept

    # Changes are in the audit log, with the beheerder as actor.
    entry = LogEntry.objects.get_for_object(vraag).latest("timestamp")
    assert entry.actor.role == Role.BEHEERDER and "tekst" in entry.changes_dict


def test_a_version_in_use_or_answered_is_never_edited(client_for):
    verkenning = VerkenningFactory()
    in_gebruik = verkenning.vragenlijst
    vraag = in_gebruik.delen.first().vragen.first()
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("vraag-bewerken", args=[vraag.pk]), {"tekst": "Anders", "hulptekst": ""}
    )
    assert response.status_code == 200
    assert "is in gebruik en wordt niet gewijzigd" in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.tekst != "Anders"
    response = client.post(reverse("vraag-verwijderen", args=[vraag.pk]), follow=True)
    assert Vraag.objects.filter(pk=vraag.pk).exists()
    assert "wordt niet gewijzigd" in response.content.decode()

    # An older version that verkenningen answered stays read-only after a new one is in use.
    concept = services.vragenlijst_concept_maken(vragenlijst=in_gebruik)
    services.vragenlijst_in_gebruik_nemen(vragenlijst=concept)
    with pytest.raises(ValidationError):
        services.vraag_bewerken(vraag=vraag, tekst="Anders", hulptekst="", opties=[])


def test_question_of_a_concept_can_be_removed(client_for):
    concept = services.vragenlijst_concept_maken(vragenlijst=bijlage1())
    vraag = Vraag.objects.get(deel__vragenlijst=concept, deel__nummer=3, nummer="6")
    client = client_for(Role.BEHEERDER)
    assert client.get(reverse("vraag-verwijderen", args=[vraag.pk])).status_code == 200
    client.post(reverse("vraag-verwijderen", args=[vraag.pk]))
    assert not Vraag.objects.filter(deel__vragenlijst=concept, nummer__startswith="6").exists()


def test_choice_question_needs_two_options(client_for):
    concept = services.vragenlijst_concept_maken(vragenlijst=bijlage1())
    deel = concept.delen.get(nummer=1)
    response = client_for(Role.BEHEERDER).post(
        reverse("vraag-toevoegen", args=[deel.pk]),
        {"nummer": "99", "tekst": "Kies", "hulptekst": "", "soort": "keuze", "opties": "Ja"},
    )
    assert response.status_code == 200 and "minstens twee keuzes" in response.content.decode()


def test_a_concept_is_not_offered_to_advisers(client_for):
    services.vragenlijst_concept_maken(vragenlijst=bijlage1())
    html = client_for(Role.BELEIDSADVISEUR).get(reverse("verkenning-start")).content.decode()
    assert html.count("Verkenning inclusief beleid (Bijlage 1)") == 1


def test_loader_never_replaces_the_gemeentes_own_version():
    concept = services.vragenlijst_concept_maken(vragenlijst=bijlage1())
    Vraag.objects.filter(deel__vragenlijst=concept, nummer="1").update(tekst="Eigen tekst")
    assert set(load_vragenlijsten(apps).values()) == {"ongewijzigd"}
    services.vragenlijst_in_gebruik_nemen(vragenlijst=concept)
    assert set(load_vragenlijsten(apps).values()) == {"ongewijzigd"}
    assert Vraag.objects.filter(deel__vragenlijst=concept, tekst="Eigen tekst").exists()
    assert bijlage1() == concept


def test_only_the_beheerder(client_for):
    vragenlijst = bijlage1()
    for role in (Role.KWARTIERMAKER, Role.BELEIDSADVISEUR):
        client = client_for(role)
        assert client.get(reverse("vragenlijst-beheer")).status_code == 403
        assert (
            client.post(reverse("vragenlijst-nieuwe-versie", args=[vragenlijst.pk])).status_code
            == 403
        )
    assert Vragenlijst.objects.filter(code="bijlage-1").count() == 1
