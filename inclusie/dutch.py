"""Dutch notation for numbers, money, dates and lists, the way a gemeente writes them.

Used by the drafted prose, the PDF templates and the page filters in
``inclusie/templatetags/opmaak.py``, so "€ 17.658,80" and "2 maart 2026" are
written in exactly one place. Independent of the active locale: a raadsmededeling
is Dutch even when the adviser's interface is English.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WORDS = (
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
)
NBSP = "\u00a0"


def getal(value, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5"; integers without decimals; None -> "-"."""
    if value is None or value == "":
        return "-"
    number = float(value) if isinstance(value, Decimal | str) else value
    if decimals is None:
        decimals = 0 if float(number).is_integer() else 1
    text = f"{float(number):,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def euro(value) -> str:
    """17658.8 -> "€ 17.658,80" (non-breaking space: the sign never ends a line)."""
    if value is None or value == "":
        return "-"
    try:
        return f"€{NBSP}{getal(float(value), 2)}"
    except (TypeError, ValueError):
        return str(value)


def aantal(value, *, woorden: bool = True) -> str:
    """A count as Dutch prose writes it: words up to twelve ("zeven"), digits above."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if woorden and isinstance(value, int) and 0 <= value < len(WORDS):
        return WORDS[value]
    return getal(value)


def datum(value: dt.date | dt.datetime | None) -> str:
    """date(2026, 3, 2) -> "2 maart 2026"."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def opsomming(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def hoofdletter(text: str) -> str:
    """First letter upper case, the rest untouched (sentences start with a number word)."""
    return text[:1].upper() + text[1:]
