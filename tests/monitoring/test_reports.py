"""Raadsmededeling and monitoringsrapportage: drafting, versions, approval, PDFs, publication."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from inclusie.constants import ReportStatus
from inclusie.models import GemeenteProfiel
from inclusie.pdf import pdf_metadata, pdf_text
from monitoring.constants import MededelingStatus, RapportSoort
from monitoring.models import Raadsmededeling, Rapport, Snapshot
from monitoring.periods import Period
from monitoring.services import raadsmededeling, reports
from tests.monitoring.factories import MetingFactory, VeranderverhaalFactory, VerhaalFactory

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")
SCRIPT = "<script>alert('xss')</script>"


@pytest.fixture
def gemeente():
    profiel = GemeenteProfiel.load()
    profiel.naam, profiel.portefeuillehouder, profiel.team = (
        "Gemeente Test",
        "Weth. De Geest",
        "DEV-BLD",
    )
    profiel.save()
    return profiel


def test_numbering_is_per_year_in_the_form_yyyy_nnnnnn(gemeente):
    first = raadsmededeling.raadsmededeling_draft(period=H1)
    second = raadsmededeling.raadsmededeling_draft(period=H1)
    year = dt.date.today().year
    assert first.nummer == f"{year}-000001" and second.nummer == f"{year}-000002"
    Raadsmededeling.objects.filter(pk=first.pk).update(jaar=year - 1)
    Raadsmededeling.objects.filter(pk=second.pk).update(jaar=year - 1, volgnummer=7)
    assert raadsmededeling.raadsmededeling_draft(period=H1).nummer == f"{year}-000001"


def test_draft_is_made_from_the_snapshot_which_is_made_first(gemeente):
    MetingFactory(indicator__naam="Thuis in de wijk", waarde=74, duiding="Lichte stijging.")
    assert not Snapshot.objects.exists()
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    assert Snapshot.objects.filter(periode="2026-H1").exists()
    assert "eerste halfjaar 2026" in mededeling.onderwerp
    assert (
        "### Thuis in de wijk\n\nDe waarde is 74 procent. Lichte stijging."
        in mededeling.toelichting
    )
    assert mededeling.versies.count() == 1


def test_edits_keep_versions_and_approval_locks_the_text(client_for, gemeente):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    client = client_for("beleidsadviseur")
    data = {
        "onderwerp": "Nieuw onderwerp",
        "inleiding": "i",
        "kader": "k",
        "kern": "kern 2",
        "toelichting": "t",
    }
    response = client.post(reverse("monitoring:raadsmededeling-update", args=[mededeling.pk]), data)
    assert response.status_code == 302
    assert mededeling.versies.count() == 2
    assert mededeling.versies.order_by("versie").first().kern != "kern 2"
    # the wethouder approves; without a B&W date that is refused
    wethouder = client_for("wethouder")
    url = reverse("monitoring:raadsmededeling-approve", args=[mededeling.pk])
    response = wethouder.post(url, {"bw_datum": ""})
    assert "Vul de datum van het B&amp;W-besluit in." in response.content.decode()
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.CONCEPT
    assert wethouder.post(url, {"bw_datum": "2026-07-14"}).status_code == 302
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.GOEDGEKEURD and mededeling.bw_datum == dt.date(
        2026, 7, 14
    )
    # no more edits after approval
    client = client_for("beleidsadviseur")
    response = client.post(
        reverse("monitoring:raadsmededeling-update", args=[mededeling.pk]), data | {"kern": "later"}
    )
    assert "al goedgekeurd" in response.content.decode()
    with pytest.raises(ValidationError):
        raadsmededeling.raadsmededeling_approve(mededeling=mededeling, bw_datum=None, by=None)


@pytest.mark.parametrize("role", ["beleidsadviseur", "beheerder", "kwartiermaker"])
def test_only_the_wethouder_may_approve_or_publish(client_for, gemeente, role):
    """Approval is a B&W decision (docs/roles.md); a refused attempt changes nothing."""
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    before = model_to_dict(Raadsmededeling.objects.get(pk=mededeling.pk))
    versions = mededeling.versies.count()
    client = client_for(role)
    response = client.post(
        reverse("monitoring:raadsmededeling-approve", args=[mededeling.pk]),
        {"bw_datum": "2026-07-14"},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("monitoring:raadsmededeling-publish", args=[mededeling.pk]), {"bevestig": "on"}
    )
    assert response.status_code == 403
    mededeling.refresh_from_db()
    assert mededeling.status == MededelingStatus.CONCEPT and mededeling.bw_datum is None
    assert model_to_dict(mededeling) == before
    assert mededeling.versies.count() == versions
    page = client.get(mededeling.get_absolute_url()).content.decode()
    assert reverse("monitoring:raadsmededeling-approve", args=[mededeling.pk]) not in page


def test_raadsmededeling_pdf_text_language_title_and_tags(gemeente):
    MetingFactory(indicator__naam="Thuis in de wijk", waarde=74)
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    pdf = reports.render_report_pdf(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, mededeling=mededeling
    )
    meta = pdf_metadata(pdf)
    assert meta["lang"] == "nl"
    assert meta["title"].startswith(f"Raadsmededeling {mededeling.nummer}")
    assert meta["tagged"] and meta["struct_tree"] and meta["display_doc_title"]
    text = pdf_text(pdf)
    for expected in (
        "Onderwerp",
        "Mededelingennr",
        mededeling.nummer,
        "Weth. De Geest",
        "DEV-BLD",
        "BenW-besluit d.d.",
        "1. Inleiding: waarom deze mededeling",
        "2. Kader",
        "3. Kern van de boodschap",
        "4. Nadere toelichting",
        "Bijlage: de cijfers",
    ):
        assert expected in text, expected


def test_monitoringsrapportage_has_indicators_duiding_chain_and_stories(gemeente):
    import pikepdf

    meting = MetingFactory(indicator__naam="Thuis in de wijk", duiding="Lichte stijging in Noord.")
    MetingFactory(indicator=meting.indicator, periode="2025-H2", waarde=40)
    VerhaalFactory(titel="Buurttafel", tekst="Hier hoor ik erbij.")
    VeranderverhaalFactory(maatschappelijk_doel="Iedereen hoort erbij")
    pdf = reports.render_report_pdf(soort=RapportSoort.MONITORING, period=H1, mededeling=None)
    text = pdf_text(pdf)
    for expected in (
        "Thuis in de wijk",
        "Lichte stijging in Noord.",
        "Iedereen hoort erbij",
        "Hier hoor ik erbij.",
    ):
        assert expected in text
    meta = pdf_metadata(pdf)
    assert meta["lang"] == "nl" and meta["tagged"] and "Monitoringsrapportage" in meta["title"]
    import io

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        raw = b"".join(
            bytes(obj.read_bytes()) if isinstance(obj, pikepdf.Stream) else repr(obj).encode()
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream)
        )
    assert b"/Figure" in raw and b"/Alt" in raw  # charts carry alternate text
    assert b"/TH" in raw  # tables have header cells


def test_script_injection_is_inert_in_the_pdf(gemeente):
    MetingFactory(indicator__naam=SCRIPT, duiding=SCRIPT)
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling, data={"kern": "Kern " + SCRIPT}, by=None
    )
    mededeling.refresh_from_db()
    assert mededeling.kern == "Kern"  # raw HTML is removed from the Markdown on save
    for soort in (RapportSoort.RAADSMEDEDELING, RapportSoort.MONITORING):
        text = pdf_text(reports.render_report_pdf(soort=soort, period=H1, mededeling=mededeling))
        # the indicator's name (from the snapshot) is shown as text, never run
        assert "<script>alert('xss')</script>" in text.replace("\n", "")


def test_unpublished_raadsmededeling_is_not_public(client):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    assert (
        client.get(reverse("openbaar-raadsmededeling-pdf", args=[mededeling.pk])).status_code == 404
    )
    assert (
        mededeling.nummer not in client.get(reverse("openbaar-raadsmededelingen")).content.decode()
    )


def test_report_request_page_flow(
    client_for, mailoutbox, gemeente, django_capture_on_commit_callbacks
):
    client = client_for("beleidsadviseur")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("monitoring:rapport-request"), {"soort": "monitoring", "periode": "2026-H1"}
        )
    rapport = Rapport.objects.get()
    assert response["Location"] == rapport.get_absolute_url()
    assert rapport.status == ReportStatus.DONE  # eager in unit tests
    page = client.get(rapport.get_absolute_url()).content.decode()
    assert "Het rapport is klaar" in page
    pdf = client.get(reverse("monitoring:rapport-pdf", args=[rapport.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert any("staat klaar" in m.subject for m in mailoutbox)


def test_queued_report_page_polls_with_htmx(client_for):
    rapport = Rapport.objects.create(soort=RapportSoort.MONITORING, periode="2026-H1")
    client = client_for("wethouder")
    page = client.get(rapport.get_absolute_url()).content.decode()
    assert "in de wachtrij" in page and 'hx-trigger="every 2s"' in page
    partial = client.get(rapport.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert partial.strip().startswith("<div") and "<html" not in partial


def test_report_for_half_year_without_snapshot_makes_it_first():
    rapport = reports.rapport_request(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, enqueue_task=False
    )
    assert Snapshot.objects.filter(periode="2026-H1").exists()
    assert rapport.raadsmededeling is not None


def test_generate_report_command(tmp_path, capsys):
    out = tmp_path / "rm.pdf"
    call_command("generate_report", "raadsmededeling", "--period", "2026-H1", "--output", str(out))
    assert out.read_bytes().startswith(b"%PDF-")
    out2 = tmp_path / "mr.pdf"
    call_command("generate_report", "monitoring", "--period", "2026-H1", "--output", str(out2))
    assert "Monitoringsrapportage" in pdf_metadata(out2.read_bytes())["title"]
    capsys.readouterr()
    call_command("generate_report", "monitoring", "--period", "2026-H1", "--queue")
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert Rapport.objects.filter(pk=int(printed)).exists()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="geen bestaande periode"):
        call_command("generate_report", "monitoring", "--period", "2026-H9", "--output", str(out))
