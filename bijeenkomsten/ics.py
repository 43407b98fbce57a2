"""iCalendar (RFC 5545) output for meetings: invitation attachments and personal feeds.

Written by hand because it is small: what matters is that nothing a user types
can break out of a property. Text values are escaped (backslash, semicolon,
comma, newline), control characters are dropped, and lines are folded at 75
octets, so a title with a newline can never start a new property such as
ATTENDEE or a second VEVENT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone

PRODID = "-//Inclusie Portaal//Bijeenkomsten//NL"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: object) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _uri(value: str) -> str:
    """A URI value may not contain line breaks or control characters at all."""
    return _CONTROL.sub("", str(value or "").replace("\r", "").replace("\n", ""))


def _param(value: object) -> str:
    """A quoted parameter value (RFC 5545 3.2): no quotes or control characters inside."""
    text = _CONTROL.sub("", str(value or "").replace("\r", " ").replace("\n", " "))
    return '"' + text.replace('"', "'") + '"'


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _dt(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent_lines(bijeenkomst, *, url: str = "", method: str = "PUBLISH") -> list[str]:
    cancelled = bijeenkomst.is_geannuleerd or method == "CANCEL"
    description = bijeenkomst.omschrijving
    if url:
        description = f"{description}\n\n{url}".strip()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{bijeenkomst.ics_uid}",
        f"SEQUENCE:{bijeenkomst.volgnummer}",
        f"DTSTAMP:{_dt(timezone.now())}",
        f"DTSTART:{_dt(bijeenkomst.start)}",
        f"DTEND:{_dt(bijeenkomst.eind)}",
        f"SUMMARY:{escape_text(bijeenkomst.titel)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    organisator = getattr(bijeenkomst, "organisator", None)
    if organisator is not None and organisator.email:
        lines.append(f"ORGANIZER;CN={_param(organisator)}:mailto:{_uri(organisator.email)}")
    location = bijeenkomst.locatie or bijeenkomst.online_link
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url:
        lines.append(f"URL:{_uri(url)}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    bijeenkomsten: Iterable, *, method: str = "PUBLISH", naam: str = "", url_for=None
) -> str:
    """A VCALENDAR with one VEVENT per meeting, as a CRLF-terminated string."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append(f"METHOD:{method}")
    if naam:
        lines.append(f"X-WR-CALNAME:{escape_text(naam)}")
    for bijeenkomst in bijeenkomsten:
        url = url_for(bijeenkomst) if url_for else ""
        lines += vevent_lines(bijeenkomst, url=url, method=method)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
