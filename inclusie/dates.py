"""The portal's one date style, in the reader's language.

"2 maart 2026" for a date, "di 1 december, 19:30" for a moment (the year only
when it is not this year). English reads "2 March 2026" and "Tue 1 December,
19:30". Templates use the filters in ``inclusie/templatetags/opmaak.py``; Python
that writes user text (messages, errors, mails) calls these functions, so a
page never shows "26 Nov", "30-11-2026" and "1 december" side by side.

Machine formats stay machine formats: ISO dates in ``value=`` of date inputs,
CSV exports and calendar files do not go through here. Council documents that
are Dutch whatever the interface language use ``inclusie.dutch.datum``.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import gettext

DATE = "j F Y"
DAY = "D j F"
DAY_WITH_YEAR = "D j F Y"
TIME = "H:i"


def _local(value: dt.datetime) -> dt.datetime:
    if timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date)


def datum(value: dt.date | dt.datetime | None) -> str:
    """date(2026, 3, 2) -> "2 maart 2026"; None -> "" (so ``|default:"-"`` works)."""
    if value is None or value == "":
        return ""
    if not _is_date(value):
        return str(value)
    if isinstance(value, dt.datetime):
        value = _local(value)
    return formats.date_format(value, DATE)


def dag(value: dt.date | dt.datetime | None) -> str:
    """The day with its weekday: "di 1 december", "vr 4 december 2025" in another year."""
    if value is None or value == "":
        return ""
    if not _is_date(value):
        return str(value)
    if isinstance(value, dt.datetime):
        value = _local(value)
    this_year = timezone.localdate().year
    return formats.date_format(value, DAY if value.year == this_year else DAY_WITH_YEAR)


def tijd(value: dt.datetime | dt.time | None) -> str:
    """The clock time: "19:30"."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    elif not isinstance(value, dt.time):
        return str(value)
    return formats.time_format(value, TIME)


def datum_tijd(value: dt.date | dt.datetime | None) -> str:
    """A moment: "di 1 december, 19:30" (year added outside this year); a date: "di 1 december"."""
    if value is None or value == "":
        return ""
    if not isinstance(value, dt.datetime):
        return dag(value)
    return f"{dag(value)}, {tijd(value)}"


def tijdvak(start: dt.datetime | None, eind: dt.datetime | dt.time | None) -> str:
    """A meeting's time: "di 1 december, 19:30 - 21:00" (the end's day when it differs)."""
    if start is None or start == "":
        return ""
    if not isinstance(start, dt.datetime) or eind is None or eind == "":
        return datum_tijd(start)
    if isinstance(eind, dt.datetime) and _local(eind).date() != _local(start).date():
        return f"{datum_tijd(start)} - {datum_tijd(eind)}"
    return f"{datum_tijd(start)} - {tijd(eind)}"


def uiterlijk(value: dt.date | dt.datetime | None) -> str:
    """A deadline as a sentence starts it: "Uiterlijk op 2 maart 2026"."""
    if value is None or value == "":
        return ""
    return gettext("Uiterlijk op %(datum)s") % {"datum": datum(value)}
