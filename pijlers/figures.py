"""Figures of the pijlers app for the monitoring snapshots (one query each)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from pijlers.models import Lidmaatschap, Pijler


def zonder_ambassadeur(start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Pijler name -> 0 for each pijler without an ambassador at `end`.

    Counted over the pijlers that existed and were active at `end` (created before it,
    not inactive since before it), so a past half year shows the pijlers of then.
    """
    huidig = (
        Q(lidmaatschappen__rol=Lidmaatschap.Rol.AMBASSADEUR)
        & (Q(lidmaatschappen__sinds__isnull=True) | Q(lidmaatschappen__sinds__lt=end))
        & (Q(lidmaatschappen__tot__isnull=True) | Q(lidmaatschappen__tot__gte=end))
    )
    rows = (
        Pijler.objects.filter(created_at__date__lt=end)
        .filter(Q(niet_actief_sinds__isnull=True) | Q(niet_actief_sinds__gte=end))
        .annotate(n=Count("lidmaatschappen", filter=huidig))
        .filter(n=0)
        .values_list("naam", flat=True)
    )
    return {naam: 0 for naam in rows}
