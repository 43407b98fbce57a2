"""Read queries for ambassadors, shared by views, exports, panels and figures.

Object-level rules live here: an ambassador gets only their own profile and
activities (anything else is a 404 in the views).
"""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404

from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.filters import ActiviteitFilter, AmbassadeurFilter
from ambassadeurs.models import Activiteit, Ambassadeur, StatusWijziging
from pijlers.models import Lidmaatschap


def _huidige_pijlers() -> Prefetch:
    return Prefetch(
        "persoon__pijler_lidmaatschappen",
        queryset=Lidmaatschap.objects.filter(rol=Lidmaatschap.Rol.AMBASSADEUR)
        .select_related("pijler")
        .order_by("pijler__volgorde", "pijler__naam"),
        to_attr="ambassadeur_lidmaatschappen",
    )


def ambassadeur_list(*, params=None) -> AmbassadeurFilter:
    qs = (
        Ambassadeur.objects.select_related("persoon__organisatie", "persoon__wijk")
        .annotate(aantal_activiteiten=Count("activiteiten", distinct=True))
        .prefetch_related(_huidige_pijlers())
        .order_by("persoon__naam")
    )
    return AmbassadeurFilter(params, queryset=qs)


def ambassadeur_detail(*, pk: int) -> Ambassadeur:
    ambassadeur = (
        Ambassadeur.objects.select_related("persoon__organisatie", "persoon__wijk", "persoon__user")
        .prefetch_related("bereik", _huidige_pijlers())
        .filter(pk=pk)
        .first()
    )
    if ambassadeur is None:
        raise Http404
    return ambassadeur


def ambassadeur_for_user(user) -> Ambassadeur | None:
    """The signed-in ambassador's own profile, or None when no profile is linked."""
    return (
        Ambassadeur.objects.select_related("persoon__organisatie", "persoon__wijk")
        .prefetch_related("bereik", _huidige_pijlers())
        .filter(persoon__user=user)
        .first()
    )


def activiteiten_van(*, ambassadeur: Ambassadeur, limit: int | None = None) -> QuerySet:
    qs = ambassadeur.activiteiten.select_related("wijk").order_by("-datum", "-created_at")
    return qs[:limit] if limit else qs


def eigen_activiteit(*, user, pk: int) -> Activiteit:
    """An activity of the signed-in ambassador; someone else's is a 404."""
    activiteit = (
        Activiteit.objects.select_related("ambassadeur__persoon", "wijk")
        .filter(pk=pk, ambassadeur__persoon__user=user)
        .first()
    )
    if activiteit is None:
        raise Http404
    return activiteit


def activiteit_list(*, params=None) -> ActiviteitFilter:
    qs = Activiteit.objects.select_related("ambassadeur__persoon", "wijk").order_by(
        "-datum", "-created_at"
    )
    return ActiviteitFilter(params, queryset=qs)


def publieke_ambassadeurs() -> QuerySet:
    """Active ambassadors who consented to public display."""
    return (
        Ambassadeur.objects.filter(
            status=AmbassadeurStatus.ACTIEF, persoon__toestemming_openbaar=True
        )
        .select_related("persoon__organisatie", "persoon__wijk")
        .order_by("persoon__naam")
    )


# --- figures (fixed query count) --------------------------------------------------


def figuur_actief(start: datetime.date, end: datetime.date) -> int:
    """Ambassadors whose status on the last day of the period was "actief".

    Read from the dated status history, so someone who stopped and came back
    counts in the periods they were active, and a past period computed today
    gives the number it had then.
    """
    laatste = (
        StatusWijziging.objects.filter(ambassadeur=OuterRef("pk"), datum__lt=end)
        .order_by("-datum", "-created_at", "-pk")
        .values("status")[:1]
    )
    return (
        Ambassadeur.objects.annotate(status_op=Subquery(laatste))
        .filter(status_op=AmbassadeurStatus.ACTIEF)
        .count()
    )


def figuur_activiteiten(start: datetime.date, end: datetime.date) -> dict[str, int]:
    rows = dict(
        Activiteit.objects.filter(datum__gte=start, datum__lt=end)
        .values_list("soort")
        .annotate(n=Count("pk"))
        .values_list("soort", "n")
    )
    return {str(label): rows.get(value, 0) for value, label in ActiviteitSoort.choices}
