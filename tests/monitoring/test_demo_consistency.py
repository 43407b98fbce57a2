"""Dashboard and portal agree: on the demo data, every figure of the current half year's
snapshot equals what the portal's own list (or selector) shows for it today.

Also: the demo has history (trends over the half years), meetings on working days only,
and seeding never overwrites a snapshot.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from ambassadeurs import selectors as amb
from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from bijeenkomsten import selectors as bij
from bijeenkomsten.models import Actie, Bijeenkomst
from deal import selectors as deal
from deal.constants import Fase, InitiatiefStatus, ToezeggingStatus
from deal.models import Toezegging
from inclusie.demo import feestdagen
from inclusie.models import Organisatie, User
from klankbord import selectors as kb
from klankbord.constants import SignaalThema
from monitoring.models import Snapshot
from monitoring.periods import Period
from monitoring.services import snapshots
from pijlers.selectors import pijlers_zonder_ambassadeur
from stappenplan import selectors as sp

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_module, db):
    with translation.override("nl"):
        yield


def _figures(snapshot) -> dict:
    return {f["code"]: f["value"] for f in snapshot.data["figures"]}


def test_current_half_year_figures_equal_the_portal_lists(demo):
    period = Period.current()
    today = timezone.localdate()
    figures = _figures(snapshots.snapshot_ensure(period=period))
    km = User.objects.get(username="kwartiermaker")
    checked = set()

    def same(code, value, listed):
        assert value == listed, (code, value, listed)
        checked.add(code)

    # Partners per phase = the partner list filtered by phase.
    same(
        "deal.partners_per_stage",
        figures["deal.partners_per_stage"],
        {str(f.label): deal.partner_list(params={"fase": f.value}).qs.count() for f in Fase},
    )
    # Commitments per status = the commitments by the status each one shows.
    same(
        "deal.toezeggingen",
        figures["deal.toezeggingen"],
        {str(s.label): Toezegging.objects.filter(status=s.value).count() for s in ToezeggingStatus},
    )
    # Initiatives in the city = the list's running ones and ideas (finished ones are history).
    same(
        "deal.initiatieven",
        figures["deal.initiatieven"],
        sum(
            deal.initiatief_list(params={"status": s}).qs.count()
            for s in (InitiatiefStatus.IDEE, InitiatiefStatus.LOPEND)
        ),
    )
    same(
        "deal.ondertekend",
        figures["deal.ondertekend"],
        deal.partner_list(params={"fase": Fase.ONDERTEKEND})
        .qs.filter(ondertekend_op__gte=period.start)
        .count(),
    )
    # Active ambassadors = the ambassador list filtered on "actief".
    same(
        "ambassadeurs.actief",
        figures["ambassadeurs.actief"],
        amb.ambassadeur_list(params={"status": AmbassadeurStatus.ACTIEF}).qs.count(),
    )
    # Activities = the activity list filtered on kind and the half year's dates.
    same(
        "ambassadeurs.activiteiten",
        figures["ambassadeurs.activiteiten"],
        {
            str(s.label): amb.activiteit_list(
                params={"soort": s.value, "vanaf": period.start, "tot": today}
            ).qs.count()
            for s in ActiviteitSoort
        },
    )
    # Pijlers without an ambassador = the kwartiermaker's "ambassador rule" panel.
    same(
        "pijlers.zonder_ambassadeur",
        sorted(figures["pijlers.zonder_ambassadeur"]),
        sorted(p.naam for p in pijlers_zonder_ambassadeur()),
    )
    # Late responses = the "te laat" panel of the kwartiermaker and the wethouder.
    same(
        "klankbord.reacties_te_laat",
        figures["klankbord.reacties_te_laat"],
        kb.adviezen_te_laat().count(),
    )
    same(
        "signalen.per_thema",
        figures["signalen.per_thema"],
        {
            str(t.label): kb.signaal_list(
                user=km, params={"thema": t.value, "vanaf": period.start, "tot": today}
            ).qs.count()
            for t in SignaalThema
        },
    )
    # Open actions = the action list (open) as the kwartiermaker sees it (all of them).
    same(
        "bijeenkomsten.acties_open",
        figures["bijeenkomsten.acties_open"],
        bij.actie_list(user=km, params={"status": Actie.Status.OPEN}).qs.count(),
    )
    same("relaties.organisaties", figures["relaties.organisaties"], Organisatie.objects.count())
    stappen = [s for s in sp.stappen() if s.soort == "stap"]
    same(
        "stappenplan.status",
        {k: v for k, v in figures["stappenplan.status"].items() if v},
        {
            str(label): n
            for value, label in type(stappen[0]).Status.choices
            if (n := sum(1 for s in stappen if s.status == value))
        },
    )
    # Nothing is zero where the portal has rows (the bug this pins: 0/0/0/0 with 33 commitments).
    assert sum(figures["deal.toezeggingen"].values()) == Toezegging.objects.count() > 0
    assert len(checked) >= 12


def test_demo_shows_trends_over_the_half_years(demo):
    made = list(Snapshot.objects.order_by("periode").values_list("periode", flat=True))
    assert len(made) >= 4, made  # two to three years of completed half years
    series = {
        code: [_figures(s)[code] for s in Snapshot.objects.order_by("periode")]
        for code in ("ambassadeurs.actief", "relaties.organisaties", "deal.toezeggingen")
    }
    assert series["relaties.organisaties"] == sorted(series["relaties.organisaties"])
    assert len(set(series["relaties.organisaties"])) > 2  # organisations joined over time
    assert len(set(series["ambassadeurs.actief"])) > 1
    totals = [sum(v.values()) for v in series["deal.toezeggingen"]]
    assert totals[-1] > totals[0]
    for snap in Snapshot.objects.all():
        for item in snap.data["figures"]:
            assert "error" not in item, (snap.periode, item)
        # Flows happened in every half year: activities, meetings, budget spent.
        figures = _figures(snap)
        assert sum(figures["ambassadeurs.activiteiten"].values()) > 0, snap.periode
        assert sum(figures["bijeenkomsten.gehouden"].values()) > 0, snap.periode
        assert figures["opdracht.budget"] > 0, snap.periode


def test_demo_meetings_are_on_working_days_and_never_on_public_holidays(demo):
    for start in Bijeenkomst.objects.values_list("start", flat=True):
        day = timezone.localtime(start).date()
        assert day.weekday() < 5, day
        assert day not in feestdagen(day.year), day
    # A monthly series over the years: at least one meeting in most months.
    months = {
        (d.year, d.month)
        for d in Bijeenkomst.objects.filter(reeks__isnull=False).values_list("start", flat=True)
    }
    assert len(months) >= 24


def test_dutch_public_holidays():
    assert feestdagen(2026) >= {
        dt.date(2026, 1, 1),
        dt.date(2026, 4, 3),  # Goede Vrijdag
        dt.date(2026, 4, 6),  # Tweede Paasdag
        dt.date(2026, 4, 27),  # Koningsdag
        dt.date(2026, 5, 5),
        dt.date(2026, 5, 14),  # Hemelvaartsdag
        dt.date(2026, 5, 25),  # Tweede Pinksterdag
        dt.date(2026, 12, 25),
        dt.date(2026, 12, 26),
    }
    assert dt.date(2025, 4, 26) in feestdagen(2025)  # Koningsdag on a Sunday moves to Saturday


def test_seeding_again_and_the_beat_task_never_overwrite_a_snapshot(demo):
    from monitoring.tasks import make_snapshot

    before = {(s.periode, s.versie): (s.pk, s.gemaakt_op, s.data) for s in Snapshot.objects.all()}
    call_command("seed_demo", stdout=io.StringIO())
    last = Period.last_completed()
    make_snapshot.delay(last.code, draft_reports=False).get()
    after = {(s.periode, s.versie): (s.pk, s.gemaakt_op, s.data) for s in Snapshot.objects.all()}
    assert after == before
