"""Read queries of the Deal, shared by pages, exports, the public page and monitoring."""

from __future__ import annotations

import datetime
import uuid
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import ExtractYear, RowNumber
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from deal.constants import ROUTE, Fase, ToezeggingStatus, is_regular_step, next_stage
from deal.filters import InitiatiefFilter, KennisFilter, PartnerFilter
from deal.models import (
    Contactmoment,
    FaseWijziging,
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    ToezeggingStatusWijziging,
    Voortgang,
)
from pijlers.models import Pijler

PIPELINE_CARDS_PER_COLUMN = 15
PUBLIC_CACHE_SECONDS = 60


# --- partners --------------------------------------------------------------


def partner_queryset():
    return Partner.objects.select_related("organisatie", "organisatie__wijk").prefetch_related(
        "pijlers"
    )


def partner_list(*, params=None) -> PartnerFilter:
    """The filtered, sortable partner list; the export uses the very same queryset."""
    return PartnerFilter(params, queryset=partner_queryset().order_by("organisatie__naam"))


def partner_export_rows(qs) -> list[list]:
    rows = []
    for p in qs:
        rows.append(
            [
                p.organisatie.naam,
                p.organisatie.kvk_nummer,
                p.organisatie.get_sector_display(),
                str(p.organisatie.wijk or ""),
                p.get_fase_display(),
                p.fase_sinds,
                ", ".join(pl.naam for pl in p.pijlers.all()),
                p.ondertekend_op,
                p.ondertekenaar_naam,
                p.volgende_actie,
                p.volgende_actie_op,
            ]
        )
    return rows


def pipeline(*, params=None) -> tuple[PartnerFilter, list[dict]]:
    """Columns per stage: counts in one query, cards (capped per column) in one more."""
    filterset = PartnerFilter(params, queryset=Partner.objects.select_related("organisatie"))
    qs = filterset.qs
    counts = dict(qs.order_by().values_list("fase").annotate(n=Count("pk")))
    # At most PIPELINE_CARDS_PER_COLUMN cards per stage, capped in the database.
    rang = Window(
        RowNumber(),
        partition_by=[F("fase")],
        order_by=[F("fase_sinds").desc(), F("organisatie__naam").asc()],
    )
    cards = (
        qs.annotate(rang=rang)
        .filter(rang__lte=PIPELINE_CARDS_PER_COLUMN)
        .order_by("fase", "-fase_sinds", "organisatie__naam")
    )
    # One reverse() instead of several per card: the page renders many cards.
    base = reverse("deal:partner-detail", args=[0])[: -len("0/")]
    by_fase: dict[str, list] = {f: [] for f in Fase.values}
    for card in cards:
        card.url = f"{base}{card.pk}/"
        by_fase[card.fase].append(card)
    order = [*ROUTE, Fase.GESTOPT]
    columns = []
    for fase in order:
        volgende = next_stage(fase)
        columns.append(
            {
                "fase": fase,
                "label": Fase(fase).label,
                "count": counts.get(fase, 0),
                "cards": by_fase[fase],
                "volgende": volgende,
                "volgende_label": Fase(volgende).label if volgende else "",
                # Where a card in this column can be moved with the select (signing has
                # its own form), and whether that move needs a reason.
                "doelen": [
                    (f, Fase(f).label, not is_regular_step(fase, f))
                    for f in order
                    if f not in (fase, Fase.ONDERTEKEND)
                ],
            }
        )
    return filterset, columns


def partner_detail(*, pk: int) -> Partner:
    return get_object_or_404(
        Partner.objects.select_related("organisatie", "organisatie__wijk").prefetch_related(
            "pijlers",
            "contactpersonen",
            Prefetch(
                "toezeggingen",
                queryset=Toezegging.objects.select_related("doelstelling", "pijler"),
            ),
        ),
        pk=pk,
    )


def partner_timeline(*, partner: Partner) -> list[dict]:
    """Stage changes and contact moments in one dated list, newest first (two queries)."""
    items = [
        {
            "datum": w.datum,
            "moment": w.vastgelegd_op,
            "soort": "fase",
            "object": w,
        }
        for w in FaseWijziging.objects.filter(partner=partner).select_related("door")
    ]
    items += [
        {"datum": c.datum, "moment": c.vastgelegd_op, "soort": "contact", "object": c}
        for c in Contactmoment.objects.filter(partner=partner).select_related("door", "persoon")
    ]
    return sorted(items, key=lambda i: (i["datum"], i["moment"]), reverse=True)


