"""The stappenplan board, step history, werkgroep and participation, and the figures."""

import datetime

import pytest
from django.urls import reverse

from inclusie.constants import Role
from inclusie.models import DiversiteitsAspect
from inclusie.registry import figure
from stappenplan import services
from stappenplan.models import ParticipatieActiviteit, Stap, Werkgroep, WerkgroepLid
from tests.factories import PersoonFactory
from tests.stappenplan.factories import AdviseurFactory, VerkenningFactory

pytestmark = pytest.mark.django_db


def test_the_migration_creates_five_steps_and_three_randvoorwaarden():
    assert Stap.objects.filter(soort="stap").count() == 5
    assert Stap.objects.filter(soort="randvoorwaarde").count() == 3


def test_status_change_is_history_and_links_a_verkenning(client):
    adviseur = AdviseurFactory()
    v = VerkenningFactory(eigenaar=adviseur, ingediend=True)
    stap = Stap.objects.get(code="verkenning")
    client.force_login(adviseur)
    r = client.post(
        reverse("stap-update", args=[stap.pk]),
        {"status": "afgerond", "notities": "Klaar, zie de verkenning.", "verkenning": v.pk},
    )
    assert r.status_code == 302
    stap.refresh_from_db()
    assert stap.status == "afgerond" and stap.verkenning == v
    teksten = list(stap.gebeurtenissen.values_list("tekst", flat=True))
    assert any("Afgerond" in t for t in teksten)
    page = client.get(reverse("stap-detail", args=[stap.pk])).content.decode()
    assert "Hulp bij deze stap" in page and v.titel in page


def test_someone_elses_verkenning_cannot_be_linked(client):
    stap = Stap.objects.get(code="verkenning")
    other = VerkenningFactory()
    client.force_login(AdviseurFactory())
    r = client.post(
        reverse("stap-update", args=[stap.pk]), {"status": "bezig", "verkenning": other.pk}
    )
    assert r.status_code == 200
    stap.refresh_from_db()
    assert stap.verkenning is None


def test_board_shows_status_and_kwartiermaker_cannot_change(client, user_for_role):
    Stap.objects.filter(code="agenderen").update(status="doorlopend")
    client.force_login(user_for_role(Role.KWARTIERMAKER))
    page = client.get(reverse("stappenplan")).content.decode()
    assert "Doorlopend" in page
    stap = Stap.objects.get(code="agenderen")
    assert (
        client.post(reverse("stap-update", args=[stap.pk]), {"status": "afgerond"}).status_code
        == 403
    )


def test_werkgroep_size_warning_and_who_is_missing(client):
    client.force_login(AdviseurFactory())
    aspect = DiversiteitsAspect.objects.create(naam="Taal en geletterdheid")
    DiversiteitsAspect.objects.create(naam="Leeftijd")
    w = Werkgroep.objects.create(naam="Aanjagers", doel="aanjagen")
    for i in range(3):
        lid = WerkgroepLid.objects.create(werkgroep=w, persoon=PersoonFactory(), domein=f"D{i}")
        lid.kennis.set([aspect])
    page = client.get(w.get_absolute_url()).content.decode()
    assert "raadt 8 tot 10 leden aan" in page
    missing = page.split("Leeftijd", 1)[1].split("</th>", 1)[0]
    assert "utrecht-status-badge" in missing and "ontbreekt" in missing
    r = client.post(
        reverse("werkgroep-lid", args=[w.pk]),
        {"persoon": lid.persoon.pk, "domein": "x"},
    )
    assert "zit al in de werkgroep" in r.content.decode()


def test_participation_and_communities_not_reached(client):
    client.force_login(AdviseurFactory())
    bereikt = DiversiteitsAspect.objects.create(naam="Inkomen")
    DiversiteitsAspect.objects.create(naam="Beperking")
    r = client.post(
        reverse("participatie-create"),
        {
            "soort": "wijkgesprek",
            "titel": "Gesprek in Noord",
            "datum": "2026-03-01",
            "deelnemers": 23,
            "bereikt": [bereikt.pk],
        },
    )
    assert r.status_code == 302
    page = client.get(reverse("participatie-list")).content.decode()
    assert "Gesprek in Noord" in page
    nb = page.split("nog door geen enkele activiteit bereikt")[1].split("</ul>")[0]
    assert "Beperking" in nb and "Inkomen" not in nb


