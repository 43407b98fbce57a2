"""Home-page panels: each uses a fixed number of queries whatever the data size."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from ambassadeurs.constants import AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie


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


STIL_DAGEN = 90


def kwartiermaker(request) -> dict:
    """Four queries: counts, recent activities, quiet ambassadors, coaching appointments."""
    vandaag = timezone.localdate()
    sinds = vandaag - datetime.timedelta(days=30)
    counts = Ambassadeur.objects.aggregate(
        actief=Count("pk", filter=Q(status=AmbassadeurStatus.ACTIEF)),
        wachtend=Count(
            "pk", filter=Q(status__in=[AmbassadeurStatus.AANGEMELD, AmbassadeurStatus.INTAKE])
        ),
    )
    recent = Activiteit.objects.filter(
        ambassadeur=OuterRef("pk"), datum__gte=vandaag - datetime.timedelta(days=STIL_DAGEN)
    )
    stil = (
        Ambassadeur.objects.filter(status=AmbassadeurStatus.ACTIEF)
        .exclude(Exists(recent))
        .select_related("persoon")
        .order_by("persoon__naam")
    )
    afspraken = (
        CoachingNotitie.objects.filter(
            vervolgafspraak__gte=vandaag, vervolgafspraak__lte=vandaag + datetime.timedelta(days=7)
        )
        .select_related("ambassadeur__persoon")
        .order_by("vervolgafspraak")
    )
    return {
        "aantal_actief": counts["actief"],
        "aantal_wachtend": counts["wachtend"],
        "activiteiten_maand": Activiteit.objects.filter(datum__gte=sinds).count(),
        "stil": list(stil[:5]),
        "stil_dagen": STIL_DAGEN,
        "afspraken": list(afspraken[:5]),
    }
