import logging

from celery import shared_task
from django.db import transaction

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
