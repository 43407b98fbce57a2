"""People's requests about their data: find everything, export it (PDF/JSON), erase it."""

from __future__ import annotations

import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from ambassadeurs.models import Activiteit, CoachingNotitie
from inclusie.constants import Role
from inclusie.models import Notificatie, Persoon, User
from inclusie.pdf import pdf_metadata, pdf_text
from klankbord.models import KlankbordLid
from privacy.models import PersoonsVerzoek
from tests.ambassadeurs.factories import (
    ActiviteitFactory,
    AmbassadeurFactory,
    CoachingNotitieFactory,
)
from tests.deal.factories import PartnerFactory
from tests.factories import PersoonFactory, UserFactory
from tests.klankbord.factories import KlankbordLidFactory

pytestmark = pytest.mark.django_db


def olga():
    user = UserFactory(role=Role.AMBASSADEUR, naam="Olga Oud", email="olga@voorbeeld.nl")
    persoon = PersoonFactory(naam="Olga Oud", email="olga@voorbeeld.nl", user=user)
    amb = AmbassadeurFactory(persoon=persoon, actief=True, motivatie="Voor mijn buurt")
    CoachingNotitieFactory(ambassadeur=amb, notitie="Olga twijfelt over haar rol")
    ActiviteitFactory(ambassadeur=amb, titel="Voorlichting in de moskee", omschrijving="Met Olga")
    KlankbordLidFactory(persoon=persoon, gemeenschappen="Vrouwennetwerk Oost")
    PartnerFactory().contactpersonen.add(persoon)
    Notificatie.objects.create(ontvanger=user, onderwerp="Welkom Olga", tekst="Hallo Olga")
    PersoonFactory(naam="Iemand Anders")
    return persoon


def test_the_beheerder_finds_everything_about_one_person(client_for):
    persoon = olga()
    client = client_for(Role.BEHEERDER)
    found = client.get(reverse("privacy:zoeken"), {"q": "olga@"}).content.decode()
    assert "Olga Oud" in found and "Iemand Anders" not in found
    page = client.get(reverse("privacy:verzoek-persoon", args=[persoon.pk]))
    html = page.content.decode()
    for heading in [
        "Ambassadeurschap",
        "Coachingsnotities",
        "Activiteiten als ambassadeur",
        "Lidmaatschap van de klankbordgroep",
        "Contactpersoon van Deal-partners",
        "Verstuurde e-mails",
        "Account",
        "Persoonsgegevens (relaties)",
        "Logboek van wijzigingen",
    ]:
        assert heading in html, heading
    assert "Olga twijfelt over haar rol" in html


def test_access_request_as_json_and_as_tagged_pdf_is_logged(client_for):
    persoon = olga()
    client = client_for(Role.BEHEERDER)
    url = reverse("privacy:inzage-persoon", args=[persoon.pk]) + "?formaat=json"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    kinds = {g["code"]: g for g in data["gegevens"]}
    assert kinds["ambassadeurs.coachingnotitie"]["records"][0]["Notitie"] == (
        "Olga twijfelt over haar rol"
    )
    assert kinds["inclusie.persoon"]["records"][0]["E-mailadres"] == "olga@voorbeeld.nl"
    assert kinds["auditlog.logentry"]["bewaard_omdat"]

    pdf = client.get(reverse("privacy:inzage-persoon", args=[persoon.pk]) + "?formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Inzage in persoonsgegevens" in text
    assert "Olga twijfelt over haar rol" in text
    assert "Vrouwennetwerk Oost" in text
    meta = pdf_metadata(pdf.content)
    assert meta["lang"] == "nl" and meta["tagged"] and meta["struct_tree"]
    logged = list(PersoonsVerzoek.objects.values_list("soort", "formaat", "persoon_ref"))
    assert sorted(logged) == [("inzage", "json", persoon.pk), ("inzage", "pdf", persoon.pk)]


def test_erasure_anonymises_everything_except_what_a_legal_duty_keeps(client_for):
    persoon = olga()
    user_pk = persoon.user_id
    client = client_for(Role.BEHEERDER)
    url = reverse("privacy:verzoek-persoon", args=[persoon.pk])
    refused = client.post(url, {"reden": "", "bevestig": "on"})
    assert refused.status_code == 200
    assert "Geef een reden op" in refused.content.decode()
    assert Persoon.objects.get(pk=persoon.pk).naam == "Olga Oud"  # nothing half-done

    response = client.post(url, {"reden": "Verzoek per e-mail, kenmerk 2026-014", "bevestig": "on"})
    assert response.status_code == 302
    persoon.refresh_from_db()
    assert persoon.naam.startswith("Geanonimiseerd persoon") and persoon.email == ""
    user = User.objects.get(pk=user_pk)
    assert not user.is_active and "olga" not in user.email and not user.has_usable_password()
    assert not CoachingNotitie.objects.exists()
    assert Activiteit.objects.get().omschrijving == ""  # the activity still counts
    assert KlankbordLid.objects.get().gemeenschappen == ""
    assert not Notificatie.objects.filter(ontvanger_id=user_pk).exists()
    assert LogEntry.objects.filter(object_repr="Olga Oud").exists()  # the audit log stays

    verzoek = PersoonsVerzoek.objects.get(soort="wissen")
    assert verzoek.reden == "Verzoek per e-mail, kenmerk 2026-014"
    assert "Olga" not in json.dumps(verzoek.resultaat)
    assert verzoek.resultaat["auditlog.logentry"]["actie"] == "bewaard"
    log_page = client.get(response.url).content.decode()
    assert "Coachingsnotities" in log_page and "verwijderd" in log_page
    # She cannot sign in any more; the search no longer finds her name.
    search = client.get(reverse("privacy:zoeken"), {"q": "Olga"})
    assert "Niemand gevonden" in search.content.decode()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.BEHEERDER])
def test_only_the_beheerder_handles_requests(client_for, role):
    persoon = PersoonFactory()
    client = client_for(role)
    assert client.get(reverse("privacy:zoeken")).status_code == 403
    url = reverse("privacy:inzage-persoon", args=[persoon.pk]) + "?formaat=json"
    assert client.get(url).status_code == 403
