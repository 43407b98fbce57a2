"""The report row as the truth: atomic claim with a lease, idempotent task, requeue sweep."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inclusie.models import Notificatie
from monitoring.constants import RapportSoort, RapportStatus
from monitoring.models import Rapport
from monitoring.services import reports
from monitoring.tasks import render_rapport, requeue_rapporten

pytestmark = pytest.mark.django_db


def queued() -> Rapport:
    return Rapport.objects.create(soort=RapportSoort.MONITORING, periode="2026-H1")


def test_claim_is_exclusive_until_the_lease_expires():
    rapport = queued()
    token = reports.rapport_claim(rapport_id=rapport.pk)
    assert token
    assert reports.rapport_claim(rapport_id=rapport.pk) is None  # a duplicate message
    Rapport.objects.filter(pk=rapport.pk).update(lease_tot=timezone.now() - timedelta(seconds=1))
    second = reports.rapport_claim(rapport_id=rapport.pk)  # the first worker died
    assert second and second != token
    # the first worker's late result is discarded: its claim no longer holds
    assert reports.rapport_render(rapport_id=rapport.pk, token=token) is False
    assert reports.rapport_render(rapport_id=rapport.pk, token=second) is True
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.DONE and rapport.pogingen == 2 and rapport.paginas >= 1


def test_redelivered_task_does_not_render_twice(mailoutbox, user_for_role):
    user_for_role("wethouder")
    rapport = queued()
    assert render_rapport.delay(rapport.pk).get() == "done"
    assert render_rapport.delay(rapport.pk).get() == "skipped"
    rapport.refresh_from_db()
    assert rapport.pogingen == 1
    assert Notificatie.objects.filter(onderwerp__contains="staat klaar").count() == 1


def test_failure_is_recorded_on_the_row(monkeypatch):
    rapport = queued()

    def boom(**kwargs):
        raise ValueError("template kapot")

    monkeypatch.setattr(reports, "render_report_pdf", boom)
    assert render_rapport.delay(rapport.pk).get() == "failed"
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.FAILED and "template kapot" in rapport.fout


def test_transient_errors_go_back_to_the_queue_with_retry(monkeypatch):
    from celery.exceptions import Retry

    rapport = queued()

    def flaky(**kwargs):
        raise OSError("disk vol")

    monkeypatch.setattr(reports, "render_report_pdf", flaky)
    monkeypatch.setattr(render_rapport, "retry", lambda **kw: Retry("retry"))
    with pytest.raises(Retry):
        render_rapport.run(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.QUEUED and "disk vol" in rapport.fout


def test_sweep_requeues_old_queued_and_expired_running_rows_only(monkeypatch):
    fresh = queued()
    old = queued()
    stuck = queued()
    live = queued()
    done = queued()
    long_ago = timezone.now() - timedelta(hours=1)
    Rapport.objects.filter(pk=old.pk).update(updated_at=long_ago)
    Rapport.objects.filter(pk=stuck.pk).update(
        status=RapportStatus.RUNNING,
        lease_tot=timezone.now() - timedelta(seconds=5),
        updated_at=long_ago,
    )
    Rapport.objects.filter(pk=live.pk).update(
        status=RapportStatus.RUNNING,
        lease_tot=timezone.now() + timedelta(minutes=5),
        updated_at=long_ago,
    )
    Rapport.objects.filter(pk=done.pk).update(status=RapportStatus.DONE, updated_at=long_ago)
    assert set(reports.rapporten_to_requeue()) == {old.pk, stuck.pk}
    assert fresh.pk not in reports.rapporten_to_requeue()
    published = []
    monkeypatch.setattr(render_rapport, "delay", lambda pk: published.append(pk))
    assert requeue_rapporten() == 2
    assert set(published) == {old.pk, stuck.pk}


def test_lease_is_longer_than_the_hard_time_limit(settings):
    from monitoring import conf

    assert conf.lease_seconds() > settings.CELERY_TASK_TIME_LIMIT
    assert conf.requeue_after_seconds() > settings.CELERY_TASK_TIME_LIMIT


def test_failed_report_can_be_retried(client_for, django_capture_on_commit_callbacks):
    rapport = queued()
    Rapport.objects.filter(pk=rapport.pk).update(status=RapportStatus.FAILED, fout="x")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("beleidsadviseur").post(f"/monitoring/rapporten/{rapport.pk}/opnieuw/")
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.DONE


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
        (RapportSoort.RAADSMEDEDELING, RapportStatus.DONE),
        (RapportSoort.MONITORING, RapportStatus.DONE),
    }
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == [
        "Monitoringsrapportage 2026-H1 staat klaar",
        "Raadsmededeling 2026-H1 staat klaar",
    ]
