"""Home-page panels with a fixed number of queries."""

from __future__ import annotations

from django.utils import timezone

from inclusie.permissions import CHANGE, VIEW, allowed
from klankbord import selectors
from klankbord.constants import SIGNAAL_OPEN
from klankbord.models import Signaal


def open_adviezen(request) -> dict:
    return {
        "adviezen": list(selectors.adviezen_open().only("onderwerp", "reactie_uiterlijk")[:5]),
        "vandaag": timezone.localdate(),
        "kan_signaal": allowed(request.user, "signalen", CHANGE),
    }


def te_laat(request) -> dict:
    # Always the same three queries, however many adviezen are overdue.
    te_laat = list(selectors.adviezen_te_laat().only("onderwerp", "reactie_uiterlijk")[:5])
    return {
        "te_laat": te_laat,
        "aantal_te_laat": selectors.adviezen_te_laat().count(),
        "open_signalen": Signaal.objects.filter(status__in=SIGNAAL_OPEN).count(),
        "signalen_link": allowed(request.user, "signalen", VIEW),
    }


def te_beantwoorden(request) -> list:
    """Adviezen waiting for the gemeente's response, for the wethouder's decisions panel."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from inclusie.registry import Decision

    vandaag = timezone.localdate()
    return [
        Decision(
            label=_("Reactie van de gemeente op het advies '%(onderwerp)s'")
            % {"onderwerp": a.onderwerp},
            url=reverse("advies-detail", args=[a.pk]),
            kind=_("Advies klankbordgroep"),
            due=a.reactie_uiterlijk,
            overdue=bool(a.reactie_uiterlijk and a.reactie_uiterlijk < vandaag),
        )
        for a in selectors.adviezen_open().only("pk", "onderwerp", "reactie_uiterlijk")[:5]
    ]
