"""Reads shared by the dashboard, the lists and the PDF reports.

The dashboard and the reports read a frozen :class:`Snapshot`, never the live
tables, so a number is computed once (when the snapshot is made) and the page
costs the same number of queries at any data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inclusie.registry import figure, figure_section
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


def group_heading(group: str) -> str:
    """A section's heading from the figure registry (each app registers its own)."""
    section = figure_section(group)
    return str(section.heading) if section else group.replace("_", " ").capitalize()


def group_rank(group: str) -> tuple[int, str]:
    section = figure_section(group)
    return (section.order, group) if section else (10_000, group)


def figure_label(item: dict) -> str:
    """A frozen figure's label in the active language (the registry's lazy label by code)."""
    fig = figure(item["code"])
    return str(fig.label) if fig is not None else gettext(item.get("label", ""))


def figure_unit(item: dict) -> str:
    fig = figure(item["code"])
    if fig is not None:
        return str(fig.unit)
    return gettext(item["unit"]) if item.get("unit") else ""


def breakdown_label(key: str, item: dict | None = None) -> str:
    """A breakdown label (a choice label frozen as its Dutch msgid) in the active language.

    Labels that are data (a pijler's name) stay as the gemeente wrote them.
    """
    if not key or (item or {}).get("labels_are_data"):
        return key
    return gettext(key)


def snapshot_periods() -> list[str]:
    return list(dict.fromkeys(Snapshot.objects.values_list("periode", flat=True)))


def snapshot_index() -> dict[str, str]:
    """periode -> version stamp of its newest snapshot, newest period first (one small query).

    Two snapshots a year (plus the odd new version), so this stays tiny; the stamp
    changes with every new version, which makes it a safe cache key for the dashboard.
    """
    index: dict[str, str] = {}
    for periode, pk, versie in Snapshot.objects.order_by("-periode", "-versie").values_list(
        "periode", "pk", "versie"
    ):
        index.setdefault(periode, f"{pk}.{versie}")
    return index


def snapshot_versions(period: Period) -> list[Snapshot]:
    """Every version of a half year's snapshot, newest first (without the figures)."""
    return list(
        Snapshot.objects.filter(periode=period.code)
        .select_related("gemaakt_door")
        .defer("data")
        .order_by("-versie")
    )


def snapshots_for(
    period: Period, *, versie: int | None = None
) -> tuple[Snapshot | None, Snapshot | None]:
    """The snapshot of `period` (newest, or the given version) and the newest of the half
    year before it (one query)."""
    rows: dict[str, Snapshot] = {}
    for s in Snapshot.objects.filter(periode__in=[period.code, period.previous().code]).order_by(
        "-versie"
    ):
        if s.periode == period.code and versie is not None and s.versie != versie:
            continue
        rows.setdefault(s.periode, s)
    return rows.get(period.code), rows.get(period.previous().code)


