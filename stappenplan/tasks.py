"""Background work of the verkenning: rendering its PDF report."""

from celery import shared_task


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def render_verkenning_rapport(self, rapport_id: int) -> str:
    """Render a verkenning PDF; idempotent (a finished report is not rendered again)."""
    from stappenplan.models import VerkenningRapport
    from stappenplan.services import rapport_render

    rapport = VerkenningRapport.objects.filter(pk=rapport_id).first()
    if rapport is None:
        return "missing"
    return rapport_render(rapport=rapport).status


@shared_task
def render_waiting_verkenning_rapporten() -> int:
    """Beat: re-queue report requests still waiting (e.g. made while the broker was down)."""
    import datetime

    from django.utils import timezone

    from stappenplan.models import VerkenningRapport

    cutoff = timezone.now() - datetime.timedelta(minutes=2)
    ids = list(
        VerkenningRapport.objects.filter(
            status=VerkenningRapport.Status.WACHTEND, created_at__lt=cutoff
        ).values_list("pk", flat=True)[:200]
    )
    for pk in ids:
        render_verkenning_rapport.delay(pk)
    return len(ids)
