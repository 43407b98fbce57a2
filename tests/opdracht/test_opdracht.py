"""The kwartiermaker's assignment: hours per week, budget, warnings, figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inclusie.constants import Role
from opdracht import selectors
from opdracht.models import Opdracht, Uitgave, Urenregistratie, week_start
from tests.opdracht.factories import OpdrachtFactory

pytestmark = pytest.mark.django_db


def test_kwartiermaker_creates_the_assignment(client_for):
    client = client_for(Role.KWARTIERMAKER)
    start = timezone.localdate()
    response = client.post(
        reverse("opdracht-create"),
        {
            "omschrijving": "Inclusie Deal tot stand brengen",
            "programma": "Meedoen",
            "start": start.isoformat(),
            "eind": (start - datetime.timedelta(days=1)).isoformat(),
            "uren_per_week": "10",
            "budget": "37000",
            "uurtarief": "71",
        },
    )
    assert "einddatum moet na de startdatum" in response.content.decode()
    assert not Opdracht.objects.exists()
    response = client.post(
        reverse("opdracht-create"),
        {
            "omschrijving": "Inclusie Deal tot stand brengen",
            "programma": "Meedoen",
            "start": start.isoformat(),
            "eind": (start + datetime.timedelta(days=365)).isoformat(),
            "uren_per_week": "10",
            "budget": "37000",
            "uurtarief": "71",
        },
    )
    assert response.status_code == 302
    assert Opdracht.objects.get().uren_gepland == 521


def test_hours_are_stored_per_week_inside_the_period(client_for):
    opdracht = OpdrachtFactory()
    client = client_for(Role.KWARTIERMAKER)
    woensdag = week_start(timezone.localdate()) + datetime.timedelta(days=2)
    response = client.post(
        reverse("uren-create"),
        {
            "opdracht": opdracht.pk,
            "week": woensdag.isoformat(),
            "activiteit": "ambassadeurs",
            "uren": "4.5",
        },
    )
    assert response.status_code == 302
    registratie = Urenregistratie.objects.get()
    assert registratie.week == week_start(woensdag) and registratie.week.weekday() == 0
    # outside the period
    response = client.post(
        reverse("uren-create"),
        {
            "opdracht": opdracht.pk,
            "week": (opdracht.eind + datetime.timedelta(days=30)).isoformat(),
            "activiteit": "stad",
            "uren": "2",
        },
    )
    assert "buiten de looptijd" in response.content.decode()
    # more than 80 hours in one week
    response = client.post(
        reverse("uren-create"),
        {"opdracht": opdracht.pk, "week": woensdag.isoformat(), "activiteit": "stad", "uren": "79"},
    )
    assert "boven de 80 uur" in response.content.decode()
    assert Urenregistratie.objects.count() == 1


def test_overview_and_home_panel_show_hours_and_budget(client_for):
    opdracht = OpdrachtFactory()
    week = week_start(timezone.localdate())
    Urenregistratie.objects.create(
        opdracht=opdracht, week=week, activiteit="stad", uren=Decimal("6")
    )
    Urenregistratie.objects.create(
        opdracht=opdracht,
        week=week - datetime.timedelta(days=7),
        activiteit="deal",
        uren=Decimal("10"),
    )
    Uitgave.objects.create(
        opdracht=opdracht,
        datum=timezone.localdate(),
        omschrijving="Zaalhuur",
        bedrag=Decimal("500"),
    )
    stand = selectors.stand(opdracht)
    assert stand.uren_totaal == 16 and stand.uren_deze_week == 6
    assert stand.besteed == Decimal("1620")  # 16 h x 70 + 500
    client = client_for(Role.KWARTIERMAKER)
    home = client.get(reverse("home")).content.decode()
    assert "6 van 10" in home
    assert "€\xa01.620,00 van €\xa037.000,00" in home
    page = client.get(reverse("opdracht")).content.decode()
    assert "Zaalhuur" in page


def test_warning_as_the_end_date_nears(client_for):
    start = timezone.localdate() - datetime.timedelta(days=340)
    OpdrachtFactory(start=start, eind=start + datetime.timedelta(days=365))
    home = client_for(Role.WETHOUDER).get(reverse("home")).content.decode()
    assert "loopt over 25 dagen af" in home and "borging" in home


def test_wethouder_reads_but_cannot_register(client_for):
    opdracht = OpdrachtFactory()
    before = model_to_dict(opdracht)
    client = client_for(Role.WETHOUDER)
    page = client.get(reverse("opdracht"))
    html = page.content.decode()
    assert page.status_code == 200 and "Budget</dt>" in html  # the wethouder reads the budget
    assert reverse("uren-create") not in html and "Uren registreren" not in html  # no buttons
    assert client.post(reverse("uren-create"), {"opdracht": opdracht.pk}).status_code == 403
    assert client.post(reverse("opdracht-update", args=[opdracht.pk]), {}).status_code == 403
    opdracht.refresh_from_db()
    assert model_to_dict(opdracht) == before and not Urenregistratie.objects.exists()
    for role in (Role.AMBASSADEUR, Role.KLANKBORDLID, Role.BELEIDSADVISEUR):
        assert client_for(role).get(reverse("opdracht")).status_code == 403


def test_budget_figure_is_money_spent_in_the_period(django_assert_num_queries):
    opdracht = OpdrachtFactory(uurtarief=Decimal("50"))
    week = week_start(timezone.localdate())
    Urenregistratie.objects.create(
        opdracht=opdracht, week=week, activiteit="stad", uren=Decimal("8")
    )
    Urenregistratie.objects.create(
        opdracht=opdracht,
        week=week - datetime.timedelta(days=70),
        activiteit="stad",
        uren=Decimal("5"),
    )
    Uitgave.objects.create(
        opdracht=opdracht, datum=timezone.localdate(), omschrijving="x", bedrag=Decimal("100")
    )
    start, end = week - datetime.timedelta(days=14), week + datetime.timedelta(days=7)
    with django_assert_num_queries(2):
        assert selectors.figuur_budget(start, end) == 500.0


def test_overview_query_count_is_fixed(client_for):
    opdracht = OpdrachtFactory()
    client = client_for(Role.KWARTIERMAKER)
    client.get(reverse("opdracht"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("opdracht"))
            client.get(reverse("home"))
        return len(ctx.captured_queries)

    week = week_start(opdracht.start)
    Urenregistratie.objects.create(
        opdracht=opdracht, week=week, activiteit="stad", uren=Decimal("3")
    )
    small = count()
    for i in range(1, 14):
        for act in ("stad", "deal"):
            Urenregistratie.objects.create(
                opdracht=opdracht,
                week=week + datetime.timedelta(days=7 * i),
                activiteit=act,
                uren=Decimal("3"),
            )
    assert count() == small


def test_hours_can_be_deleted_by_the_kwartiermaker_only(client_for):
    opdracht = OpdrachtFactory()
    registratie = Urenregistratie.objects.create(
        opdracht=opdracht,
        week=week_start(timezone.localdate()),
        activiteit="stad",
        uren=Decimal("2"),
    )
    url = reverse("uren-delete", args=[registratie.pk])
    assert client_for(Role.WETHOUDER).post(url).status_code == 403
    assert Urenregistratie.objects.exists()
    assert client_for(Role.KWARTIERMAKER).post(url).status_code == 302
    assert not Urenregistratie.objects.exists()


def _gezien(page: str) -> str:
    import re

    return re.search(r'name="gezien" value="([^"]*)"', page).group(1)


def test_a_whole_week_in_one_form_edits_what_it_shows(client_for):
    opdracht = OpdrachtFactory()
    week = week_start(timezone.localdate())
    Urenregistratie.objects.create(
        opdracht=opdracht, week=week, activiteit="stad", uren=Decimal("9")
    )
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("uren-week") + f"?week={week.isoformat()}").content.decode()
    assert 'value="9' in page  # the week's hours are prefilled
    response = client.post(
        reverse("uren-week"),
        {
            "opdracht": opdracht.pk,
            "week": (week + datetime.timedelta(days=3)).isoformat(),
            "uren_stad": "4",
            "uren_ambassadeurs": "3.5",
            "uren_deal": "",
            "uren_klankbord": "0",
            "gezien": _gezien(page),
        },
    )
    assert response.status_code == 302
    assert selectors.uren_van_week(opdracht, week) == {
        "stad": Decimal("4"),
        "ambassadeurs": Decimal("3.5"),
    }
    # More than 80 hours in the week: refused, the week stays as it was.
    page = client.get(reverse("uren-week") + f"?week={week.isoformat()}").content.decode()
    response = client.post(
        reverse("uren-week"),
        {
            "opdracht": opdracht.pk,
            "week": week.isoformat(),
            "uren_stad": "50",
            "uren_deal": "40",
            "gezien": _gezien(page),
        },
    )
    assert "boven de 80 uur" in response.content.decode()
    assert selectors.uren_van_week(opdracht, week) == {
        "stad": Decimal("4"),
        "ambassadeurs": Decimal("3.5"),
    }


def test_uren_registreren_from_home_shows_this_weeks_hours_and_never_replaces_unseen(
    client_for,
):
    """Issue 11: "Uren registreren" opened this week empty although 10 h were logged, and
    saving 3.5 h replaced the week (449 -> 442.5)."""
    opdracht = OpdrachtFactory()
    week = week_start(timezone.localdate())
    Urenregistratie.objects.create(
        opdracht=opdracht, week=week, activiteit="stad", uren=Decimal("10"), toelichting="wijk"
    )
    totaal_voor = selectors.stand(opdracht).uren_totaal
    client = client_for(Role.KWARTIERMAKER)
    home = client.get(reverse("home")).content.decode()
    link = reverse("uren-week")
    assert f'href="{link}"' in home
    page = client.get(link).content.decode()
    # The form opens on this week with the 10 h filled in and listed.
    assert 'name="uren_stad" value="10' in page
    assert "Totaal nu: 10 uur" in page
    # Add 3.5 h on the form as shown: the total grows by 3.5, the 10 h keep their note.
    response = client.post(
        link,
        {
            "opdracht": opdracht.pk,
            "week": week.isoformat(),
            "uren_stad": "10",
            "uren_deal": "3.5",
            "gezien": _gezien(page),
        },
        follow=True,
    )
    assert "was 10 uur, nu 13,5 uur" in response.content.decode()
    assert selectors.stand(opdracht).uren_totaal == totaal_voor + Decimal("3.5")
    assert Urenregistratie.objects.get(activiteit="stad").toelichting == "wijk"

    # A form that did not show these hours (opened empty, or another week picked): nothing
    # is replaced; the page lists what is there and saving again confirms the replacement.
    blind = {"opdracht": opdracht.pk, "week": week.isoformat(), "uren_deal": "3.5", "gezien": ""}
    response = client.post(link, blind)
    page = response.content.decode()
    assert response.status_code == 200
    assert "In deze week staan al uren die u nog niet zag" in page
    assert "Totaal nu: 13,5 uur" in page
    assert selectors.stand(opdracht).uren_totaal == totaal_voor + Decimal("3.5")
    response = client.post(link, {**blind, "gezien": _gezien(page)})
    assert response.status_code == 302
    assert selectors.uren_van_week(opdracht, week) == {"deal": Decimal("3.5")}


def test_the_kwartiermakers_hours_are_no_figure_only_the_programme_budget_spend_is(
    client_for,
):
    """Issue 11: the dashboard and the public raadsmededeling printed the kwartiermaker's
    hours. One person's hours are personal data; the spend against the programme budget
    per half year is programme information."""
    from inclusie.registry import figures
    from monitoring.periods import Period
    from monitoring.services import raadsmededeling, snapshots

    codes = {f.code for f in figures()}
    assert "opdracht.budget" in codes
    assert not any(c.startswith("opdracht.") and c != "opdracht.budget" for c in codes)
    opdracht = OpdrachtFactory(uurtarief=Decimal("50"))
    Urenregistratie.objects.create(
        opdracht=opdracht,
        week=week_start(timezone.localdate()),
        activiteit="stad",
        uren=Decimal("7.25"),
    )
    period = Period.current()
    snapshot = snapshots.snapshot_make(period=period)
    frozen = {f["code"]: f["value"] for f in snapshot.data["figures"]}
    assert "opdracht.uren" not in frozen
    assert frozen["opdracht.budget"] == pytest.approx(362.5)  # 7.25 h x EUR 50, the half year
    page = (
        client_for(Role.WETHOUDER)
        .get(reverse("dashboard") + f"?periode={period.code}")
        .content.decode()
    )
    assert "Besteed programmabudget kwartiermaker" in page
    assert "Uren kwartiermaker" not in page and "7,25" not in page
    teksten = " ".join(str(t) for t in raadsmededeling.draft_texts(snapshot, period).values())
    assert "uren" not in teksten.lower() and "7,25" not in teksten
