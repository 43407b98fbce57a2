from celery import shared_task


@shared_task
def herinner_reacties() -> int:
    """Beat (daily): remind the gemeente of klankbord adviezen whose response is due."""
    from klankbord.services import advies_herinneringen_versturen

    return advies_herinneringen_versturen()
