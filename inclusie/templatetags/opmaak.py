"""Dutch formatting filters every app's templates share."""

from __future__ import annotations

from django import template

from inclusie import dutch

register = template.Library()


@register.filter
def euro(value) -> str:
    """EUR 37.000,00 in Dutch notation."""
    return dutch.euro(value)


@register.filter
def getal(value, decimals=None) -> str:
    """1234.5 -> 1.234,5."""
    return dutch.getal(value, None if decimals in (None, "") else int(decimals))


@register.filter
def datum_nl(value) -> str:
    """2 maart 2026, always Dutch (documents for the council)."""
    return dutch.datum(value)


@register.filter
def markdown(value) -> str:
    """Markdown (the raadsmededeling's sections) as sanitised HTML."""
    from inclusie.markdown import render_markdown

    return render_markdown(value or "")


@register.filter
def uren(value) -> str:
    if value is None:
        return "0"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
