"""The report schedule is shown and edited in words, never as crontab fields (issue 14)."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from monitoring import schedule
from monitoring.schedule import crontab_in_words


def words(minute, hour, dom, month, dow="*"):
    with translation.override("nl"):
        return crontab_in_words(
            minute=minute, hour=hour, day_of_month=dom, month_of_year=month, day_of_week=dow
        )


@pytest.mark.parametrize(
    "crontab, expected",
    [
        (("30", "6", "2", "1,7"), "elk jaar op 2 januari en 2 juli om 06:30"),
        (
            ("0", "7", "5", "1,4,7,10"),
            "elk jaar op 5 januari, 5 april, 5 juli en 5 oktober om 07:00",
        ),
        (
            ("0", "7", "5", "*/2"),
            "elk jaar op dag 5 van januari, maart, mei, juli, september en november om 07:00",
        ),
        (("0", "7", "1", "*"), "elke maand op dag 1 om 07:00"),
        (("0", "7", "*", "*", "1,4"), "elke maandag en donderdag om 07:00"),
        (("0", "7", "*", "*", "0"), "elke zondag om 07:00"),
        (("0", "7", "*", "*", "7"), "elke zondag om 07:00"),
        (("0", "7,19", "*", "*"), "elke dag om 07:00 en 19:00"),
        (("0", "7", "*", "1-3"), "elke dag in januari, februari en maart om 07:00"),
        (("*/5", "*", "*", "*"), "volgens de crontab */5 * * * *"),
        (("0", "7", "31", "13"), "volgens de crontab 0 7 31 13 *"),
    ],
)
def test_crontab_in_words(crontab, expected):
    assert words(*crontab) == expected


def test_schedule_in_english_words():
    with translation.override("en"):
        assert (
            crontab_in_words(
                minute="0", hour="7", day_of_month="*", month_of_year="*", day_of_week="1,4"
            )
            == "every Monday and Thursday at 07:00"
        )
        assert (
            crontab_in_words(minute="30", hour="6", day_of_month="2", month_of_year="1,7")
            == "every year on 2 January and 2 July at 06:30"
        )


@pytest.mark.django_db
def test_beheerder_sees_and_sets_the_schedule_in_words(client_for):
    client = client_for("beheerder")
    url = reverse("monitoring:planning")
    page = client.get(url).content.decode()
    assert "Elk jaar op 2 januari en 2 juli om 06:30." in page
    # Plain choices: a day, month boxes with names, a time; no crontab field.
    assert 'type="checkbox"' in page and "juli" in page
    assert 'name="tijd"' in page and "06:30" in page
    assert 'name="maanden"' in page and 'name="uur"' not in page and "1,7" not in page

    response = client.post(
        url, {"dag": "3", "maanden": ["4", "10"], "tijd": "07:45", "actief": "on"}, follow=True
    )
    html = response.content.decode()
    assert "De planning is opgeslagen: elk jaar op 3 april en 3 oktober om 07:45." in html
    task = schedule.current()
    c = task.crontab
    assert (c.minute, c.hour, c.day_of_month, c.month_of_year, c.day_of_week) == (
        "45",
        "7",
        "3",
        "4,10",
        "*",
    )
    # The change is in the audit log, with who made it.
    entry = LogEntry.objects.get_for_object(task).latest("timestamp")
    assert entry.actor.role == "beheerder" and "crontab" in entry.changes_dict

    client.post(url, {"dag": "3", "maanden": ["4", "10"], "tijd": "07:45"})
    with translation.override("nl"):
        assert schedule.in_words(schedule.current()).endswith("(uitgeschakeld)")


@pytest.mark.django_db
def test_a_time_set_elsewhere_stays_choosable(client_for):
    schedule.update(dag=2, maanden="1,7", uur=6, minuut=7, actief=True)
    page = client_for("beheerder").get(reverse("monitoring:planning")).content.decode()
    assert '<option value="06:07" selected>' in page


@pytest.mark.django_db
def test_snapshot_page_states_the_schedule_in_words(client_for):
    page = client_for("beheerder").get(reverse("monitoring:snapshots")).content.decode()
    assert "Automatisch: elk jaar op 2 januari en 2 juli om 06:30." in page
