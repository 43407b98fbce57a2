"""Calendar files as RFC 5546 asks, read back with the icalendar library.

Invitation, change and cancellation mails carry METHOD:REQUEST or CANCEL with the
ORGANIZER and the one ATTENDEE the mail goes to; the organiser gets no REQUEST for
their own meeting; SEQUENCE rises with every change; the feed is a PUBLISH without
attendees."""

from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from bijeenkomsten import ics
from bijeenkomsten import services as svc
from inclusie.constants import Role
from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def attached(message) -> tuple[str, Calendar]:
    part = message.attachments[0]
    return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))


def only_event(cal: Calendar):
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def attendees(event) -> list[str]:
    value = event.get("ATTENDEE")
    if value is None:
        return []
    return [str(a) for a in (value if isinstance(value, list) else [value])]


def test_invitation_is_a_request_for_the_one_recipient_with_the_organiser(
    settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://portaal.example"
    organiser = UserFactory(role=Role.KWARTIERMAKER, email="kwartiermaker@gemeente.example")
    b = BijeenkomstFactory(organisator=organiser)
    invitees = [UitnodigingFactory(bijeenkomst=b).user for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        assert svc.uitnodigingen_send(bijeenkomst=b) == 2
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        method, cal = attached(message)
        assert method == "REQUEST" and str(cal["METHOD"]) == "REQUEST"
        event = only_event(cal)
        assert str(event["ORGANIZER"]) == "mailto:kwartiermaker@gemeente.example"
        assert event["ORGANIZER"].params["CN"] == str(organiser)
        assert attendees(event) == [f"mailto:{message.to[0]}"]
        attendee = event["ATTENDEE"]
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
        assert str(event["UID"]) == b.ics_uid and event["SEQUENCE"] == 0
        assert event.decoded("DTSTART") == b.start.astimezone(UTC).replace(microsecond=0)
        assert str(event["URL"]) == "https://portaal.example" + b.get_absolute_url()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in invitees)


def test_the_organiser_gets_no_request_for_their_own_meeting(django_capture_on_commit_callbacks):
    organiser = UserFactory(role=Role.KWARTIERMAKER)
    b = BijeenkomstFactory(organisator=organiser)
    UitnodigingFactory(bijeenkomst=b, user=organiser)
    guest = UitnodigingFactory(bijeenkomst=b).user
    with django_capture_on_commit_callbacks(execute=True):
        assert svc.uitnodigingen_send(bijeenkomst=b) == 1
        b.start += timedelta(hours=1)
        b.eind += timedelta(hours=1)
        svc.bijeenkomst_save(bijeenkomst=b, by=organiser)
        svc.bijeenkomst_cancel(bijeenkomst=b, reden="Zaal niet beschikbaar", by=organiser)
    assert [m.to for m in mail.outbox] == [[guest.email]] * 3
    assert organiser.email not in {address for m in mail.outbox for address in m.to}


def test_sequence_rises_on_change_and_cancel_carries_the_attendee(
    django_capture_on_commit_callbacks,
):
    b = BijeenkomstFactory()
    guest = UitnodigingFactory(bijeenkomst=b, antwoord="komt").user
    with django_capture_on_commit_callbacks(execute=True):
        svc.uitnodigingen_send(bijeenkomst=b)
        b.start += timedelta(days=7)
        b.eind += timedelta(days=7)
        svc.bijeenkomst_save(bijeenkomst=b, by=None)
        svc.bijeenkomst_cancel(bijeenkomst=b, reden="", by=None)
    (m1, c1), (m2, c2), (m3, c3) = (attached(m) for m in mail.outbox)
    e1, e2, e3 = only_event(c1), only_event(c2), only_event(c3)
    assert (m1, m2, m3) == ("REQUEST", "REQUEST", "CANCEL")
    assert [str(c["METHOD"]) for c in (c1, c2, c3)] == ["REQUEST", "REQUEST", "CANCEL"]
    assert [e["SEQUENCE"] for e in (e1, e2, e3)] == [0, 1, 2]
    assert str(e1["UID"]) == str(e2["UID"]) == str(e3["UID"])  # the same entry, replaced
    assert e2.decoded("DTSTART") == e1.decoded("DTSTART") + timedelta(days=7)
    assert str(e3["STATUS"]) == "CANCELLED"
    for event in (e1, e2, e3):
        assert attendees(event) == [f"mailto:{guest.email}"]
        assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"  # they said they come
        assert "ORGANIZER" in event


def test_a_meeting_without_organiser_address_names_the_portal_as_organiser(
    settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "Inclusie Portaal <noreply@gemeente.example>"
    b = BijeenkomstFactory(organisator=UserFactory(email=""))
    UitnodigingFactory(bijeenkomst=b)
    with django_capture_on_commit_callbacks(execute=True):
        svc.uitnodigingen_send(bijeenkomst=b)
    event = only_event(attached(mail.outbox[0])[1])
    assert str(event["ORGANIZER"]) == "mailto:noreply@gemeente.example"


def test_feed_is_a_publish_without_attendees(client, user_for_role):
    user = user_for_role(Role.AMBASSADEUR)
    meetings = [UitnodigingFactory(user=user).bijeenkomst for _ in range(3)]
    response = client.get(reverse("agenda-feed", args=[user.calendar_token]))
    cal = Calendar.from_ical(response.content)
    assert str(cal["METHOD"]) == "PUBLISH"
    events = cal.walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == sorted(b.ics_uid for b in meetings)
    for event in events:
        assert attendees(event) == [] and "ORGANIZER" in event


def test_request_and_cancel_need_their_attendee_and_publish_takes_none():
    b = BijeenkomstFactory()
    for method in (ics.REQUEST, ics.CANCEL):
        with pytest.raises(ValueError):
            ics.calendar([b], method=method)
    with pytest.raises(ValueError):
        ics.calendar([b], attendee=ics.Attendee(email="a@example.com", name="A"))


def test_typed_text_stays_text_after_a_round_trip():
    b = BijeenkomstFactory(
        titel="Overleg\r\nATTENDEE:mailto:evil@example.com\nEND:VEVENT",
        locatie="Zaal 1; verdieping 2, links \\ rechts",
        organisator=UserFactory(naam='Kim "de" K\r\nATTENDEE:x;y:z'),
    )
    event = only_event(Calendar.from_ical(ics.calendar([b])))
    assert str(event["SUMMARY"]) == "Overleg\nATTENDEE:mailto:evil@example.com\nEND:VEVENT"
    assert str(event["LOCATION"]) == "Zaal 1; verdieping 2, links \\ rechts"
    assert event["ORGANIZER"].params["CN"] == "Kim 'de' K  ATTENDEE:x;y:z"
    assert attendees(event) == []
