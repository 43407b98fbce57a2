"""Read queries of the klankbordgroep and the signals: lists, checks, coverage, figures.

Object-level rule for signals: klankbord members and ambassadors see the signals
they logged themselves; the kwartiermaker, beleidsadviseurs, the wethouder and
the beheerder see all of them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ambassadeurs.constants import AmbassadeurStatus
from inclusie.constants import Role
from inclusie.keuzes import keuzes
from inclusie.models import DiversiteitsAspect
from klankbord import constants as c
from klankbord.constants import AdviesUitkomst, KlankbordRol
from klankbord.filters import AdviesFilter, SignaalFilter
from klankbord.models import Advies, KlankbordLid, Signaal

ALLE_SIGNALEN_ROLLEN = (Role.KWARTIERMAKER, Role.BELEIDSADVISEUR, Role.WETHOUDER, Role.BEHEERDER)
OPVOLGING_ROLLEN = (Role.KWARTIERMAKER, Role.BEHEERDER)


# --- members and composition -----------------------------------------------------------


def leden(*, op: datetime.date | None = None, alle: bool = False) -> QuerySet:
    """Seats current on `op` (today by default), or every seat ever with `alle`."""
    qs = KlankbordLid.objects.select_related("persoon__organisatie").prefetch_related(
        "kennis", "bereik"
    )
    if not alle:
        op = op or timezone.localdate()
        qs = qs.filter(Q(tot__isnull=True) | Q(tot__gte=op), van__lte=op)
    # Voorzitter first, then the members, then the advisers.
    volgorde = Case(
        *(
            When(rol=rol, then=Value(i))
            for i, rol in enumerate(
                (
                    KlankbordRol.VOORZITTER,
                    KlankbordRol.LID,
                    KlankbordRol.ADVISEUR_DI,
                    KlankbordRol.ADVISEUR_ONDERWERP,
                )
            )
        ),
        output_field=IntegerField(),
    )
    return qs.annotate(rol_volgorde=volgorde).order_by("rol_volgorde", "persoon__naam")


@dataclass
class Regel:
    label: str
    ok: bool
    uitleg: str


def _aanwezig(n: int) -> str:
    if n == 0:
        return str(_("Nog niemand."))
    return ngettext("%(n)s adviseur in de groep.", "%(n)s adviseurs in de groep.", n) % {"n": n}


def samenstelling(huidige: list[KlankbordLid]) -> list[Regel]:
    """The composition rules of the Deventer nota checked against the current seats."""
    per_rol = {rol: 0 for rol in KlankbordRol.values}
    for lid in huidige:
        per_rol[lid.rol] += 1
    leden_aantal = per_rol[KlankbordRol.VOORZITTER] + per_rol[KlankbordRol.LID]
    voorzitters = per_rol[KlankbordRol.VOORZITTER]
    return [
        Regel(
            str(_("Zes leden")),
            leden_aantal == c.LEDEN_DOEL,
            str(
                _("%(n)s van %(doel)s leden (de voorzitter telt mee).")
                % {"n": leden_aantal, "doel": c.LEDEN_DOEL}
            ),
        ),
        Regel(
            str(_("Eén voorzitter, gekozen uit de leden")),
            voorzitters == c.VOORZITTERS_DOEL,
            str(
                _("Geen voorzitter gekozen.")
                if voorzitters == 0
                else ngettext("%(n)s voorzitter.", "%(n)s voorzitters.", voorzitters)
                % {"n": voorzitters}
            ),
        ),
        Regel(
            str(_("Beleidsadviseur diversiteit en inclusie")),
            per_rol[KlankbordRol.ADVISEUR_DI] >= c.ADVISEURS_DI_DOEL,
            _aanwezig(per_rol[KlankbordRol.ADVISEUR_DI]),
        ),
        Regel(
            str(_("Beleidsadviseur op onderwerp")),
            per_rol[KlankbordRol.ADVISEUR_ONDERWERP] >= c.ADVISEURS_ONDERWERP_DOEL,
            _aanwezig(per_rol[KlankbordRol.ADVISEUR_ONDERWERP]),
        ),
    ]


@dataclass
class Dekking:
    aspect: DiversiteitsAspect
    kennis: list[str]
    bereik: list[str]
    ambassadeurs: int

    @property
    def gedekt(self) -> bool:
        return bool(self.kennis or self.bereik)


def dekking(huidige: list[KlankbordLid]) -> list[Dekking]:
    """Per diversity aspect: which current members know it or reach its communities.

    Fixed query count: the aspects, plus one aggregate for the ambassadors' reach;
    the members' tags come prefetched with `huidige`.
    """
    aspecten = list(
        DiversiteitsAspect.objects.annotate(
            n_amb=Count(
                "ambassadeurs",
                filter=Q(ambassadeurs__status=AmbassadeurStatus.ACTIEF),
                distinct=True,
            )
        ).order_by("volgorde", "naam")
    )
    kennis: dict[int, list[str]] = {a.pk: [] for a in aspecten}
    bereik: dict[int, list[str]] = {a.pk: [] for a in aspecten}
    for lid in huidige:
        if lid.rol not in c.LEDEN_ROLLEN:
            continue
        for aspect in lid.kennis.all():
            kennis.setdefault(aspect.pk, []).append(lid.persoon.naam)
        for aspect in lid.bereik.all():
            bereik.setdefault(aspect.pk, []).append(lid.persoon.naam)
    return [Dekking(a, kennis[a.pk], bereik[a.pk], a.n_amb) for a in aspecten]


# --- adviezen ----------------------------------------------------------------------------


def advies_list(*, params=None) -> AdviesFilter:
    return AdviesFilter(params, queryset=Advies.objects.order_by("-datum", "-created_at"))


def advies_detail(*, pk: int) -> Advies:
    advies = Advies.objects.select_related("vastgelegd_door").filter(pk=pk).first()
    if advies is None:
        raise Http404
    return advies


def adviezen_open() -> QuerySet:
    """Adviezen still waiting for the gemeente's response, the most urgent first."""
    return Advies.objects.filter(reactie_datum__isnull=True).order_by("reactie_uiterlijk")


