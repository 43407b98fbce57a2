"""Dutch formatting filters every app's templates share."""

from __future__ import annotations

from django import template

from inclusie import dates, dutch

register = template.Library()


@register.filter
def euro(value) -> str:
    """EUR 37.000,00 in Dutch notation."""
    return dutch.euro(value)


@register.filter
def getal(value, decimals=None) -> str:
    """1234.5 -> 1.234,5."""
    return dutch.getal(value, None if decimals in (None, "") else int(decimals))


@register.filter(expects_localtime=True)
def datum(value) -> str:
    """2 maart 2026 (2 March 2026 in English): the portal's one date style."""
    return dates.datum(value)


@register.filter(expects_localtime=True)
def datum_tijd(value) -> str:
    """di 1 december, 19:30 (the year added when it is not this year)."""
    return dates.datum_tijd(value)


@register.filter(expects_localtime=True)
def dag(value) -> str:
    """di 1 december: the day with its weekday, no time."""
    return dates.dag(value)


@register.filter(expects_localtime=True)
def tijd(value) -> str:
    """19:30."""
    return dates.tijd(value)


@register.filter(expects_localtime=True)
def tijdvak(start, eind) -> str:
    """{{ b.start|tijdvak:b.eind }} -> di 1 december, 19:30 - 21:00."""
    return dates.tijdvak(start, eind)


@register.filter(expects_localtime=True)
def uiterlijk(value) -> str:
    """Uiterlijk op 2 maart 2026: a deadline as a sentence starts it."""
    return dates.uiterlijk(value)


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