def partners_opvolgen(*, limit: int = 8):
    """Partners whose next step is due (for the kwartiermaker's home page)."""
    today = timezone.localdate()
    return (
        Partner.objects.select_related("organisatie")
        .filter(volgende_actie_op__lte=today)
        .exclude(fase=Fase.GESTOPT)
        .order_by("volgende_actie_op")[:limit]
    )


# --- commitments -------------------------------------------------------------


def toezegging_detail(*, pk: int) -> Toezegging:
    return get_object_or_404(
        Toezegging.objects.select_related(
            "partner", "partner__organisatie", "doelstelling", "pijler"
        ).prefetch_related(
            Prefetch("voortgang", queryset=Voortgang.objects.select_related("door"))
        ),
        pk=pk,
    )


def doelstellingen():
    return GezamenlijkeDoelstelling.objects.annotate(
        aantal_toezeggingen=Count("toezeggingen", distinct=True)
    )


# --- initiatives and knowledge -------------------------------------------------


def los_q() -> Q:
    """An initiative not yet connected: no pijler and its owner is not a Deal partner."""
    partner = Partner.objects.filter(organisatie=OuterRef("eigenaar")).exclude(fase=Fase.GESTOPT)
    return Q(pijler__isnull=True) & ~Q(Exists(partner))


def initiatief_list(*, params=None) -> InitiatiefFilter:
    qs = Initiatief.objects.select_related("eigenaar", "wijk", "pijler").annotate(
        is_los=Exists(Initiatief.objects.filter(pk=OuterRef("pk")).filter(los_q()))
    )
    return InitiatiefFilter(params, queryset=qs.order_by("naam"))


def initiatief_detail(*, pk: int) -> Initiatief:
    return get_object_or_404(
        Initiatief.objects.select_related("eigenaar", "wijk", "pijler").prefetch_related(
            "personen", "verbonden_met"
        ),
        pk=pk,
    )


def initiatieven_los_count() -> int:
    return Initiatief.objects.filter(los_q()).exclude(status="gestopt").count()


def kennis_list(*, params=None) -> KennisFilter:
    qs = KennisItem.objects.prefetch_related("pijlers")
    return KennisFilter(params, queryset=qs.order_by("-created_at", "titel"))


def kennis_detail(*, pk: int) -> KennisItem:
    return get_object_or_404(KennisItem.objects.prefetch_related("pijlers", "aspecten"), pk=pk)


# --- the public Deal page -------------------------------------------------------


def public_version() -> str:
    """A token that changes whenever the public data is rebuilt; keys the cached HTML."""
    versie = cache.get("deal:openbaar:versie")
    if versie is None:
        versie = uuid.uuid4().hex
        cache.set("deal:openbaar:versie", versie, PUBLIC_CACHE_SECONDS)
    return versie


def public_deal() -> dict:
    """Everything the public page and the JSON feed show, as plain data.

    Only signed organisations that are marked public, and only their public
    commitments; never a person's name. Five queries, cached for a minute.
    """
    data = cache.get("deal:openbaar")
    if data is not None:
        return data
    toezeggingen = Toezegging.objects.filter(openbaar=True).select_related("doelstelling", "pijler")
    partners = (
        Partner.objects.filter(fase=Fase.ONDERTEKEND, openbaar=True)
        .select_related("organisatie", "organisatie__wijk")
        .prefetch_related(Prefetch("toezeggingen", queryset=toezeggingen, to_attr="publiek"))
        .order_by("organisatie__naam")
    )
    ondertekenaars = [
        {
            "naam": p.organisatie.naam,
            "sector": p.organisatie.get_sector_display(),
            "wijk": p.organisatie.wijk.naam if p.organisatie.wijk else "",
            "website": p.organisatie.website,
            "ondertekend_op": p.ondertekend_op,
            "toezeggingen": [
                {
                    "titel": t.titel,
                    "soort": t.get_soort_display(),
                    "status": t.get_status_display(),
                    "doelstelling": t.doelstelling.titel if t.doelstelling else "",
                    "pijler": t.pijler.naam if t.pijler else "",
                }
                for t in p.publiek
            ],
        }
        for p in partners
    ]
    per_jaar = list(
        Partner.objects.filter(ondertekend_op__isnull=False, openbaar=True)
        .exclude(fase=Fase.GESTOPT)
        .annotate(jaar=ExtractYear("ondertekend_op"))
        .values("jaar")
        .annotate(aantal=Count("pk"))
        .order_by("jaar")
    )
    totaal = 0
    verloop = []
    for row in per_jaar:
        totaal += row["aantal"]
        verloop.append({"jaar": row["jaar"], "nieuw": row["aantal"], "totaal": totaal})
    data = {
        "ondertekenaars": ondertekenaars,
        "aantal_ondertekend": len(ondertekenaars),
        "verloop": verloop,
        "pijlers": [
            {"naam": p.naam, "beschrijving": p.beschrijving}
            for p in Pijler.objects.filter(actief=True).only("naam", "beschrijving")
        ],
        "doelstellingen": [
            {"titel": d.titel, "omschrijving": d.omschrijving}
            for d in GezamenlijkeDoelstelling.objects.all()
        ],
    }
    cache.set("deal:openbaar", data, PUBLIC_CACHE_SECONDS)
    return data


