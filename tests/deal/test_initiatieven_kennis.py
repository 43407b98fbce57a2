import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from deal.constants import Fase
from deal.models import Initiatief, KennisItem
from inclusie.constants import Role
from tests.deal.factories import (
    InitiatiefFactory,
    KennisItemFactory,
    PartnerFactory,
    PijlerFactory,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def test_kwartiermaker_sees_initiatives_not_yet_connected(client_for):
    partner = PartnerFactory(fase=Fase.AANGEHAAKT)
    InitiatiefFactory(naam="Taalcafé aan de haven")  # no pijler, no owner: on its own
    InitiatiefFactory(naam="Huiswerkklas", pijler=PijlerFactory())
    InitiatiefFactory(naam="Buurtpodium", eigenaar=partner.organisatie)
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(reverse("deal:initiatief-list")).content.decode()
    assert "1 initiatief is nog niet verbonden" in html
    los = client.get(reverse("deal:initiatief-list"), {"los": "true"}).content.decode()
    assert "Taalcafé aan de haven" in los and "Huiswerkklas" not in los and "Buurtpodium" not in los
    home = client.get(reverse("home")).content.decode()
    assert "1 initiatief is nog niet verbonden" in home


def test_initiatives_can_be_linked_to_each_other(client_for):
    other = InitiatiefFactory(naam="Samen koken")
    client = client_for(Role.BELEIDSADVISEUR)
    response = client.post(
        reverse("deal:initiatief-create"),
        {
            "naam": "Maatjesproject werk",
            "status": "lopend",
            "gestart_op": timezone.localdate().isoformat(),
            "verbonden_met": [other.pk],
        },
    )
    assert response.status_code == 302
    nieuw = Initiatief.objects.get(naam="Maatjesproject werk")
    assert list(other.verbonden_met.all()) == [nieuw]  # symmetrical
    assert "Samen koken" in client.get(nieuw.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", [Role.AMBASSADEUR, Role.KLANKBORDLID, Role.WETHOUDER])
def test_read_only_roles_cannot_change_initiatives_or_knowledge(client_for, role):
    initiatief = InitiatiefFactory()
    item = KennisItemFactory()
    client = client_for(role)
    assert initiatief.naam in client.get(initiatief.get_absolute_url()).content.decode()
    assert item.titel in client.get(item.get_absolute_url()).content.decode()
    assert (
        client.post(
            reverse("deal:initiatief-update", args=[initiatief.pk]), {"naam": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("deal:kennis-update", args=[item.pk]), {"titel": "x"}).status_code
        == 403
    )
    initiatief.refresh_from_db()
    item.refresh_from_db()
    assert initiatief.naam != "x" and item.titel != "x"  # the refused changes changed nothing


def test_knowledge_file_is_served_only_to_signed_in_users(client, client_for):
    item = KennisItemFactory(soort="document", link="")
    item.bestand.save("handreiking.pdf", io.BytesIO(PDF))
    url = reverse("deal:kennis-bestand", args=[item.pk])
    assert client.get(url).status_code == 302
    response = client_for(Role.AMBASSADEUR).get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert (
        client_for(Role.AMBASSADEUR).get(reverse("deal:kennis-bestand", args=[987654])).status_code
        == 404
    )


def test_knowledge_upload_checks_type_and_filters_by_pijler(client_for):
    pijler = PijlerFactory(naam="Werk")
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("deal:kennis-create"),
        {"titel": "Virus", "soort": "document", "bestand": SimpleUploadedFile("x.pdf", b"MZ\x90")},
    )
    assert "past niet bij de extensie" in response.content.decode()
    assert KennisItem.objects.count() == 0
    response = client.post(
        reverse("deal:kennis-create"),
        {
            "titel": "Handreiking werving",
            "soort": "document",
            "thema": "personeel",
            "pijlers": [pijler.pk],
            "bestand": SimpleUploadedFile("werving.pdf", PDF),
        },
    )
    assert response.status_code == 302
    KennisItemFactory(titel="Iets anders")
    html = client.get(reverse("deal:kennis-list"), {"pijler": pijler.pk}).content.decode()
    assert "Handreiking werving" in html and "Iets anders" not in html


def test_contact_moment_sets_the_next_step_shown_on_home(client_for):
    partner = PartnerFactory(fase=Fase.IN_GESPREK, organisatie__naam="Theater De Vlonder")
    client = client_for(Role.KWARTIERMAKER)
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("deal:contactmoment-create", args=[partner.pk]),
        {
            "soort": "email",
            "datum": today,
            "notitie": "Offerte gestuurd",
            "volgende_actie": "Nabellen over ondertekening",
            "volgende_actie_op": today,
        },
    )
    assert response.status_code == 302
    home = client.get(reverse("home")).content.decode()
    assert "Theater De Vlonder" in home and "Nabellen over ondertekening" in home
