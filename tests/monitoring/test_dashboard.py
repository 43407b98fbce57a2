"""Snapshot and dashboard: figures registered by any app appear; the page reads only the snapshot."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inclusie.models import Organisatie
from monitoring.models import Snapshot
from monitoring.periods import Period
from monitoring.services import raadsmededeling, snapshots
from tests.factories import OrganisatieFactory
from tests.monitoring.factories import MetingFactory, VerhaalFactory

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")


def test_snapshot_freezes_every_registered_figure(fake_figures):
    OrganisatieFactory.create_batch(3)
    snap = snapshots.snapshot_make(period=H1)
    codes = {f["code"] for f in snap.data["figures"]}
    assert {"deal.partners_per_stage", "nieuwegroep.iets", "relaties.organisaties"} <= codes
    Organisatie.objects.all().delete()  # later changes do not alter the frozen numbers
    snap.refresh_from_db()
    stage = next(f for f in snap.data["figures"] if f["code"] == "deal.partners_per_stage")
    assert stage["value"]["ondertekend"] == 3


def test_a_broken_figure_does_not_block_the_snapshot():
    from inclusie import registry

    registry.register_figure(
        registry.Figure("kapot.cijfer", "Kapot", lambda s, e: 1 / 0, kind=registry.FLOW)
    )
    try:
        snap = snapshots.snapshot_make(period=H1)
    finally:
        registry._figures.pop("kapot.cijfer")
    broken = next(f for f in snap.data["figures"] if f["code"] == "kapot.cijfer")
    assert broken["value"] is None and "division" in broken["error"]


def test_dashboard_shows_sections_warnings_duiding_and_stories(client_for, fake_figures):
    from inclusie import registry

    registry.register_figure(
        registry.Figure(
            "klankbord.reacties_te_laat",
            "Reacties te laat",
            lambda s, e: 2,
            kind=registry.STOCK,
            warning=registry.warn_when_any,
        )
    )
    meting = MetingFactory(indicator__naam="Thuis in de wijk", duiding="Stijging in Noord.")
    MetingFactory(indicator=meting.indicator, periode="2025-H2", waarde=30)
    VerhaalFactory(indicator=meting.indicator, tekst="Ik voel me welkom bij de buurttafel.")
    snapshots.snapshot_make(period=H1.previous())
    snapshots.snapshot_make(period=H1)
    page = client_for("wethouder").get(reverse("dashboard") + "?periode=2026-H1").content.decode()
    assert "Groei van de Inclusie Deal" in page
    assert page.index("Groei van de Inclusie Deal") < page.index("Organisaties en contacten")
    assert "Iets nieuws" in page and page.index("Iets nieuws") > page.index(
        "Pijlers zonder"
    )  # unknown group last
    assert "Vraagt aandacht" in page and "Pijlers zonder ambassadeur" in page and "Werk" in page
    assert "Reacties te laat" in page
    assert "Stijging in Noord." in page and "Ik voel me welkom" in page
    assert 'role="img"' in page and "<title" in page  # SVG charts, accessible
    assert "<table" in page  # with the numbers in a table
    assert "2025-H2" in page


def test_dashboard_without_snapshot_says_so(client_for):
    page = client_for("wethouder").get(reverse("dashboard") + "?periode=2030-H1").content.decode()
    assert "nog geen momentopname" in page


def test_dashboard_bad_period_falls_back(client_for):
    """A period that does not parse shows the last completed half year, as no period does."""
    last = Period.last_completed()
    snapshots.snapshot_make(period=last)
    client = client_for("wethouder")
    response = client.get(reverse("dashboard") + "?periode=<x>")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>Dashboard: {last.label}</h1>" in page
    assert f"Het {last.label} vergeleken met het {last.previous().label}." in page
    assert "nog geen momentopname" not in page  # the snapshot of that half year is shown
    assert "<x>" not in page


def _dashboard_queries(client) -> int:
    url = reverse("dashboard") + "?periode=2026-H1"
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_query_count_does_not_grow_with_data(client_for, fake_figures):
    client = client_for("wethouder")
    OrganisatieFactory.create_batch(3)
    for i in range(2):
        MetingFactory(indicator__naam=f"Indicator klein {i}")
    snapshots.snapshot_make(period=H1.previous())
    snapshots.snapshot_make(period=H1)
    small = _dashboard_queries(client)
    OrganisatieFactory.create_batch(30)
    for i in range(20):
        MetingFactory(indicator__naam=f"Indicator groot {i}")
        VerhaalFactory()
    snapshots.snapshot_new_version(period=H1.previous(), by=None, reden="meer gegevens")
    snapshots.snapshot_new_version(period=H1, by=None, reden="meer gegevens")
    large = _dashboard_queries(client)
    assert small == large, (small, large)
    assert small <= 6


def test_snapshot_on_demand_and_beat_task(client_for, fake_figures):
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:snapshots"), {"periode": "2026-H1"}
    )
    assert response.status_code == 302
    assert Snapshot.objects.filter(periode="2026-H1").exists()
    from monitoring.tasks import make_snapshot

    assert make_snapshot.delay("2025-H2", draft_reports=False).get() == "2025-H2"
    assert Snapshot.objects.filter(periode="2025-H2").exists()


def test_snapshot_schedule_is_a_periodic_task_the_beheerder_edits(client_for):
    from django_celery_beat.models import PeriodicTask

    from monitoring import schedule

    task = schedule.current()
    assert task.task == "monitoring.tasks.make_snapshot"
    assert task.crontab.month_of_year == "1,7"
    client = client_for("beheerder")
    assert client.get(reverse("monitoring:planning")).status_code == 200
    response = client.post(
        reverse("monitoring:planning"),
        {"dag": 5, "maanden": ["7", "1"], "tijd": "07:15", "actief": "on"},
    )
    assert response.status_code == 302
    task = PeriodicTask.objects.get(name=schedule.TASK_NAME)
    assert (task.crontab.day_of_month, task.crontab.month_of_year, task.crontab.hour) == (
        "5",
        "1,7",
        "7",
    )
    bad = client.post(reverse("monitoring:planning"), {"dag": 5, "tijd": "07:00"})
    assert "Kies minstens één maand" in bad.content.decode()


def test_remade_snapshot_shows_on_the_cached_dashboard(client_for):
    client = client_for("wethouder")
    meting = MetingFactory(indicator__naam="Thuis in de wijk", duiding="Eerste duiding.")
    snapshots.snapshot_make(period=H1)
    url = reverse("dashboard") + "?periode=2026-H1"
    assert "Eerste duiding." in client.get(url).content.decode()
    meting.duiding = "Bijgestelde duiding."
    meting.save()
    assert "Eerste duiding." in client.get(url).content.decode()  # frozen until remade
    with pytest.raises(ValidationError):  # remaking silently is refused
        snapshots.snapshot_make(period=H1)
    snapshots.snapshot_new_version(period=H1, by=None, reden="Duiding bijgesteld")
    page = client.get(url).content.decode()
    assert "Bijgestelde duiding." in page and "Eerste duiding." not in page
    # The old version stays readable, and the page lists both versions.
    assert "Versie 1" in page and "Duiding bijgesteld" in page
    old = client.get(url + "&versie=1").content.decode()
    assert "Eerste duiding." in old and "U bekijkt versie 1" in old


def test_wethouder_home_links_to_dashboard_and_drafts(client_for):
    raadsmededeling.raadsmededeling_draft(period=H1)
    page = client_for("wethouder").get(reverse("home")).content.decode()
    assert "Halfjaarcijfers" in page and "?periode=2026-H1" in page
    assert "Dashboard van het eerste halfjaar 2026 bekijken" in page
    assert "Raadsmededeling in concept:" in page  # one: singular (ngettext)
    raadsmededeling.raadsmededeling_draft(period=H1)
    page = client_for("wethouder").get(reverse("home")).content.decode()
    assert "Raadsmededelingen in concept:" in page


def test_dashboard_charts_have_a_name_a_description_with_the_numbers_and_a_table(
    client_for, fake_figures
):
    """Issue 14: charts people can read - named, described in numbers, the table one click away."""
    import re

    snapshots.snapshot_make(period=H1.previous())
    snapshots.snapshot_make(period=H1)
    page = client_for("wethouder").get(reverse("dashboard") + "?periode=2026-H1").content.decode()
    gid = "grafiek-deal-partners-per-stage"
    assert re.search(rf'<figcaption id="{gid}-kop"[^>]*>Partners per fase', page)
    assert (
        f'<div class="staafgrafiek__staven" role="img" aria-labelledby="{gid}-kop" '
        f'aria-describedby="{gid}-uitleg">'
    ) in page, "the bars are one image with a name and a description"
    desc = re.search(rf'<p id="{gid}-uitleg" class="visually-hidden">([^<]+)</p>', page).group(1)
    assert "verkend: 2026-H1 3, 2025-H2 3" in desc
    page = page.split(f'id="{gid}-kop"', 1)[1]
    details = page.split('<details class="staafgrafiek__tabel" data-print-open>', 1)[1]
    details = details.split("</details>", 1)[0]
    assert "<summary>Toon de cijfers als tabel" in details
    assert '<th scope="col" class="getal">2026-H1</th>' in details
    assert '<th scope="row">verkend</th><td class="getal">3</td>' in details