# --- figures for monitoring (fixed query counts) -----------------------------------


def figure_partners_per_stage(start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Organisations per stage at `end` (their last stage change before `end`)."""
    laatste = (
        FaseWijziging.objects.filter(partner=OuterRef("pk"), datum__lt=end)
        .order_by("-datum", "-vastgelegd_op", "-pk")
        .values("naar")[:1]
    )
    fasen = Partner.objects.annotate(fase_op=Subquery(laatste)).values_list("fase_op", flat=True)
    counts = Counter(f for f in fasen if f)
    return {str(Fase(f).label): counts.get(f, 0) for f in Fase.values}


def figure_ondertekend(start: datetime.date, end: datetime.date) -> int:
    return Partner.objects.filter(ondertekend_op__gte=start, ondertekend_op__lt=end).count()


def figure_toezeggingen(start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Commitments per status at `end`: each one's last status change before `end`.

    A commitment without a status change before `end` did not exist yet then.
    """
    laatste = (
        ToezeggingStatusWijziging.objects.filter(toezegging=OuterRef("pk"), datum__lt=end)
        .order_by("-datum", "-vastgelegd_op", "-pk")
        .values("naar")[:1]
    )
    statussen = Toezegging.objects.annotate(status_op=Subquery(laatste)).values_list(
        "status_op", flat=True
    )
    counts = Counter(s for s in statussen if s)
    return {str(s.label): counts.get(s.value, 0) for s in ToezeggingStatus}


def figure_initiatieven(start: datetime.date, end: datetime.date) -> int:
    """Initiatives in the city at `end`: started before it, not finished or stopped before it."""
    return (
        Initiatief.objects.filter(gestart_op__lt=end)
        .filter(Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gte=end))
        .count()
    )


PIJLER_PANEL_LIMIT = 30


def pijler_panel(request, pijler) -> dict:
    """The Deal on a pijler's page: capped lists with only the columns shown."""
    partners = Partner.objects.filter(pijlers=pijler)
    return {
        "aantal_partners": partners.count(),
        "partners": partners.select_related("organisatie")
        .only("pk", "fase", "organisatie__naam")
        .order_by("organisatie__naam")[:PIJLER_PANEL_LIMIT],
        "toezeggingen": Toezegging.objects.filter(pijler=pijler)
        .select_related("partner__organisatie")
        .only("pk", "titel", "status", "partner__organisatie__naam")
        .order_by("titel")[:PIJLER_PANEL_LIMIT],
        "initiatieven": Initiatief.objects.filter(pijler=pijler)
        .select_related("wijk")
        .only("pk", "naam", "wijk__naam")
        .order_by("naam")[:PIJLER_PANEL_LIMIT],
        "kennisitems": KennisItem.objects.filter(pijlers=pijler).only("pk", "titel")[
            :PIJLER_PANEL_LIMIT
        ],
        # Plain URL prefixes: one reverse() per list instead of one per row.
        "url": {
            name: reverse("deal:" + name.replace("_", "-"), args=[0])[: -len("0/")]
            for name in (
                "partner_detail",
                "toezegging_detail",
                "initiatief_detail",
                "kennis_detail",
            )
        },
    }
