import logging

from celery import shared_task
from django.db import OperationalError, transaction

from inclusie.models import Notificatie

logger = logging.getLogger(__name__)


def enqueue(task, *args) -> None:
    """Send `task` to the broker once the current transaction commits.

    A broker outage must never fail the user's request: the database row that
    describes the work is already committed, and a periodic sweep re-queues rows
    that are still waiting. So publishing errors are logged, not raised.
    """

    def publish() -> None:
        try:
            task.delay(*args)
        except Exception:  # noqa: BLE001 - kombu raises several connection error types
            logger.warning(
                "Broker unavailable; %s%r stays queued for the sweep",
                task.name,
                args,
                exc_info=True,
            )

    transaction.on_commit(publish)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notificatie(self, notificatie_id: int) -> str:
    """Send a stored notification mail; safe to run twice."""
    from inclusie.services import notificatie_send

    try:
        with transaction.atomic():
            notificatie = (
                Notificatie.objects.select_for_update(of=("self",))
                .select_related("ontvanger")
                .filter(pk=notificatie_id)
                .first()
            )
            if notificatie is None:
                return "missing"
            notificatie_send(notificatie=notificatie)
    except OSError as exc:
        Notificatie.objects.filter(pk=notificatie_id).update(fout=str(exc))
        raise
    return notificatie.status


@shared_task
def send_waiting_notificaties() -> int:
    """Beat: pick up mails still waiting (e.g. queued while the broker was down)."""
    ids = list(
        Notificatie.objects.filter(status=Notificatie.Status.WACHTEND).values_list("pk", flat=True)[
            :500
        ]
    )
    for pk in ids:
        send_notificatie.delay(pk)
    return len(ids)


# --- the report-row pipeline (inclusie/reports.py) -----------------------------------------

REPORT_MAX_ATTEMPTS = 4


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=REPORT_MAX_ATTEMPTS)
def render_report(self, model_label: str, pk: int) -> str:
    """Render one report row of any registered kind; safe to deliver twice (see reports.py)."""
    from inclusie import reports

    model = reports.report_kind(model_label).model
    token = reports.report_claim(model=model, pk=pk)
    if token is None:
        return "skipped"  # done, missing, or another worker holds a live lease
    try:
        done = reports.report_render(model=model, pk=pk, token=token)
    except Exception as exc:
        attempts = model._default_manager.filter(pk=pk).values_list("pogingen", flat=True).first()
        retry = (
            isinstance(exc, OSError | OperationalError) and (attempts or 0) < REPORT_MAX_ATTEMPTS
        )
        logger.exception("Report %s %s failed (attempt %s)", model_label, pk, attempts)
        reports.report_fail(
            model=model, pk=pk, token=token, error=f"{type(exc).__name__}: {exc}", retry=retry
        )
        if retry:
            raise self.retry(exc=exc, countdown=min(2 ** (attempts or 1) * 5, 300)) from exc
        return "failed"
    return "done" if done else "lost-lease"


@shared_task
def requeue_reports(min_age_seconds: float | None = None) -> int:
    """Beat: publish report rows still queued (broker was down) or stuck running (worker died)."""
    from inclusie import reports

    published = 0
    for kind in reports.report_kinds():
        label = kind.model._meta.label_lower
        for pk in reports.reports_to_requeue(model=kind.model, min_age_seconds=min_age_seconds):
            render_report.delay(label, pk)
            published += 1
    return published
