"""The public minutes (Woo 5.1.2e): all free text redacted, preview before publishing."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bijeenkomsten.models import Besluit, Bijeenkomst, Bijlage, Soort
from inclusie.constants import Role
from inclusie.models import Lakbesluit, Lakregel
from inclusie.pdf import pdf_metadata, pdf_text
from tests.bijeenkomsten.factories import (
    ActieFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    UitnodigingFactory,
)
from tests.factories import PersoonFactory, UserFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "Peter",
    "Teesink",
    "Petra",
    "Presentator",
    "Gerda",
    "Genodigde",
    "Otto",
    "Eigenaar",
    "Zandbergen",
    "Kaya",
    "Klankbord K",
    "Bakker",
]


@pytest.fixture
def manager(user_for_role):
    c = Client()
    c.force_login(user_for_role(Role.KWARTIERMAKER))
    return c


@pytest.fixture
def minutes():
    PersoonFactory(naam="Fatima Zandbergen")
    PersoonFactory(naam="Kaya Klankbord")
    PersoonFactory(naam="Ben Bakker", email="ben@bakker.example")
    b = BijeenkomstFactory(
        voorbij=True,
        soort=Soort.STUURGROEP,
        titel="Stuurgroep met Fatima Zandbergen",
        organisator=UserFactory(naam="Peter Teesink"),
        verslag_algemeen="Mevrouw Klankbord\u00a0opende; het klankbord adviseerde. Bel 06-12345678.",
    )
    punt = AgendapuntFactory(
        bijeenkomst=b,
        titel="Werving met dhr. Bakker",
        presentator="Petra Presentator",
        toelichting="Toelichting door K. Klankbord.",
        aantekeningen="Petra Presentator en ben@bakker.example spraken over de bakker op de hoek.",
    )
    Bijlage.objects.create(
        agendapunt=punt,
        naam="cv-fatima-zandbergen.pdf",
        bestand=SimpleUploadedFile("cv.pdf", b"%PDF-1.4"),
    )
    UitnodigingFactory(bijeenkomst=b, user=UserFactory(naam="Gerda Genodigde"))
    ActieFactory(
        bijeenkomst=b,
        eigenaar=UserFactory(naam="Otto Eigenaar"),
        omschrijving="Zandbergens voorstel uitwerken",
    )
    Besluit.objects.create(bijeenkomst=b, tekst="Het voorstel van mw. Zandbergen is aangenomen.")
    return b


def _token(page: str) -> str:
    return re.search(r'name="sleutel" value="([0-9a-f]{64})"', page).group(1)


def test_public_minutes_are_published_only_after_the_preview(manager, minutes):
    b = minutes
    pdf_url = reverse("bijeenkomst-pdf", args=[b.pk])
    # the internal PDF has the names
    full = pdf_text(manager.get(pdf_url).content)
    assert "Peter Teesink" in full and "Gerda Genodigde" in full
    # the public version does not exist yet: not in the archive; the manager goes to the preview
    assert Client().get(reverse("openbaar-verslag-pdf", args=[b.pk])).status_code == 404
    response = manager.get(pdf_url + "?versie=openbaar")
    preview = reverse("bijeenkomst-openbaar-voorvertoning", args=[b.pk])
    assert response.status_code == 302 and response.url == preview
    page = manager.get(preview).content.decode()
    # every free text is in the preview, redactions shown in context with the ground
    assert '<del class="lak">Fatima Zandbergen</del>' in page
    assert '<del class="lak">cv-fatima-zandbergen</del>' in page or "Agendapunt 1: bijlage" in page
    assert "het klankbord adviseerde" in page
    publish = reverse("bijeenkomst-openbaar-publiceren", args=[b.pk])
    # a concept verslag cannot be published: the preview says so, the server refuses
    assert "Stel het verslag eerst vast" in page
    response = manager.post(publish, {"bevestig": "on", "sleutel": "f" * 64})
    assert (
        response.status_code == 400 and "Stel het verslag eerst vast" in response.content.decode()
    )
    Bijeenkomst.objects.filter(pk=b.pk).update(verslag_status="vastgesteld")
    # without the preview's fingerprint: refused
    assert manager.post(publish, {"bevestig": "on", "sleutel": "f" * 64}).status_code == 400
    # the kwartiermaker adds a redaction by typing it, and it is logged
    lakken = reverse("bijeenkomst-openbaar-lakken", args=[b.pk])
    response = manager.post(
        lakken, {"actie": "toevoegen", "tekst": "de bakker op de hoek", "reden": "herleidbaar"}
    )
    assert response.status_code == 302
    assert Lakbesluit.objects.get().tekst == "de bakker op de hoek"
    page = manager.get(preview).content.decode()
    response = manager.post(publish, {"bevestig": "on", "sleutel": _token(page)})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.openbaar_verslag_op is not None
    assert Lakregel.objects.filter(tekst="Fatima Zandbergen").exists()
    # the stored public PDF, read back: no name of the fixtures anywhere
    response = manager.get(pdf_url + "?versie=openbaar")
    data = b"".join(response.streaming_content)
    text = " ".join(pdf_text(data).split())
    for name in NAMES:
        assert not re.search(rf"\b{name}\b", text), name
    assert "bakker op de hoek" not in text
    assert "het klankbord adviseerde" in text and "[gelakt: persoonsnaam, Woo 5.1.2e]" in text
    assert "Stuurgroep met [gelakt: persoonsnaam, Woo 5.1.2e]" in text
    assert "openbare versie" in pdf_metadata(data)["title"]
    # the public archive, without signing in
    anonymous = Client()
    listing = anonymous.get(reverse("openbaar-verslagen")).content.decode()
    public_pdf = reverse("openbaar-verslag-pdf", args=[b.pk])
    assert public_pdf in listing and "Zandbergen" not in listing
    response = anonymous.get(public_pdf)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert "Verslagen van bijeenkomsten" in anonymous.get(reverse("openbaar")).content.decode()
    # once published, never again
    response = manager.post(publish, {"bevestig": "on", "sleutel": _token(page)})
    assert response.status_code == 400


def test_members_without_change_right_cannot_prepare_public_minutes(user_for_role, minutes):
    c = Client()
    c.force_login(user_for_role(Role.AMBASSADEUR))
    preview = reverse("bijeenkomst-openbaar-voorvertoning", args=[minutes.pk])
    assert c.get(preview).status_code == 403
