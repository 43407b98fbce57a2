import pytest
from django.urls import reverse

from bijeenkomsten import ics
from inclusie.constants import Role
from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_text_is_escaped_and_cannot_inject_properties():
    b = BijeenkomstFactory(
        titel="Overleg\r\nATTENDEE:mailto:evil@example.com\nEND:VEVENT",
        locatie="Zaal 1; verdieping 2, links \\ rechts",
        omschrijving="x" * 300 + "é" * 80,
    )
    body = ics.calendar([b])
    lines = unfold(body)
    assert not any(line.startswith("ATTENDEE") for line in lines)
    assert lines.count("END:VEVENT") == 1
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Overleg\\nATTENDEE:mailto:evil@example.com\\nEND:VEVENT"
    assert "LOCATION:Zaal 1\\; verdieping 2\\, links \\\\ rechts" in lines
    for raw in body.split("\r\n"):
        assert len(raw.encode()) <= 75
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")


def test_cancelled_meeting_is_cancelled_in_calendar():
    b = BijeenkomstFactory(status="geannuleerd")
    assert "STATUS:CANCELLED" in ics.calendar([b])


def test_personal_feed_token_revocable(client, user_for_role):
    user = user_for_role(Role.AMBASSADEUR)
    invited = UitnodigingFactory(user=user).bijeenkomst
    declined = UitnodigingFactory(user=user, antwoord="komt_niet").bijeenkomst
    other = BijeenkomstFactory(titel="Niet voor mij")
    old = user.calendar_token
    response = client.get(reverse("agenda-feed", args=[old]))  # anonymous: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert invited.ics_uid in body and declined.ics_uid not in body and other.ics_uid not in body
    client.force_login(user)
    assert client.post(reverse("agenda-token-vernieuwen")).status_code == 302
    client.logout()
    user.refresh_from_db()
    assert user.calendar_token != old
    assert client.get(reverse("agenda-feed", args=[old])).status_code == 404
    assert client.get(reverse("agenda-feed", args=[user.calendar_token])).status_code == 200


def test_unknown_token_is_404(client):
    assert client.get("/agenda/" + "a" * 43 + ".ics").status_code == 404


def test_feed_page_shows_the_link(client_for, user_for_role):
    client = client_for(Role.KLANKBORDLID)
    token = user_for_role(Role.KLANKBORDLID).calendar_token
    assert token in client.get(reverse("agenda-koppelen")).content.decode()


def test_organizer_name_cannot_break_out_of_its_parameter():
    from tests.factories import UserFactory

    b = BijeenkomstFactory(organisator=UserFactory(naam='Kim "de" K\r\nATTENDEE:x;y:z'))
    lines = unfold(ics.calendar([b]))
    organizer = next(line for line in lines if line.startswith("ORGANIZER"))
    assert organizer.startswith("ORGANIZER;CN=\"Kim 'de' K  ATTENDEE:x;y:z\":mailto:")
    assert not any(line.startswith("ATTENDEE") for line in lines)


def test_feed_query_count_is_fixed(client, user_for_role, django_assert_num_queries):
    user = user_for_role(Role.AMBASSADEUR)
    for _ in range(2):
        UitnodigingFactory(user=user)
    url = reverse("agenda-feed", args=[user.calendar_token])
    with django_assert_num_queries(2):
        client.get(url)
    for _ in range(5):
        UitnodigingFactory(user=user)
    with django_assert_num_queries(2):
        assert client.get(url).content.decode().count("BEGIN:VEVENT") == 7


def test_action_can_be_moved_and_reopened(client_for, user_for_role):
    from datetime import timedelta

    from django.utils import timezone

    from tests.bijeenkomsten.factories import ActieFactory

    client = client_for(Role.KWARTIERMAKER)
    actie = ActieFactory(status="gereed", gereed_op=timezone.now())
    new_date = timezone.localdate() + timedelta(days=30)
    response = client.post(
        reverse("actie-update", args=[actie.pk]),
        {
            "omschrijving": actie.omschrijving,
            "eigenaar": actie.eigenaar_id,
            "deadline": new_date.isoformat(),
            "status": "open",
        },
    )
    assert response.status_code == 302
    actie.refresh_from_db()
    assert actie.deadline == new_date and actie.status == "open" and actie.gereed_op is None
