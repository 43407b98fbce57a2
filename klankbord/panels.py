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
    te_laat = list(selectors.adviezen_te_laat().only("onderwerp", "reactie_uiterlijk")[:6])
    aantal = len(te_laat) if len(te_laat) < 6 else selectors.adviezen_te_laat().count()
    return {
        "te_laat": te_laat[:5],
        "aantal_te_laat": aantal,
        "open_signalen": Signaal.objects.filter(status__in=SIGNAAL_OPEN).count(),
        "signalen_link": allowed(request.user, "signalen", VIEW),
    }
