"""Read queries of the pijlers app, shared by pages, the home panel and monitoring."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from pijlers.models import Lidmaatschap, Pijler, huidig_q


def pijler_list():
    """Active pijlers with their number of current members and ambassadors (one query)."""
    huidig = huidig_q("lidmaatschappen__")
    return Pijler.objects.filter(actief=True).annotate(
        aantal_leden=Count("lidmaatschappen__persoon", filter=huidig, distinct=True),
        aantal_ambassadeurs=Count(
            "lidmaatschappen",
            filter=huidig & Q(lidmaatschappen__rol=Lidmaatschap.Rol.AMBASSADEUR),
            distinct=True,
        ),
    )


def pijlers_zonder_ambassadeur() -> list[Pijler]:
    """The rule of the Deventer nota: at least one (current) ambassador per pijler."""
    return [p for p in pijler_list() if p.aantal_ambassadeurs == 0]


def pijler_detail(*, slug: str) -> Pijler:
    return get_object_or_404(pijler_list(), slug=slug)


def leden(*, pijler: Pijler, huidig: bool = True):
    qs = Lidmaatschap.objects.filter(pijler=pijler).select_related("persoon", "organisatie")
    qs = qs.filter(huidig_q()) if huidig else qs.exclude(huidig_q())
    return qs.order_by("rol", "persoon__naam")


def pijler_with_members():
    """For overviews that list members per pijler without N+1."""
    return pijler_list().prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Lidmaatschap.objects.filter(huidig_q()).select_related("persoon"),
            to_attr="huidige_leden",
        )
    )
