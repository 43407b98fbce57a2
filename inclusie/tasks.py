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
                Notificatie.objects.select_for_update()
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


@shared_task
def send_actie_herinneringen() -> int:
    """Beat: remind owners of open action items due soon; never twice per due date."""
    from django.conf import settings

    from inclusie.services_meetings import actie_herinneringen_send

    return actie_herinneringen_send(base_url=getattr(settings, "PORTAL_BASE_URL", ""))


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def render_verkenning_rapport(self, rapport_id: int) -> str:
    """Render a verkenning PDF; idempotent (a finished report is not rendered again)."""
    from inclusie.models import VerkenningRapport
    from inclusie.services_verkenning import rapport_render

    rapport = VerkenningRapport.objects.filter(pk=rapport_id).first()
    if rapport is None:
        return "missing"
    return rapport_render(rapport=rapport).status


@shared_task
def render_waiting_verkenning_rapporten() -> int:
    """Beat: re-queue report requests still waiting (e.g. made while the broker was down)."""
    import datetime

    from django.utils import timezone

    from inclusie.models import VerkenningRapport

    cutoff = timezone.now() - datetime.timedelta(minutes=2)
    ids = list(
        VerkenningRapport.objects.filter(
            status=VerkenningRapport.Status.WACHTEND, created_at__lt=cutoff
        ).values_list("pk", flat=True)[:200]
    )
    for pk in ids:
        render_verkenning_rapport.delay(pk)
    return len(ids)
