"""Reads shared by the dashboard, the lists and the PDF reports.

The dashboard and the reports read a frozen :class:`Snapshot`, never the live
tables, so a number is computed once (when the snapshot is made) and the page
costs the same number of queries at any data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from monitoring import charts
from monitoring.constants import MededelingStatus
from monitoring.models import (
    Indicator,
    Meting,
    Raadsmededeling,
    Rapport,
    Schakel,
    Snapshot,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period

# Dashboard sections: group prefix of a figure code -> Dutch heading, in this order.
GROUPS: dict[str, Any] = {
    "deal": _("Groei van de Inclusie Deal"),
    "relaties": _("Organisaties en contacten"),
    "ambassadeurs": _("Ambassadeurs"),
    "pijlers": _("Pijlers"),
    "bijeenkomsten": _("Bijeenkomsten en opkomst"),
    "klankbord": _("Klankbordgroep: adviezen en reacties van de gemeente"),
    "signalen": _("Signalen uit de stad"),
    "participatie": _("Participatie van inwoners"),
    "stappenplan": _("Stappenplan Inclusief Beleid"),
    "verkenning": _("Verkenningen"),
    "opdracht": _("Kwartiermaker: uren en budget"),
}
# Figures that are warnings: shown at the top when non-zero or non-empty.
WARNING_CODES = {"pijlers.zonder_ambassadeur", "klankbord.reacties_te_laat"}


def group_heading(group: str) -> str:
    return str(GROUPS.get(group, group.replace("_", " ").capitalize()))


def group_rank(group: str) -> tuple[int, str]:
    keys = list(GROUPS)
    return (keys.index(group), "") if group in keys else (len(keys), group)


def snapshot_periods() -> list[str]:
    return list(Snapshot.objects.values_list("periode", flat=True))


def snapshot_index() -> dict[str, str]:
    """periode -> version stamp of every snapshot, newest first (one small query).

    Two snapshots a year, so this stays tiny; the stamp changes whenever a
    snapshot is remade, which makes it a safe cache key for the dashboard.
    """
    return {
        periode: f"{pk}.{made.timestamp():.6f}"
        for periode, pk, made in Snapshot.objects.values_list("periode", "pk", "gemaakt_op")
    }


def snapshots_for(period: Period) -> tuple[Snapshot | None, Snapshot | None]:
    """The snapshot of `period` and of the half year before it (one query)."""
    rows = {
        s.periode: s
        for s in Snapshot.objects.filter(periode__in=[period.code, period.previous().code])
    }
    return rows.get(period.code), rows.get(period.previous().code)


def _is_warning(value) -> bool:
    if isinstance(value, dict):
        return any(True for _ in value)
    return bool(value)


@dataclass
class FigureView:
    code: str
    label: str
    unit: str
    value: Any
    previous: Any
    chart: str = ""
    rows: list = field(default_factory=list)  # (label, current, previous)

    @property
    def is_breakdown(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def delta(self):
        if isinstance(self.value, int | float) and isinstance(self.previous, int | float):
            return self.value - self.previous
        return None


def dashboard_context(period: Period, *, with_charts: bool = True) -> dict:
    """Everything the dashboard and the report appendix show, from the snapshots only."""
    current, previous = snapshots_for(period)
    if current is None:
        return {"snapshot": None, "periode": period, "vorige_periode": period.previous()}
    prev_data = previous.data if previous else {}
    prev_figures = {f["code"]: f["value"] for f in prev_data.get("figures", [])}
    sections: dict[str, list[FigureView]] = {}
    warnings = []
    for item in current.data.get("figures", []):
        code = item["code"]
        value = item["value"]
        prev = prev_figures.get(code)
        if code in WARNING_CODES:
            if _is_warning(value):
                names = list(value) if isinstance(value, dict) else []
                warnings.append({"label": item["label"], "value": value, "names": names})
            continue
        view = FigureView(code, item["label"], item.get("unit", ""), value, prev)
        if isinstance(value, dict):
            prev_dict = prev if isinstance(prev, dict) else {}
            labels = list(value) + [k for k in prev_dict if k not in value]
            view.rows = [(k, value.get(k), prev_dict.get(k)) for k in labels]
            if with_charts and labels:
                view.chart = charts.bar_chart(
                    str(item["label"]),
                    labels,
                    [
                        (period.code, [value.get(k) for k in labels]),
                        (period.previous().code, [prev_dict.get(k) for k in labels]),
                    ],
                    desc=_(
                        "%(label)s: %(period)s vergeleken met %(previous)s; cijfers in de tabel."
                    )
                    % {
                        "label": item["label"],
                        "period": period.code,
                        "previous": period.previous().code,
                    },
                )
        sections.setdefault(item["group"], []).append(view)
    ordered = [
        {"group": g, "heading": group_heading(g), "figures": sections[g]}
        for g in sorted(sections, key=group_rank)
    ]
    prev_indicators = {i["id"]: i for i in prev_data.get("indicators", [])}
    indicators = []
    for ind in current.data.get("indicators", []):
        before = prev_indicators.get(ind["id"], {})
        row = {**ind, "vorige": before.get("waarde")}
        history = ind.get("historie", [])
        if with_charts and history:
            row["chart"] = charts.bar_chart(
                ind["naam"],
                [h[0] for h in history],
                [(ind.get("eenheid") or str(_("waarde")), [h[1] for h in history])],
                desc=_("Verloop van %(naam)s per halfjaar; cijfers in de tabel.")
                % {"naam": ind["naam"]},
            )
        indicators.append(row)
    return {
        "snapshot": current,
        "vorige_snapshot": previous,
        "periode": period,
        "vorige_periode": period.previous(),
        "secties": ordered,
        "waarschuwingen": warnings,
        "indicatoren": indicators,
        "te_duiden": current.data.get("te_duiden", []),
        "verhalen": current.data.get("verhalen", []),
        "veranderverhalen": current.data.get("veranderverhalen", []),
    }


# --- live lists (the management pages) ---------------------------------------------


def veranderverhaal_list() -> QuerySet[Veranderverhaal]:
    return (
        Veranderverhaal.objects.select_related("doelstelling")
        .annotate(aantal_schakels=Count("schakels"))
        .order_by("doelstelling__volgorde", "doelstelling__titel")
    )


def veranderverhaal_chain(veranderverhaal: Veranderverhaal) -> list[dict]:
    """Outcomes with their outputs and activities, from one query."""
    schakels = list(veranderverhaal.schakels.all())
    children: dict[int | None, list[Schakel]] = {}
    for s in schakels:
        children.setdefault(s.bovenliggend_id, []).append(s)
    return [
        {
            "schakel": outcome,
            "outputs": [
                {"schakel": output, "activiteiten": children.get(output.pk, [])}
                for output in children.get(outcome.pk, [])
            ],
        }
        for outcome in children.get(None, [])
    ]


def indicator_list() -> QuerySet[Indicator]:
    return (
        Indicator.objects.select_related("doelstelling")
        .annotate(aantal_metingen=Count("metingen"))
        .order_by("volgorde", "naam")
    )


def indicator_detail_qs() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("doelstelling", "schakel").prefetch_related(
        Prefetch("metingen", queryset=Meting.objects.order_by("-periode")),
        "verhalen",
    )


def meting_list() -> QuerySet[Meting]:
    return Meting.objects.select_related("indicator")


def verhaal_list() -> QuerySet[Verhaal]:
    return Verhaal.objects.select_related("indicator")


def rapport_list() -> QuerySet[Rapport]:
    return Rapport.objects.select_related("raadsmededeling", "aangevraagd_door")


def raadsmededeling_list() -> QuerySet[Raadsmededeling]:
    return Raadsmededeling.objects.select_related("goedgekeurd_door")


def gepubliceerde_raadsmededelingen() -> QuerySet[Raadsmededeling]:
    return Raadsmededeling.objects.filter(status=MededelingStatus.GEPUBLICEERD).order_by(
        "-gepubliceerd_op"
    )


def raadsmededelingen_te_besluiten() -> list[Raadsmededeling]:
    """Drafts waiting for the wethouder (a fixed slice: one query at any size)."""
    return list(
        Raadsmededeling.objects.filter(status=MededelingStatus.CONCEPT).only(
            "pk", "jaar", "volgnummer", "onderwerp", "periode"
        )[:5]
    )


# --- report appendix ------------------------------------------------------------------


def _has_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value != 0


def _cell(value, unit: str = "") -> str:
    from inclusie.dutch import euro, getal

    if value is None:
        return "-"
    if unit == "euro":
        return euro(value)
    text = getal(value)
    return f"{text}%" if unit == "%" else text


def report_appendix(period: Period, *, with_charts: bool = True) -> list[dict]:
    """The figures of the report appendices, without what says nothing.

    A figure with no data in either period is left out (never printed as zeros), a
    breakdown keeps only the rows with a number in one of the two periods, and a
    section without figures disappears; so there are no empty charts and no
    header-only or all-zero tables. Each breakdown gets a chart of the rows kept.
    """
    ctx = dashboard_context(period, with_charts=False)
    if ctx.get("snapshot") is None:
        return []
    now_code, before_code = period.code, period.previous().code
    sections = []
    for section in ctx["secties"]:
        breakdowns, numbers = [], []
        for fig in section["figures"]:
            if fig.is_breakdown:
                rows = [
                    (label, now, before)
                    for label, now, before in fig.rows
                    if _has_number(now) or _has_number(before)
                ]
                if not rows:
                    continue
                item = {
                    "label": fig.label,
                    "rows": [(lbl, _cell(a), _cell(b)) for lbl, a, b in rows],
                    "chart": "",
                }
                if with_charts:
                    item["chart"] = charts.bar_chart(
                        fig.label,
                        [r[0] for r in rows],
                        [(now_code, [r[1] for r in rows]), (before_code, [r[2] for r in rows])],
                        desc=_(
                            "%(label)s: %(period)s vergeleken met %(previous)s; "
                            "cijfers in de tabel."
                        )
                        % {"label": fig.label, "period": now_code, "previous": before_code},
                    )
                breakdowns.append(item)
            elif _has_number(fig.value) or _has_number(fig.previous):
                unit = fig.unit if fig.unit in ("euro", "%") else ""
                label = fig.label if unit or not fig.unit else f"{fig.label} ({fig.unit})"
                numbers.append((label, _cell(fig.value, unit), _cell(fig.previous, unit)))
        if breakdowns or numbers:
            sections.append(
                {"heading": section["heading"], "breakdowns": breakdowns, "numbers": numbers}
            )
    return sections
