"""The report row as the truth: atomic claim with a lease, idempotent task, requeue sweep.

The pipeline is the core's (inclusie/reports.py); these tests drive it with monitoring's
Rapport rows. tests/stappenplan/test_stappenplan.py drives the same pipeline with
verkenning rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inclusie import reports as pipeline
from inclusie.constants import ReportStatus
from inclusie.models import Notificatie
from inclusie.tasks import render_report, requeue_reports
from monitoring.constants import RapportSoort
from monitoring.models import Rapport
from monitoring.services import reports

pytestmark = pytest.mark.django_db


def queued() -> Rapport:
    return Rapport.objects.create(soort=RapportSoort.MONITORING, periode="2026-H1")


def test_claim_is_exclusive_until_the_lease_expires():
    rapport = queued()
    token = pipeline.report_claim(model=Rapport, pk=rapport.pk)
    assert token
    assert pipeline.report_claim(model=Rapport, pk=rapport.pk) is None  # a duplicate message
    Rapport.objects.filter(pk=rapport.pk).update(lease_tot=timezone.now() - timedelta(seconds=1))
    second = pipeline.report_claim(model=Rapport, pk=rapport.pk)  # the first worker died
    assert second and second != token
    # the first worker's late result is discarded: its claim no longer holds
    assert pipeline.report_render(model=Rapport, pk=rapport.pk, token=token) is False
    assert pipeline.report_render(model=Rapport, pk=rapport.pk, token=second) is True
    rapport.refresh_from_db()
    assert rapport.status == ReportStatus.DONE and rapport.pogingen == 2 and rapport.paginas >= 1


def test_redelivered_task_does_not_render_twice(mailoutbox, user_for_role):
    user_for_role("wethouder")
    rapport = queued()
    assert render_report.delay("monitoring.rapport", rapport.pk).get() == "done"
    assert render_report.delay("monitoring.rapport", rapport.pk).get() == "skipped"
    rapport.refresh_from_db()
    assert rapport.pogingen == 1
    assert Notificatie.objects.filter(onderwerp__contains="staat klaar").count() == 1


def test_failure_is_recorded_on_the_row(monkeypatch):
    rapport = queued()

    def boom(**kwargs):
        raise ValueError("template kapot")

    monkeypatch.setattr(reports, "render_report_pdf", boom)
    assert render_report.delay("monitoring.rapport", rapport.pk).get() == "failed"
    rapport.refresh_from_db()
    assert rapport.status == ReportStatus.FAILED and "template kapot" in rapport.fout


def test_transient_errors_go_back_to_the_queue_with_retry(monkeypatch):
    from celery.exceptions import Retry

    rapport = queued()

    def flaky(**kwargs):
        raise OSError("disk vol")

    monkeypatch.setattr(reports, "render_report_pdf", flaky)
    monkeypatch.setattr(render_report, "retry", lambda **kw: Retry("retry"))
    with pytest.raises(Retry):
        render_report.run("monitoring.rapport", rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == ReportStatus.QUEUED and "disk vol" in rapport.fout


def test_sweep_requeues_old_queued_and_expired_running_rows_only(monkeypatch):
    fresh = queued()
    old = queued()
    stuck = queued()
    live = queued()
    done = queued()
    long_ago = timezone.now() - timedelta(hours=1)
    Rapport.objects.filter(pk=old.pk).update(updated_at=long_ago)
    Rapport.objects.filter(pk=stuck.pk).update(
        status=ReportStatus.RUNNING,
        lease_tot=timezone.now() - timedelta(seconds=5),
        updated_at=long_ago,
    )
    Rapport.objects.filter(pk=live.pk).update(
        status=ReportStatus.RUNNING,
        lease_tot=timezone.now() + timedelta(minutes=5),
        updated_at=long_ago,
    )
    Rapport.objects.filter(pk=done.pk).update(status=ReportStatus.DONE, updated_at=long_ago)
    assert set(pipeline.reports_to_requeue(model=Rapport)) == {old.pk, stuck.pk}
    assert fresh.pk not in pipeline.reports_to_requeue(model=Rapport)
    published = []
    monkeypatch.setattr(render_report, "delay", lambda label, pk: published.append((label, pk)))
    assert requeue_reports() == 2
    assert set(published) == {("monitoring.rapport", old.pk), ("monitoring.rapport", stuck.pk)}


def test_lease_is_longer_than_the_hard_time_limit(settings):
    assert pipeline.lease_seconds() > settings.CELERY_TASK_TIME_LIMIT
    assert pipeline.requeue_after_seconds() > settings.CELERY_TASK_TIME_LIMIT


def test_failed_report_can_be_retried(client_for, django_capture_on_commit_callbacks):
    rapport = queued()
    Rapport.objects.filter(pk=rapport.pk).update(status=ReportStatus.FAILED, fout="x")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("beleidsadviseur").post(f"/monitoring/rapporten/{rapport.pk}/opnieuw/")
    rapport.refresh_from_db()
    assert rapport.status == ReportStatus.DONE


def test_twice_yearly_beat_task_drafts_both_reports_and_mails_the_wethouder(
    user_for_role, django_capture_on_commit_callbacks, mailoutbox
):
    from monitoring.models import Raadsmededeling
    from monitoring.tasks import make_snapshot

    user_for_role("wethouder")
    with django_capture_on_commit_callbacks(execute=True):
        assert make_snapshot.delay("2026-H1").get() == "2026-H1"
    assert Raadsmededeling.objects.filter(periode="2026-H1").count() == 1
    assert set(Rapport.objects.values_list("soort", "status")) == {
        (RapportSoort.RAADSMEDEDELING, ReportStatus.DONE),
        (RapportSoort.MONITORING, ReportStatus.DONE),
    }
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == [
        "Monitoringsrapportage 2026-H1 staat klaar",
        "Raadsmededeling 2026-H1 staat klaar",
    ]
