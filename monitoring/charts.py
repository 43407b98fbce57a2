"""Server-rendered SVG charts. Same SVG in the page and in the PDF; always with a table beside it.

Hand-written SVG (no matplotlib): a few microseconds per chart, so the dashboard
stays fast, and every label is escaped.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#0b4f8a", "#b35c00", "#2e7d32", "#6a1b9a")
_ids = count(1)


def _fmt(value) -> str:
    if value is None:
        return "-"
    from inclusie.dutch import getal

    return getal(value)


LABEL_CHARS = 24  # characters per label line; longer labels wrap, never get cut off
LINE_H = 13
FONT_SIZE = 11
LABEL_MAX_W = 170  # px: no label line is wider, so the label column stays within 180 px

# Advance widths of DejaVu Sans, the documents' font, in thousandths of an em for the
# printable ASCII characters (space to tilde); other characters count as 700.
_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Width of `text` in px at `size` px: labels are measured, not counted, so a label of
    wide letters ("MMM") gets the room it needs instead of running out of the drawing."""
    return size * sum(_WIDTHS[ord(c) - 32] if " " <= c <= "~" else 700 for c in text) / 1000


def _wrap(label: str) -> list[str]:
    import textwrap

    for chars in range(LABEL_CHARS, 0, -1):
        lines = textwrap.wrap(str(label), chars, break_long_words=True) or [""]
        if all(text_width(line) <= LABEL_MAX_W for line in lines):
            break
    return lines


BAR_H, GAP, WIDTH = 14, 10, 520
# In a PDF a chart is drawn this much larger, so it spans the text column of an A4 page
# (170 mm = 643 CSS px) and its labels print at 12.5 pt ... see templates/pdf/_bijlage_stijl.html.
PDF_SCALE = 1.2


@dataclass(frozen=True)
class ChartLayout:
    """Where each label's group of bars sits; shared by the SVG and an HTML label column."""

    wrapped: list[list[str]]
    groups: list[tuple[float, float]]  # (top, height) per label, in px
    legend_h: int
    height: float
    label_w: float

    @property
    def label_rows(self) -> list[dict]:
        """For an HTML label column beside a label-less SVG, stacked in normal flow: the
        lines of each label, the height of its slot (its group of bars and the gap below
        it) and the padding that centres the label on its bars."""
        rows, start = [], 0.0
        for i, (lines, (top, h)) in enumerate(zip(self.wrapped, self.groups, strict=True)):
            end = self.groups[i + 1][0] if i + 1 < len(self.groups) else self.height
            pad = top - start + (h - LINE_H * len(lines)) / 2
            rows.append({"lines": lines, "pad": pad, "height": end - start})
            start = end
        return rows


def chart_layout(labels: list[str], n_series: int, *, legend: bool = True) -> ChartLayout:
    wrapped = [_wrap(label) for label in labels]
    widest = max((text_width(line) for lines in wrapped for line in lines), default=28)
    legend_h = 22 if n_series > 1 and legend else 0
    groups, y = [], float(legend_h)
    for lines in wrapped:
        h = max(BAR_H * max(n_series, 1), LINE_H * len(lines) + 2)
        groups.append((y, h))
        y += h + GAP
    return ChartLayout(wrapped, groups, legend_h, y + 2, 10 + widest)


