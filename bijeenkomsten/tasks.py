"""Background work of the meetings: action reminders."""

from celery import shared_task


@shared_task
def send_actie_herinneringen() -> int:
    """Beat: remind owners of open action items due soon; never twice per due date."""
    from bijeenkomsten.services import actie_herinneringen_send

    return actie_herinneringen_send()
