"""Stored files go out through one helper: permission first, a 404 - never a 500 - when gone."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from inclusie.constants import Role
from tests.bijeenkomsten.factories import AgendapuntFactory
from tests.deal.factories import KennisItemFactory, PartnerFactory, ToezeggingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }


def _partner_document():
    partner = PartnerFactory()
    partner.ondertekend_document.save("getekend.pdf", ContentFile(b"%PDF-1.4 deal"), save=True)
    return partner.ondertekend_document, reverse("deal:partner-document", args=[partner.pk])


def _voortgang_bestand():
    from deal.models import Voortgang

    voortgang = Voortgang.objects.create(toezegging=ToezeggingFactory(), tekst="Gedaan")
    voortgang.bestand.save("bewijs.pdf", ContentFile(b"%PDF-1.4 bewijs"), save=True)
    return voortgang.bestand, reverse("deal:voortgang-bestand", args=[voortgang.pk])


def _kennis_bestand():
    item = KennisItemFactory()
    item.bestand.save("handreiking.pdf", ContentFile(b"%PDF-1.4 kennis"), save=True)
    return item.bestand, reverse("deal:kennis-bestand", args=[item.pk])


def _bijlage():
    from bijeenkomsten.models import Bijlage

    bijlage = Bijlage(agendapunt=AgendapuntFactory(), naam="notulen.pdf")
    bijlage.bestand.save("notulen.pdf", ContentFile(b"%PDF-1.4 notulen"), save=True)
    return bijlage.bestand, reverse("bijlage-download", args=[bijlage.pk])


def _stap_document():
    from stappenplan.models import Stap, StapDocument

    document = StapDocument(stap=Stap.objects.first(), titel="Bewijs")
    document.bestand.save("bewijs.pdf", ContentFile(b"%PDF-1.4 stap"), save=True)
    return document.bestand, reverse("stap-document-download", args=[document.pk])


def _monitoring_rapport():
    from inclusie.constants import ReportStatus
    from monitoring.models import Rapport

    rapport = Rapport.objects.create(
        soort="monitoring", periode="2025-H2", status=ReportStatus.DONE
    )
    rapport.bestand.save("rapport.pdf", ContentFile(b"%PDF-1.4 rapport"), save=True)
    return rapport.bestand, reverse("monitoring:rapport-pdf", args=[rapport.pk])


DOWNLOADS = [
    _partner_document,
    _voortgang_bestand,
    _kennis_bestand,
    _bijlage,
    _stap_document,
    _monitoring_rapport,
]


@pytest.mark.parametrize("make", DOWNLOADS, ids=lambda f: f.__name__.strip("_"))
def test_a_stored_file_is_served_and_a_missing_file_is_404(client_for, make):
    field_file, url = make()
    client = client_for(Role.BEHEERDER)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "filename=" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    # The row still names the file, but storage lost it (restored backup, cleaned disk).
    field_file.storage.delete(field_file.name)
    assert client.get(url).status_code == 404


def test_a_file_is_only_served_to_a_role_that_may_see_it(client_for):
    _, url = _partner_document()
    assert client_for(Role.AMBASSADEUR).get(url).status_code == 403
