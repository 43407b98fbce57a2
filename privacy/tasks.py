from celery import shared_task


@shared_task
def apply_retention() -> int:
    """Nightly (beat entry "bewaartermijnen-toepassen"): one retention run, logged as a row."""
    from django.utils import timezone

    from privacy.models import RetentieRun
    from privacy.services import retentie_run_execute

    run = RetentieRun.objects.create(
        aanleiding=RetentieRun.Aanleiding.NACHT, peildatum=timezone.localdate()
    )
    return retentie_run_execute(run_id=run.pk).totaal


@shared_task
def run_retentie(run_id: int) -> int:
    """A run the beheerder started; safe to deliver twice."""
    from privacy.services import retentie_run_execute

    return retentie_run_execute(run_id=run_id).totaal