def adviezen_te_laat(*, op: datetime.date | None = None) -> QuerySet:
    op = op or timezone.localdate()
    return adviezen_open().filter(reactie_uiterlijk__lt=op)


# --- signals --------------------------------------------------------------------------------


def signalen_voor(user) -> QuerySet:
    qs = Signaal.objects.all()
    if user.role not in ALLE_SIGNALEN_ROLLEN:
        qs = qs.filter(gemeld_door=user)
    return qs


def signaal_list(*, user, params=None) -> SignaalFilter:
    qs = (
        signalen_voor(user)
        .select_related("wijk", "gemeld_door")
        .prefetch_related(
            Prefetch("aspecten", queryset=DiversiteitsAspect.objects.order_by("volgorde"))
        )
        .order_by("-datum", "-created_at")
    )
    return SignaalFilter(params, queryset=qs)


def signaal_detail(*, user, pk: int) -> Signaal:
    signaal = (
        signalen_voor(user)
        .select_related("wijk", "gemeld_door")
        .prefetch_related("aspecten")
        .filter(pk=pk)
        .first()
    )
    if signaal is None:
        raise Http404
    return signaal


def signalen_per_thema(start: datetime.date, end: datetime.date) -> dict[str, int]:
    rows = dict(
        Signaal.objects.filter(datum__gte=start, datum__lt=end)
        .values_list("thema")
        .annotate(n=Count("pk"))
        .values_list("thema", "n")
    )
    # Every theme the beheerder keeps, also one no longer offered: old signals still count.
    return {label: rows.get(value, 0) for value, label in keuzes("signaalthema")}


# --- figures (fixed query count; start inclusive, end exclusive) ---------------------------


def figuur_adviezen(start: datetime.date, end: datetime.date) -> dict[str, int]:
    rows = dict(
        Advies.objects.filter(datum__gte=start, datum__lt=end)
        .values_list("uitkomst")
        .annotate(n=Count("pk"))
        .values_list("uitkomst", "n")
    )
    return {str(label): rows.get(value, 0) for value, label in AdviesUitkomst.choices}


def figuur_reacties_op_tijd(start: datetime.date, end: datetime.date) -> float | None:
    """Of the responses due in the period, the percentage given on or before the due date.

    Returns None (no percentage, shown as "-") when no response was due in the period:
    "0 % on time" would say the gemeente missed every deadline.
    """
    counts = Advies.objects.filter(
        reactie_uiterlijk__gte=start, reactie_uiterlijk__lt=end
    ).aggregate(
        totaal=Count("pk"),
        op_tijd=Count(
            "pk",
            filter=Q(reactie_datum__isnull=False) & Q(reactie_datum__lte=F("reactie_uiterlijk")),
        ),
    )
    if not counts["totaal"]:
        return None
    return round(100.0 * counts["op_tijd"] / counts["totaal"], 1)


def figuur_reacties_te_laat(start: datetime.date, end: datetime.date) -> int:
    """Responses overdue at the end of the period (due before it, not given before it)."""
    return Advies.objects.filter(
        Q(reactie_datum__isnull=True) | Q(reactie_datum__gte=end),
        datum__lt=end,
        reactie_uiterlijk__lt=end,
    ).count()


def recente_signalen(*, sinds: datetime.date) -> QuerySet:
    return (
        Signaal.objects.filter(datum__gte=sinds).select_related("wijk").order_by("thema", "-datum")
    )
