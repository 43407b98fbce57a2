"""Dutch formatting filters every app's templates share."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def euro(value) -> str:
    """EUR 37.000,00 in Dutch notation."""
    if value is None or value == "":
        return "-"
    try:
        amount = f"{float(value):,.2f}"
    except (TypeError, ValueError):
        return str(value)
    return "€ " + amount.replace(",", "X").replace(".", ",").replace("X", ".")


@register.filter
def uren(value) -> str:
    if value is None:
        return "0"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
