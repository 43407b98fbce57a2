"""Celery tasks of monitoring: snapshots and report rendering.

Exactly-once rendering rests on three things:
- the task is acknowledged late and rejected when its worker is lost
  (settings: CELERY_TASK_ACKS_LATE, CELERY_TASK_REJECT_ON_WORKER_LOST), so a
  message is redelivered rather than dropped;
- the report row is claimed with one conditional UPDATE that also sets a lease
  (longer than the hard time limit); a redelivered or duplicate message finds the
  row taken or done and returns without rendering;
- the result is written only if the claim still holds, so a worker whose lease
  expired cannot finish a report a second time.
A beat sweep republishes rows left queued (broker down) or running with an
expired lease (worker killed).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

from monitoring.periods import Period

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 4


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_ATTEMPTS)
def render_rapport(self, rapport_id: int) -> str:
    from monitoring.services import reports

    token = reports.rapport_claim(rapport_id=rapport_id)
    if token is None:
        return "skipped"  # done, or another worker holds a live lease
    try:
        done = reports.rapport_render(rapport_id=rapport_id, token=token)
    except Exception as exc:
        from monitoring.models import Rapport

        attempts = Rapport.objects.filter(pk=rapport_id).values_list("pogingen", flat=True).first()
        retry = isinstance(exc, OSError | OperationalError) and (attempts or 0) < MAX_ATTEMPTS
        logger.exception("Report %s failed (attempt %s)", rapport_id, attempts)
        reports.rapport_fail(
            rapport_id=rapport_id, token=token, error=f"{type(exc).__name__}: {exc}", retry=retry
        )
        if retry:
            raise self.retry(exc=exc, countdown=min(2 ** (attempts or 1) * 5, 300)) from exc
        return "failed"
    return "done" if done else "lost-lease"


@shared_task
def requeue_rapporten(min_age_seconds: float | None = None) -> int:
    """Beat: publish reports still queued (broker was down) or stuck running (worker died)."""
    from monitoring.services.reports import rapporten_to_requeue

    ids = rapporten_to_requeue(min_age_seconds=min_age_seconds)
    for pk in ids:
        render_rapport.delay(pk)
    return len(ids)


@shared_task
def make_snapshot(period: str | None = None, draft_reports: bool = True) -> str:
    """Beat (twice a year): freeze the half year that just ended and draft both reports.

    An existing snapshot of that half year is left as it is (never recomputed here).
    """
    from monitoring.constants import RapportSoort
    from monitoring.services import reports, snapshots

    chosen = Period.parse(period) if period else Period.last_completed()
    snapshots.snapshot_ensure(period=chosen)
    if draft_reports:
        for soort in (RapportSoort.RAADSMEDEDELING, RapportSoort.MONITORING):
            reports.rapport_request(soort=soort, period=chosen)
    return chosen.code
