"""Figures of the pijlers app for the monitoring snapshots (one query each)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from pijlers.models import Lidmaatschap, Pijler


def zonder_ambassadeur(start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Pijler name -> 0 for each pijler without a current ambassador at `end`."""
    huidig = (
        Q(lidmaatschappen__rol=Lidmaatschap.Rol.AMBASSADEUR)
        & (Q(lidmaatschappen__sinds__isnull=True) | Q(lidmaatschappen__sinds__lt=end))
        & (Q(lidmaatschappen__tot__isnull=True) | Q(lidmaatschappen__tot__gte=end))
    )
    rows = (
        Pijler.objects.filter(actief=True)
        .annotate(n=Count("lidmaatschappen", filter=huidig))
        .filter(n=0)
        .values_list("naam", flat=True)
    )
    return {naam: 0 for naam in rows}
