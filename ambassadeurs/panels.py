"""Home-page panels: each uses a fixed number of queries whatever the data size."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from ambassadeurs.constants import AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur


def mijn_activiteiten(request) -> dict:
    ambassadeur = Ambassadeur.objects.filter(persoon__user=request.user).only("pk").first()
    if ambassadeur is None:
        return {"ambassadeur": None}
    activiteiten = list(
        Activiteit.objects.filter(ambassadeur=ambassadeur)
        .only("datum", "titel")
        .order_by("-datum", "-created_at")[:5]
    )
    return {"ambassadeur": ambassadeur, "activiteiten": activiteiten}


def kwartiermaker(request) -> dict:
    sinds = timezone.localdate() - datetime.timedelta(days=30)
    counts = Ambassadeur.objects.aggregate(
        actief=Count("pk", filter=Q(status=AmbassadeurStatus.ACTIEF)),
        wachtend=Count(
            "pk", filter=Q(status__in=[AmbassadeurStatus.AANGEMELD, AmbassadeurStatus.INTAKE])
        ),
    )
    return {
        "aantal_actief": counts["actief"],
        "aantal_wachtend": counts["wachtend"],
        "activiteiten_maand": Activiteit.objects.filter(datum__gte=sinds).count(),
    }
