from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services as svc
from bijeenkomsten.models import Bijeenkomst, BijeenkomstReeks, Soort
from inclusie.constants import Role
from tests.bijeenkomsten.factories import BijeenkomstFactory

pytestmark = pytest.mark.django_db


def reeks(**kw):
    data = dict(
        titel="Ambassadeurs",
        soort=Soort.AMBASSADEURS,
        eerste_datum=date(2026, 1, 1),
        aantal=6,
        begintijd=time(19, 30),
        duur_minuten=120,
    )
    data.update(kw)
    return BijeenkomstReeks(**data)


def test_monthly_first_tuesday_series():
    made = svc.reeks_create(reeks=reeks(), by=None)
    days = [timezone.localtime(b.start) for b in made]
    assert len(days) == 6
    assert all(d.weekday() == 1 and d.day <= 7 for d in days)
    assert [d.month for d in days] == [1, 2, 3, 4, 5, 6]
    assert all(d.hour == 19 and d.minute == 30 for d in days)


def test_last_friday_and_every_two_weeks():
    last = svc.reeks_datums(reeks(weekdag=4, week_van_maand=-1, aantal=3))
    assert all(d.weekday() == 4 and (d + timedelta(days=7)).month != d.month for d in last)
    weekly = svc.reeks_datums(
        reeks(patroon=BijeenkomstReeks.Patroon.WEKELIJKS, interval_weken=2, weekdag=0, aantal=4)
    )
    assert weekly[0] == date(2026, 1, 5)
    assert [(b - a).days for a, b in zip(weekly, weekly[1:], strict=False)] == [14, 14, 14]


def test_move_or_cancel_one_meeting_leaves_the_series_alone(user_for_role):
    km = user_for_role(Role.KWARTIERMAKER)
    # Meetings still to come: a past one is history, not moved or cancelled.
    made = svc.reeks_create(
        reeks=reeks(eerste_datum=timezone.localdate() + timedelta(days=1)), by=km
    )
    target = Bijeenkomst.objects.get(pk=made[2].pk)
    target.start += timedelta(days=1)
    target.eind += timedelta(days=1)
    svc.bijeenkomst_save(bijeenkomst=target, by=km)
    target.refresh_from_db()
    assert target.verplaatst and target.volgnummer == 1
    other = Bijeenkomst.objects.get(pk=made[3].pk)
    svc.bijeenkomst_cancel(bijeenkomst=other, reden="Zaal niet beschikbaar", by=km)
    statuses = list(Bijeenkomst.objects.order_by("start").values_list("status", "verplaatst"))
    assert statuses.count(("geannuleerd", False)) == 1
    assert statuses.count(("gepland", True)) == 1
    assert statuses.count(("gepland", False)) == 4


def test_series_form_creates_meetings(client_for, user_for_role):
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("bijeenkomst-reeks-create"),
        {
            "titel": "Maandelijkse bijeenkomst",
            "soort": "ambassadeurs",
            "patroon": "maandelijks",
            "weekdag": "1",
            "week_van_maand": "1",
            "interval_weken": "4",
            "eerste_datum": timezone.localdate().isoformat(),
            "aantal": "5",
            "begintijd": "19:30",
            "duur_minuten": "90",
            "rollen": ["ambassadeur"],
        },
    )
    assert response.status_code == 302
    assert Bijeenkomst.objects.count() == 5
    from bijeenkomsten.models import Uitnodiging

    assert Uitnodiging.objects.filter(user=ambassadeur).count() == 5


def test_meeting_ending_before_it_starts_is_refused(client_for):
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("bijeenkomst-create"),
        {
            "titel": "Test",
            "soort": "werkgroep",
            "datum": "2026-12-01",
            "begintijd": "15:00",
            "eindtijd": "14:00",
        },
    )
    assert response.status_code == 200
    assert "De eindtijd moet na de begintijd liggen." in response.content.decode()
    assert not Bijeenkomst.objects.exists()


def test_database_refuses_end_before_start():
    from django.core.exceptions import ValidationError

    b = BijeenkomstFactory.build(organisator=None)
    b.eind = b.start - timedelta(hours=1)
    with pytest.raises(ValidationError):
        b.full_clean()


def test_create_meeting_and_pijlertafel_needs_pijler(client_for):
    client = client_for(Role.KWARTIERMAKER)
    data = {
        "titel": "Tafel werk",
        "soort": "pijlertafel",
        "datum": "2026-12-01",
        "begintijd": "10:00",
        "eindtijd": "11:30",
    }
    response = client.post(reverse("bijeenkomst-create"), data)
    assert "Kies de pijler" in response.content.decode()
    from pijlers.models import Pijler

    pijler = Pijler.objects.create(naam="Werk", slug="werk")
    response = client.post(reverse("bijeenkomst-create"), {**data, "pijler": pijler.pk})
    b = Bijeenkomst.objects.get()
    assert response["Location"] == b.get_absolute_url()
    assert list(pijler.bijeenkomsten.all()) == [b]


def test_create_form_takes_the_body_from_the_link(client_for):
    response = client_for(Role.KWARTIERMAKER).get("/bijeenkomsten/nieuw/?soort=klankbord")
    assert response.context["form"].initial["soort"] == "klankbord"