def bar_chart(
    title: str,
    labels: list[str],
    series: list[tuple[str, list]],
    *,
    desc: str = "",
    labels_in_svg: bool = True,
    legend: bool = True,
) -> SafeString:
    """Horizontal grouped bars: one group per label, one bar per series.

    Labels wrap over as many lines as they need (no "…"), and the value beside
    each bar always fits inside the drawing. With ``labels_in_svg=False`` the
    drawing starts at the bars and the labels go in an HTML column beside it
    (:attr:`ChartLayout.label_rows`): WeasyPrint draws SVG text glyph by glyph,
    so in a PDF that column costs a fraction of the same labels in the SVG. With
    ``legend=False`` the page shows the legend once for many charts (the PDF appendix,
    where every chart compares the same two half years in the same colours).
    """
    n = next(_ids)
    layout = chart_layout(labels, len(series), legend=legend)
    label_w = layout.label_w if labels_in_svg else 0
    width = WIDTH if labels_in_svg else WIDTH - layout.label_w
    height = layout.height
    values = [v or 0 for _name, vals in series for v in vals]
    top = max([abs(v) for v in values] + [1])
    value_w = max((text_width(_fmt(v)) for _n, vals in series for v in vals), default=7) + 8
    scale = (width - label_w - value_w) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="g{n}t g{n}d" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<title id="g{n}t">{escape(title)}</title>',
        f'<desc id="g{n}d">{escape(desc or title)}</desc>',
    ]
    if len(series) > 1 and legend:
        x = label_w
        for i, (name, _vals) in enumerate(series):
            parts.append(
                f'<rect x="{x:.1f}" y="4" width="12" height="12" fill="{COLOURS[i % 4]}"/>'
                f'<text x="{x + 16:.1f}" y="14" fill="#111">{escape(name)}</text>'
            )
            x += 28 + text_width(str(name))
    # One path per series and one group of value texts: WeasyPrint draws an SVG node by
    # node, so a chart of two paths costs a fraction of one with a rect per bar.
    bars: list[list[str]] = [[] for _series in series]
    texts = []
    for gi, (lines, (y0, h)) in enumerate(zip(layout.wrapped, layout.groups, strict=True)):
        if labels_in_svg:
            first = y0 + h / 2 - (len(lines) - 1) * LINE_H / 2 + 4
            tspans = "".join(
                f'<tspan x="{label_w - 6:.1f}" y="{first + i * LINE_H:.1f}">{escape(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            texts.append(f'<text text-anchor="end">{tspans}</text>')
        bars_top = y0 + (h - BAR_H * len(series)) / 2
        for si, (_name, vals) in enumerate(series):
            value = vals[gi] if gi < len(vals) else None
            w = max(abs(value or 0) * scale, 0 if not value else 1)
            by = bars_top + si * BAR_H
            if w:
                bars[si].append(f"M{label_w:.1f} {by:.1f}h{w:.1f}v{BAR_H - 2}h-{w:.1f}z")
            texts.append(
                f'<text x="{label_w + w + 4:.1f}" y="{by + BAR_H - 4:.1f}">{_fmt(value)}</text>'
            )
    parts.extend(
        f'<path d="{"".join(d)}" fill="{COLOURS[si % 4]}"/>' for si, d in enumerate(bars) if d
    )
    parts.append(f'<g fill="#111">{"".join(texts)}</g>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def as_data_uri(svg: str) -> str:
    """For <img src> in PDFs, where the alt text becomes the figure's alternate text."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


SERIES_CLASSES = ("nu", "toen", "derde", "vierde")


def html_chart(labels: list[str], series: list[tuple[str, list]]) -> dict:
    """A bar chart for web pages, built in HTML (templates/monitoring/_staafgrafiek.html).

    Labels and values are page text, so they reflow on a phone and grow with the reader's
    font size; each bar is an SVG rect with a width in per cent (no inline style, which the
    CSP forbids). `summary` says every number in words, for the chart's description.
    """
    from django.utils.translation import gettext as _

    values = [v or 0 for _name, vals in series for v in vals]
    top = max([abs(v) for v in values if isinstance(v, int | float)] + [1])
    groups = []
    for i, label in enumerate(labels):
        bars = []
        for si, (name, vals) in enumerate(series):
            value = vals[i] if i < len(vals) else None
            pct = 100 * abs(value) / top if isinstance(value, int | float) else 0
            bars.append(
                {
                    "name": name,
                    "cls": SERIES_CLASSES[si % len(SERIES_CLASSES)],
                    "text": _fmt(value),
                    # A zero stays visible as a hairline, so "0" and "no bar" read alike.
                    "pct": f"{max(pct, 0.4):.1f}",
                }
            )
        groups.append({"label": label, "bars": bars})
    if len(series) > 1:
        parts = [
            _("%(label)s: %(values)s")
            % {
                "label": g["label"],
                "values": ", ".join(f"{b['name']} {b['text']}" for b in g["bars"]),
            }
            for g in groups
        ]
    else:
        parts = [f"{g['label']}: {g['bars'][0]['text']}" for g in groups]
    return {
        "series": [
            {"name": name, "cls": SERIES_CLASSES[si % len(SERIES_CLASSES)]}
            for si, (name, _vals) in enumerate(series)
        ],
        "groups": groups,
        "summary": "; ".join(parts) + ".",
    }