def test_figures_have_a_fixed_query_count(django_assert_num_queries):
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 7, 1)
    for i in range(3):
        ParticipatieActiviteit.objects.create(
            soort="panel", titel=f"p{i}", datum=datetime.date(2026, 2, 1 + i), deelnemers=10
        )
    ParticipatieActiviteit.objects.create(
        soort="rondetafel", titel="buiten", datum=datetime.date(2025, 2, 1), deelnemers=99
    )
    v = VerkenningFactory()
    services.verkenning_submit(verkenning=v, by=v.eigenaar)
    with django_assert_num_queries(1):
        status = figure("stappenplan.status").compute(start, end)
    assert status["Niet gestart"] == 5 and sum(status.values()) == 5
    with django_assert_num_queries(1):
        assert figure("participatie.bereik").compute(start, end) == 30
    with django_assert_num_queries(1):
        kinds = figure("participatie.activiteiten").compute(start, end)
    assert kinds["Panel"] == 3 and kinds["Rondetafelgesprek"] == 0
    with django_assert_num_queries(1):
        assert figure("verkenning.ingediend").compute(start, datetime.date(2100, 1, 1)) >= 1


@pytest.mark.parametrize("n", [2, 12])
def test_lists_do_not_grow_queries(client, django_assert_max_num_queries, n):
    adviseur = AdviseurFactory()
    for i in range(n):
        VerkenningFactory(eigenaar=adviseur)
        a = ParticipatieActiviteit.objects.create(
            soort="panel", titel=f"p{i}", datum=datetime.date(2026, 2, 1), deelnemers=1
        )
        a.bereikt.set(DiversiteitsAspect.objects.all())
    client.force_login(adviseur)
    for name in ("verkenning-list", "stappenplan", "participatie-list", "home"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name)).status_code == 200


def test_tick_off_an_action_is_logged(client):
    from stappenplan.models import StapActie

    stap = Stap.objects.get(code="visie")
    actie = StapActie.objects.create(stap=stap, omschrijving="Visie bespreken met de raad")
    client.force_login(AdviseurFactory())
    assert client.post(reverse("stap-actie-afronden", args=[actie.pk])).status_code == 302
    actie.refresh_from_db()
    assert actie.afgerond
    assert stap.gebeurtenissen.filter(tekst__startswith="Actie afgerond").exists()
    assert client.post(reverse("stap-actie-afronden", args=[987654])).status_code == 404


def test_waiting_reports_are_swept(django_capture_on_commit_callbacks):
    """The verkenning report uses the core's report-row pipeline: one sweep for all kinds."""
    import datetime

    from django.utils import timezone

    from inclusie.constants import ReportStatus
    from inclusie.tasks import requeue_reports
    from stappenplan.models import VerkenningRapport

    v = VerkenningFactory()
    r = VerkenningRapport.objects.create(verkenning=v)
    fresh = VerkenningRapport.objects.create(verkenning=v)
    VerkenningRapport.objects.filter(pk=r.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert requeue_reports() == 1
    r.refresh_from_db()
    fresh.refresh_from_db()
    assert r.status == ReportStatus.DONE and r.pogingen == 1 and r.paginas >= 1
    assert r.antwoorden_stand == v.updated_at
    assert fresh.status == ReportStatus.QUEUED  # too young for the sweep


def test_verkenning_report_claim_is_leased_and_a_duplicate_does_not_render_twice():
    from datetime import timedelta

    from django.utils import timezone

    from inclusie import reports as pipeline
    from inclusie.constants import ReportStatus
    from inclusie.tasks import render_report
    from stappenplan.models import VerkenningRapport

    r = VerkenningRapport.objects.create(verkenning=VerkenningFactory())
    token = pipeline.report_claim(model=VerkenningRapport, pk=r.pk)
    assert token and pipeline.report_claim(model=VerkenningRapport, pk=r.pk) is None
    r.refresh_from_db()
    assert r.status == ReportStatus.RUNNING and r.lease_tot > timezone.now()
    # the worker died: once the lease has expired the task takes it over
    VerkenningRapport.objects.filter(pk=r.pk).update(lease_tot=timezone.now() - timedelta(1))
    assert render_report.delay("stappenplan.verkenningrapport", r.pk).get() == "done"
    assert render_report.delay("stappenplan.verkenningrapport", r.pk).get() == "skipped"
    r.refresh_from_db()
    assert r.status == ReportStatus.DONE and r.pogingen == 2 and r.bestand
    # the dead worker's late result is discarded
    assert pipeline.report_render(model=VerkenningRapport, pk=r.pk, token=token) is False


def test_evidence_document_upload_download_and_fake_pdf_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stappenplan.models import StapDocument

    stap = Stap.objects.get(code="verkenning")
    client.force_login(AdviseurFactory())
    url = reverse("stap-document", args=[stap.pk])
    fake = SimpleUploadedFile(
        "rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    r = client.post(url, {"titel": "Nep", "bestand": fake})
    assert r.status_code == 200 and not StapDocument.objects.exists()
    echt = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    assert client.post(url, {"titel": "Notulen werkgroep", "bestand": echt}).status_code == 302
    document = StapDocument.objects.get()
    response = client.get(reverse("stap-document-download", args=[document.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert stap.gebeurtenissen.filter(tekst__contains="Notulen werkgroep").exists()
    client.force_login(AdviseurFactory(role=Role.AMBASSADEUR))
    assert client.get(reverse("stap-document-download", args=[document.pk])).status_code == 403
