"""Server-rendered SVG charts. Same SVG in the page and in the PDF; always with a table beside it.

Hand-written SVG (no matplotlib): a few microseconds per chart, so the dashboard
stays fast, and every label is escaped.
"""

from __future__ import annotations

import base64
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#0b4f8a", "#b35c00", "#2e7d32", "#6a1b9a")
_ids = count(1)


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return f"{int(value)}"


def bar_chart(
    title: str, labels: list[str], series: list[tuple[str, list]], *, desc: str = ""
) -> SafeString:
    """Horizontal grouped bars: one group per label, one bar per series."""
    n = next(_ids)
    longest = max((min(len(str(label)), 26) for label in labels), default=4)
    label_w, bar_h, gap, width = min(8 + 7 * longest, 190), 14, 10, 520
    per_group = bar_h * max(len(series), 1) + gap
    legend_h = 22 if len(series) > 1 else 0
    height = legend_h + per_group * max(len(labels), 1) + 6
    values = [v or 0 for _name, vals in series for v in vals]
    top = max([abs(v) for v in values] + [1])
    scale = (width - label_w - 50) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="g{n}t g{n}d" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<title id="g{n}t">{escape(title)}</title>',
        f'<desc id="g{n}d">{escape(desc or title)}</desc>',
    ]
    if len(series) > 1:
        x = label_w
        for i, (name, _vals) in enumerate(series):
            parts.append(
                f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[i % 4]}"/>'
                f'<text x="{x + 16}" y="14" fill="#111">{escape(name)}</text>'
            )
            x += 20 + 7 * len(str(name))
    for gi, label in enumerate(labels):
        y0 = legend_h + gi * per_group
        short = label if len(label) <= 26 else label[:25] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y0 + bar_h * len(series) / 2 + 4}" '
            f'text-anchor="end" fill="#111">{escape(short)}</text>'
        )
        for si, (_name, vals) in enumerate(series):
            value = vals[gi] if gi < len(vals) else None
            w = max(abs(value or 0) * scale, 0 if not value else 1)
            y = y0 + si * bar_h
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{COLOURS[si % 4]}"/>'
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 4}" fill="#111">'
                f"{_fmt(value)}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def as_data_uri(svg: str) -> str:
    """For <img src> in PDFs, where the alt text becomes the figure's alternate text."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
