"""Publishing a raadsmededeling: mandatory preview, add/lift with reasons, redacted PDF."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from inclusie.models import GemeenteProfiel, Lakbesluit, Lakregel, Lakvoorvertoning
from inclusie.pdf import pdf_text
from monitoring.constants import MededelingStatus
from monitoring.models import OpenbaarAmbtsdrager
from monitoring.periods import Period
from monitoring.services import raadsmededeling
from tests.ambassadeurs.factories import AmbassadeurFactory
from tests.deal.factories import PartnerFactory
from tests.factories import PersoonFactory, UserFactory
from tests.klankbord.factories import KlankbordLidFactory
from tests.signin import sign_in

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")

KERN = (
    "Fatima Zandbergen sprak met wethouder Wil Wethouder. mevrouw Klankbord\u00a0(K. Klankbord) "
    "gaf advies; het klankbord adviseerde ook. Contact: f.zandbergen@voorbeeld.nl of "
    "06-12345678. Ondertekend door dhr. Ondertekenaar; ambassadeur Amir Ambassadeursma "
    "en Jansens plan. De kwartiermaker belde de\ngebruiker kjansen. Gerrit Gastspreker was te gast."
)
FIXTURE_NAMES = [
    "Fatima",
    "Zandbergen",
    "Klankbord K",
    "Kaya",
    "Ondertekenaar",
    "Ambassadeursma",
    "Jansen",
    "kjansen",
    "12345678",
    "voorbeeld.nl",
    "Gerrit",
    "Gastspreker",
]


@pytest.fixture
def client_for(user_for_role):
    """A separate signed-in client per role (the shared `client` would switch user)."""

    def make(role: str):
        c = Client()
        sign_in(c, user_for_role(role))
        return c

    return make


@pytest.fixture
def people():
    profiel = GemeenteProfiel.load()
    profiel.portefeuillehouder = "Wil Wethouder"
    profiel.save()
    OpenbaarAmbtsdrager.objects.create(naam="Wil Wethouder", functie="wethouder")
    PersoonFactory(naam="Fatima Zandbergen", email="f.zandbergen@voorbeeld.nl")
    KlankbordLidFactory(persoon=PersoonFactory(naam="Kaya Klankbord", telefoon="06-12345678"))
    PartnerFactory(ondertekenaar_naam="Olga Ondertekenaar")
    AmbassadeurFactory(persoon=PersoonFactory(naam="Amir Ambassadeursma"))
    UserFactory(naam="Karel Jansen", username="kjansen")


def _approved(client_for, kern=KERN):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    raadsmededeling.raadsmededeling_update(mededeling=mededeling, data={"kern": kern}, by=None)
    wethouder = client_for("wethouder")
    wethouder.post(
        reverse("monitoring:raadsmededeling-approve", args=[mededeling.pk]),
        {"bw_datum": "2026-07-14"},
    )
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.GOEDGEKEURD
    return mededeling, wethouder


def _token(page: str) -> str:
    return re.search(r'name="sleutel" value="([0-9a-f]{64})"', page).group(1)


def test_preview_shows_every_redaction_in_context_with_its_ground(client_for, people):
    mededeling, wethouder = _approved(client_for)
    page = wethouder.get(
        reverse("monitoring:raadsmededeling-voorvertoning", args=[mededeling.pk])
    ).content.decode()
    assert '<del class="lak">Fatima Zandbergen</del> <strong class="lak-grond">' in page
    assert "[gelakt: persoonsnaam, Woo 5.1.2e]" in page
    assert "[gelakt: e-mailadres, Woo 5.1.2e]" in page
    assert "[gelakt: telefoonnummer, Woo 5.1.2e]" in page
    assert "[gelakt: gebruikersnaam, Woo 5.1.2e]" in page
    assert "wethouder Wil Wethouder" in page and "het klankbord adviseerde" in page
    # seeing the preview is logged with its fingerprint
    seen = Lakvoorvertoning.objects.get()
    assert seen.door.role == "wethouder" and seen.sleutel == _token(page)


def test_publishing_without_the_current_preview_is_refused(client_for, people):
    mededeling, wethouder = _approved(client_for)
    url = reverse("monitoring:raadsmededeling-publish", args=[mededeling.pk])
    # no preview token at all
    assert wethouder.post(url, {"bevestig": "on"}).status_code == 400
    # a made-up token
    assert wethouder.post(url, {"bevestig": "on", "sleutel": "0" * 64}).status_code == 400
    # the service refuses too, whatever a view does
    with pytest.raises(ValidationError):
        raadsmededeling.raadsmededeling_publish(mededeling=mededeling, by=None, sleutel="")
    preview = reverse("monitoring:raadsmededeling-voorvertoning", args=[mededeling.pk])
    token = _token(wethouder.get(preview).content.decode())
    # a person named in the text enters the portal after the preview: the preview is stale
    PersoonFactory(naam="Gerrit Gastspreker")
    response = wethouder.post(url, {"bevestig": "on", "sleutel": token})
    assert response.status_code == 400
    assert "veranderd sinds u de voorvertoning zag" in response.content.decode()
    # someone else's preview does not count: each publisher looks for themselves
    # (publishing is the wethouder's, docs/roles.md: here a second wethouder)
    other = sign_in(Client(), UserFactory(role="wethouder"))
    token = _token(wethouder.get(preview).content.decode())
    response = other.post(url, {"bevestig": "on", "sleutel": token})
    assert response.status_code == 400
    assert "Bekijk eerst de voorvertoning" in response.content.decode()
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.GOEDGEKEURD


def test_a_lift_after_the_preview_makes_it_stale(client_for, people):
    mededeling, wethouder = _approved(client_for)
    preview = reverse("monitoring:raadsmededeling-voorvertoning", args=[mededeling.pk])
    token = _token(wethouder.get(preview).content.decode())
    adviseur = client_for("beleidsadviseur")
    page = adviseur.get(preview).content.decode()
    sleutel = re.search(r'name="sleutel" value="(kern:\d+:Jansens)"', page).group(1)
    lakken = reverse("monitoring:raadsmededeling-lakken", args=[mededeling.pk])
    # a lift needs a reason
    response = adviseur.post(lakken, {"actie": "opheffen", "sleutel": sleutel, "reden": ""})
    assert response.status_code == 400 and "Schrijf in een zin" in response.content.decode()
    adviseur.post(
        lakken,
        {
            "actie": "opheffen",
            "sleutel": sleutel,
            "reden": "Jansens plan is een plan, geen persoon.",
        },
    )
    besluit = Lakbesluit.objects.get()
    assert (besluit.actie, besluit.tekst, besluit.door.role) == (
        "opheffen",
        "Jansens",
        "beleidsadviseur",
    )
    url = reverse("monitoring:raadsmededeling-publish", args=[mededeling.pk])
    response = wethouder.post(url, {"bevestig": "on", "sleutel": token})
    assert response.status_code == 400
    assert "veranderd sinds u de voorvertoning zag" in response.content.decode()
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.GOEDGEKEURD


def test_wethouder_may_not_add_or_lift(client_for, people):
    mededeling, wethouder = _approved(client_for)
    lakken = reverse("monitoring:raadsmededeling-lakken", args=[mededeling.pk])
    assert wethouder.post(lakken, {"actie": "toevoegen", "tekst": "advies"}).status_code == 403


def test_published_pdf_read_back_has_no_person_name(client_for, people):
    PersoonFactory(naam="Gerrit Gastspreker")
    mededeling, wethouder = _approved(client_for)
    adviseur = client_for("beleidsadviseur")
    preview = reverse("monitoring:raadsmededeling-voorvertoning", args=[mededeling.pk])
    lakken = reverse("monitoring:raadsmededeling-lakken", args=[mededeling.pk])
    # the adviser adds a passage the engine cannot know, by typing it
    response = adviseur.post(
        lakken, {"actie": "toevoegen", "tekst": "Jansens  plan", "reden": "herleidbaar"}
    )
    assert response.status_code == 302
    refused = adviseur.post(lakken, {"actie": "toevoegen", "tekst": "bestaat niet in de tekst"})
    assert refused.status_code == 400 and "komt niet voor" in refused.content.decode()
    wethouder = client_for("wethouder")
    token = _token(wethouder.get(preview).content.decode())
    url = reverse("monitoring:raadsmededeling-publish", args=[mededeling.pk])
    assert wethouder.post(url, {"bevestig": "on", "sleutel": token}).status_code == 302
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.GEPUBLICEERD
    log = {(r.soort, r.tekst): r.aantal for r in Lakregel.objects.all()}
    assert log[("persoonsnaam", "Fatima Zandbergen")] == 1
    assert log[("persoonsgegeven", "Jansens plan")] == 1
    wethouder.logout()
    response = wethouder.get(reverse("openbaar-raadsmededeling-pdf", args=[mededeling.pk]))
    text = pdf_text(b"".join(response.streaming_content))
    flat = " ".join(text.split())
    for name in FIXTURE_NAMES:
        assert name not in flat, name
    assert "Wil Wethouder" in flat and "klankbord adviseerde" in flat
    assert "[gelakt: persoonsnaam, Woo 5.1.2e]" in flat
    # irreversible
    with pytest.raises(ValidationError):
        raadsmededeling.raadsmededeling_publish(mededeling=mededeling, by=None, sleutel=token)


def test_preview_shows_redactions_in_the_appendix_labels_too(client_for, people):
    """A name that is a label in the appendix (here a breakdown named after a person) is
    shown redacted in the preview, counted in the log, and redacted in the public PDF."""
    from inclusie import registry
    from inclusie.registry import FLOW, Figure

    saved = dict(registry._figures)
    registry.register_figure(
        Figure(
            "deal.gesprekken_met",
            "Gesprekken per gesprekspartner",
            lambda s, e: {"Fatima Zandbergen": 3, "Wijkteam Noord": 2},
            kind=FLOW,
            labels_are_data=True,
        )
    )
    try:
        mededeling, wethouder = _approved(client_for, kern="Een kern zonder namen.")
        page = wethouder.get(
            reverse("monitoring:raadsmededeling-voorvertoning", args=[mededeling.pk])
        ).content.decode()
        bijlage = page.split("Bijlage: namen in de tabellen en grafieken", 1)[1]
        assert '<del class="lak">Fatima Zandbergen</del>' in bijlage
        assert "Wijkteam Noord" in bijlage
        token = _token(page)
        wethouder.post(
            reverse("monitoring:raadsmededeling-publish", args=[mededeling.pk]),
            {"sleutel": token, "bevestig": "on"},
        )
        mededeling.refresh_from_db()
        assert mededeling.status == MededelingStatus.GEPUBLICEERD
        assert Lakregel.objects.filter(tekst="Fatima Zandbergen").exists()
        text = pdf_text(mededeling.openbare_pdf.read())
        appendix = text.split("Bijlage", 1)[1]
        assert "Zandbergen" not in appendix and "Wijkteam Noord" in appendix
    finally:
        registry._figures.clear()
        registry._figures.update(saved)
