"""iCalendar files for meetings, built with the `icalendar` library.

Two uses, two iTIP methods (RFC 5546):
- PUBLISH (the personal feed /agenda/<token>.ics and the download on a meeting page):
  ORGANIZER, no ATTENDEE - a published calendar lists nobody.
- REQUEST and CANCEL (the attachment of an invitation, change or cancellation mail):
  ORGANIZER and exactly one ATTENDEE, the person the mail goes to. Each mail carries
  its own file, so invitees never learn each other's addresses (a klankbordlid's
  presence is shown only with consent). SEQUENCE is the meeting's `volgnummer`, which
  the services raise on every change of time or place and on cancellation, so a
  calendar replaces the old entry instead of adding a second one.

The library escapes TEXT values and quotes parameters; control characters are dropped
here first, so nothing a user types can start a property such as ATTENDEE or a second
VEVENT.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

PRODID = "-//Inclusie Portaal//Bijeenkomsten//NL"
PUBLISH, REQUEST, CANCEL = "PUBLISH", "REQUEST", "CANCEL"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# Uitnodiging.Antwoord -> PARTSTAT (RFC 5545 3.2.12)
PARTSTAT = {"komt": "ACCEPTED", "komt_niet": "DECLINED", "misschien": "TENTATIVE"}


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str
    partstat: str = "NEEDS-ACTION"

    @classmethod
    def for_uitnodiging(cls, uitnodiging) -> Attendee:
        """The account invited, or the person without an account (by their e-mail)."""
        invitee = uitnodiging.user if uitnodiging.user_id is not None else uitnodiging.persoon
        return cls(
            email=invitee.email,
            name=str(invitee),
            partstat=PARTSTAT.get(uitnodiging.antwoord, "NEEDS-ACTION"),
        )


def _text(value: object) -> str:
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _param(value: object) -> str:
    """A parameter value: one line, no double quotes (they would end a quoted value)."""
    text = _CONTROL.sub("", str(value or "").replace("\r", " ").replace("\n", " "))
    return text.replace('"', "'")


def _uri(value: str) -> str:
    return _CONTROL.sub("", str(value or "").replace("\r", "").replace("\n", ""))


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{_uri(email)}")
    address.params["CN"] = _param(name)
    for key, value in params.items():
        address.params[key] = value
    return address


def _organizer(bijeenkomst) -> vCalAddress:
    """The organiser; the portal's sender address when they have no e-mail address.

    RFC 5546 requires an ORGANIZER on REQUEST and CANCEL, and on PUBLISH."""
    organisator = getattr(bijeenkomst, "organisator", None)
    if organisator is not None and organisator.email:
        return _address(organisator.email, str(organisator))
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return _address(email, name or "Inclusie Portaal")


def event(bijeenkomst, *, method: str = PUBLISH, url: str = "", attendee: Attendee | None = None):
    cancelled = bijeenkomst.is_geannuleerd or method == CANCEL
    description = _text(bijeenkomst.omschrijving)
    if url:
        description = f"{description}\n\n{url}".strip()
    vevent = Event()
    vevent.add("uid", bijeenkomst.ics_uid)
    vevent.add("sequence", bijeenkomst.volgnummer)
    vevent.add("dtstamp", timezone.now().astimezone(UTC))
    vevent.add("dtstart", bijeenkomst.start.astimezone(UTC))
    vevent.add("dtend", bijeenkomst.eind.astimezone(UTC))
    vevent.add("summary", _text(bijeenkomst.titel))
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("organizer", _organizer(bijeenkomst))
    if attendee is not None:
        vevent.add(
            "attendee",
            _address(
                attendee.email,
                attendee.name,
                ROLE="REQ-PARTICIPANT",
                PARTSTAT=attendee.partstat,
                # Answers go through the portal, where attendance and consent are kept.
                RSVP="FALSE",
            ),
        )
    location = bijeenkomst.locatie or bijeenkomst.online_link
    if location:
        vevent.add("location", _text(location))
    if description:
        vevent.add("description", description)
    if url:
        vevent.add("url", _uri(url))
    return vevent


def calendar(
    bijeenkomsten: Iterable,
    *,
    method: str = PUBLISH,
    naam: str = "",
    url_for: Callable | None = None,
    attendee: Attendee | None = None,
) -> str:
    """A VCALENDAR with one VEVENT per meeting, as a CRLF-terminated string.

    REQUEST and CANCEL need the one `attendee` the file is for; PUBLISH takes none.
    """
    if method in (REQUEST, CANCEL) and attendee is None:
        raise ValueError(f"METHOD:{method} needs the attendee it is sent to (RFC 5546)")
    if method == PUBLISH and attendee is not None:
        raise ValueError("METHOD:PUBLISH lists no attendees (RFC 5546)")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if naam:
        cal.add("x-wr-calname", _text(naam))
    for bijeenkomst in bijeenkomsten:
        url = url_for(bijeenkomst) if url_for else ""
        cal.add_component(event(bijeenkomst, method=method, url=url, attendee=attendee))
    return cal.to_ical().decode()
