"""One date style across the portal: "2 maart 2026" and "di 1 december, 19:30"."""

import datetime as dt
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

from inclusie import dates

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@pytest.fixture(autouse=True)
def dutch():
    """Other tests' English requests leave English active in this thread."""
    with translation.override("nl"):
        yield


@pytest.fixture
def today_2026(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 11, 30))


def test_datum_is_day_month_year_in_words():
    assert dates.datum(dt.date(2026, 3, 2)) == "2 maart 2026"
    assert dates.datum(None) == ""
    with translation.override("en"):
        assert dates.datum(dt.date(2026, 3, 2)) == "2 March 2026"


def test_a_moment_has_its_weekday_and_time_and_the_year_only_outside_this_year(today_2026):
    moment = dt.datetime(2026, 12, 1, 19, 30, tzinfo=AMS)
    assert dates.datum_tijd(moment) == "di 1 december, 19:30"
    assert dates.datum_tijd(moment.replace(year=2025)) == "ma 1 december 2025, 19:30"
    with translation.override("en"):
        assert dates.datum_tijd(moment) == "Tue 1 December, 19:30"


def test_a_moment_in_utc_is_shown_in_amsterdam_time(today_2026):
    utc = dt.datetime(2026, 12, 1, 18, 30, tzinfo=dt.UTC)
    assert dates.datum_tijd(utc) == "di 1 december, 19:30"
    assert dates.datum(dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)) == "2 december 2026"


def test_a_meeting_reads_day_start_and_end(today_2026):
    start = dt.datetime(2026, 12, 1, 19, 30, tzinfo=AMS)
    assert dates.tijdvak(start, start + dt.timedelta(hours=1, minutes=30)) == (
        "di 1 december, 19:30 - 21:00"
    )


def test_a_deadline_reads_uiterlijk_op():
    assert dates.uiterlijk(dt.date(2026, 3, 2)) == "Uiterlijk op 2 maart 2026"


def test_the_filters_need_no_load_tag(today_2026):
    start = dt.datetime(2026, 12, 1, 18, 30, tzinfo=dt.UTC)
    html = render(
        "{{ d|datum }}|{{ s|datum_tijd }}|{{ s|dag }}|{{ s|tijd }}|{{ s|tijdvak:e }}|{{ d|uiterlijk }}"
        "|{{ leeg|datum|default:'-' }}",
        d=dt.date(2026, 3, 2),
        s=start,
        e=start + dt.timedelta(hours=2),
        leeg=None,
    )
    assert html == (
        "2 maart 2026|di 1 december, 19:30|di 1 december|19:30|di 1 december, 19:30 - 21:30"
        "|Uiterlijk op 2 maart 2026|-"
    )


# Formats that made "26 Nov", "30-11-2026" and "1 december" appear side by side.
MIXED = re.compile(r"""\|date:["'](?!Y-m-d|YmdHi|U["'])""")


def test_no_template_formats_a_date_by_hand():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{n}"
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if MIXED.search(line)
    ]
    assert offenders == []


def test_no_python_writes_a_numeric_date_for_people():
    """strftime("%d-%m-%Y") only in the CSV/data exports (machine formats stay)."""
    allowed = {"inclusie/exports.py", "privacy/core_records.py", "deal/persondata.py"}
    offenders = []
    for path in Path(settings.BASE_DIR).glob("*/**/*.py"):
        rel = str(path.relative_to(settings.BASE_DIR))
        if rel.startswith((".venv", "tests/", "bench/")) or "/migrations/" in rel:
            continue
        if rel in allowed:
            continue
        text = path.read_text()
        if "%d-%m-%Y" in text or ":%d-%m" in text:
            offenders.append(rel)
    assert offenders == []


@pytest.mark.django_db
def test_an_ambassador_page_shows_every_date_in_the_one_style(client_for):
    from inclusie.constants import Role
    from tests.ambassadeurs.factories import ActiviteitFactory, AmbassadeurFactory

    ambassadeur = AmbassadeurFactory(aangemeld_op=dt.date(2026, 3, 2))
    ActiviteitFactory(ambassadeur=ambassadeur, datum=dt.date(2026, 11, 26))
    page = client_for(Role.KWARTIERMAKER).get(ambassadeur.get_absolute_url()).content.decode()
    assert "2 maart 2026" in page
    assert "26 november 2026" in page
    assert "26-11-2026" not in page
    assert "26 nov" not in page.lower().replace("26 november", "")