def number_text(value) -> str:
    """A frozen number in the reader's notation: "14.331,95", "51,7", "12"; "-" for none."""
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@dataclass
class FigureView:
    code: str
    label: str
    unit: str
    value: Any
    previous: Any
    grafiek: dict | None = None  # monitoring.charts.html_chart, for the dashboard
    rows: list = field(default_factory=list)  # (label, current, previous)
    kind: str = ""  # "stock" or "flow"

    @property
    def gid(self) -> str:
        """A page-unique id for the figure's chart ("grafiek-deal-partners-per-stage")."""
        return "grafiek-" + self.code.replace(".", "-").replace("_", "-")

    @property
    def is_breakdown(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def value_text(self) -> str:
        return number_text(self.value)

    @property
    def previous_text(self) -> str:
        return number_text(self.previous)

    @property
    def delta_text(self) -> str:
        delta = self.delta
        if delta is None:
            return ""
        return ("+" if delta > 0 else "") + number_text(delta)

    @property
    def delta(self):
        if isinstance(self.value, int | float) and isinstance(self.previous, int | float):
            delta = round(self.value - self.previous, 2)  # no float noise (0.29999999999999716)
            return int(delta) if float(delta).is_integer() else delta
        return None


def _is_warning_figure(item: dict) -> bool:
    fig = figure(item["code"])
    return fig is not None and fig.warning is not None


def _legacy_warning(code: str, value) -> bool:
    """Snapshots frozen before figures carried their warning flag: ask the registry now."""
    fig = figure(code)
    return bool(fig and fig.warning and value is not None and fig.warning(value))


def dashboard_context(
    period: Period, *, with_charts: bool = True, versie: int | None = None
) -> dict:
    """Everything the dashboard and the report appendix show, from the snapshots only.

    Sections, headings and warnings come from what the snapshot says about each
    figure (its section code and warning flag, both from the figure registry);
    labels are rendered in the active language.
    """
    current, previous = snapshots_for(period, versie=versie)
    if current is None:
        return {"snapshot": None, "periode": period, "vorige_periode": period.previous()}
    prev_data = previous.data if previous else {}
    prev_figures = {f["code"]: f["value"] for f in prev_data.get("figures", [])}
    sections: dict[str, list[FigureView]] = {}
    warnings = []
    for item in current.data.get("figures", []):
        code = item["code"]
        value = item["value"]
        # The value of the half year before by the same rule, frozen with this one;
        # older snapshots without it fall back to the previous snapshot.
        prev = item["previous"] if "previous" in item else prev_figures.get(code)
        label = figure_label(item)
        warning = item["warning"] if "warning" in item else _legacy_warning(code, value)
        if warning:
            names = [breakdown_label(k, item) for k in value] if isinstance(value, dict) else []
            warnings.append({"label": label, "value": value, "names": names})
            continue
        if _is_warning_figure(item):
            continue  # a warning figure whose rule does not hold: nothing to warn about
        view = FigureView(code, label, figure_unit(item), value, prev, kind=item.get("kind", ""))
        if isinstance(value, dict):
            prev_dict = prev if isinstance(prev, dict) else {}
            keys = list(value) + [k for k in prev_dict if k not in value]
            labels = [breakdown_label(k, item) for k in keys]
            view.rows = [
                (lbl, value.get(k), prev_dict.get(k)) for k, lbl in zip(keys, labels, strict=True)
            ]
            if with_charts and labels:
                view.grafiek = charts.html_chart(
                    labels,
                    [
                        (period.code, [value.get(k) for k in keys]),
                        (period.previous().code, [prev_dict.get(k) for k in keys]),
                    ],
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
            row["grafiek"] = charts.html_chart(
                [h[0] for h in history],
                [(ind.get("eenheid") or str(_("waarde")), [h[1] for h in history])],
            )
            row["gid"] = f"indicator-{ind['id']}"
            row["tabel_rijen"] = [(p, number_text(w)) for p, w in history]
            if ind.get("basiswaarde") is not None:
                row["tabel_rijen"].append((_("Nulmeting"), number_text(ind["basiswaarde"])))
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
        "kolommen_vergelijking": [_("Onderdeel"), period.code, period.previous().code],
        "kolommen_verloop": [_("Halfjaar"), _("Waarde")],
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


def report_appendix(
    period: Period, *, with_charts: bool = True, versie: int | None = None
) -> list[dict]:
    """The figures of the report appendices, without what says nothing.

    A figure with no data in either period is left out (never printed as zeros), a
    breakdown keeps only the rows with a number in one of the two periods, and a
    section without figures disappears; so there are no empty charts and no
    header-only or all-zero tables. Each breakdown gets a chart of the rows kept.
    """
    ctx = dashboard_context(period, with_charts=False, versie=versie)
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
                    labels = [r[0] for r in rows]
                    # Labels in an HTML column beside the bars (cheap to typeset in a PDF),
                    # everything scaled so the chart spans the text column of the page.
                    layout = charts.chart_layout(labels, 2, legend=False)
                    k = charts.PDF_SCALE
                    item["label_w"] = layout.label_w * k
                    item["chart_w"] = (charts.WIDTH - layout.label_w) * k
                    item["chart_h"] = layout.height * k
                    item["label_rows"] = [
                        {"lines": row["lines"], "pad": row["pad"] * k, "height": row["height"] * k}
                        for row in layout.label_rows
                    ]
                    item["chart"] = charts.bar_chart(
                        fig.label,
                        labels,
                        [(now_code, [r[1] for r in rows]), (before_code, [r[2] for r in rows])],
                        desc=_(
                            "%(label)s: %(period)s vergeleken met %(previous)s; "
                            "cijfers in de tabel."
                        )
                        % {"label": fig.label, "period": now_code, "previous": before_code},
                        labels_in_svg=False,
                        legend=False,
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
