"""Figures that tell the truth: every registered figure, checked against an independent count.

A small programme is built from dated facts (the lists below): rows that exist before,
during and after a past half year, including rows that change status during it and
after it. For each figure the expected value is counted in plain Python from those
facts - not with the selector's query - and compared with what a snapshot froze, for
a past half year (made today, so it must show the state of then) and for the current
one. A stock is the state at the end of the half year; a flow counts what happened in it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.models import Activiteit, StatusWijziging
from bijeenkomsten.models import Actie, ActieStatusWijziging, Bijeenkomst, Soort, Uitnodiging
from deal.constants import Fase, InitiatiefStatus, ToezeggingStatus
from deal.models import FaseWijziging, Initiatief, Partner, Toezegging, ToezeggingStatusWijziging
from inclusie import registry
from inclusie.models import Organisatie
from klankbord.constants import AdviesUitkomst, SignaalThema
from klankbord.models import Advies, Signaal
from monitoring.periods import Period
from monitoring.services import snapshots
from opdracht.models import Uitgave, Urenregistratie, week_start
from pijlers.models import Lidmaatschap, Pijler
from stappenplan.models import ParticipatieActiviteit, Stap, StapGebeurtenis, Verkenning
from tests.ambassadeurs.factories import AmbassadeurFactory
from tests.bijeenkomsten.factories import BijeenkomstFactory
from tests.deal.factories import PijlerFactory
from tests.factories import OrganisatieFactory, PersoonFactory, UserFactory
from tests.opdracht.factories import OpdrachtFactory
from tests.stappenplan.factories import VerkenningFactory

pytestmark = pytest.mark.django_db

D = dt.timedelta


def _periods() -> tuple[Period, Period]:
    """A completed half year a year back (with the half year between it and now, so
    changes happen "after" it) and the current half year."""
    current = Period.current()
    return current.previous().previous(), current


def _aware(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _status_at(steps: list[tuple[dt.date, str]], end: dt.date) -> str | None:
    """The last status of a dated history before `end` (exclusive), or None."""
    # Stable by day: on the same day the later-recorded change wins, as in the portal.
    before = [status for day, status in sorted(steps, key=lambda step: step[0]) if day < end]
    return before[-1] if before else None


class World:
    """Dated facts (the truth) and the rows made from them."""

    def __init__(self):
        self.past, self.current = _periods()
        self.today = timezone.localdate()
        P, C = self.past, self.current
        # Days inside the current half year that are not after today.
        c_early = C.start
        c_mid = C.start + (self.today - C.start) // 2
        before = P.start - D(days=60)
        between = P.end + D(days=20)  # after the past half year, before the current one
        p1, p2 = P.start + D(days=20), P.start + D(days=100)
        self.days = dict(before=before, p1=p1, p2=p2, between=between, c1=c_early, c2=c_mid)

        # --- Deal: partners with phase histories, commitments with status histories
        self.partner_routes = [
            [(before, Fase.VERKEND), (p1, Fase.IN_GESPREK), (c_mid, Fase.ONDERTEKEND)],
            [(p2, Fase.VERKEND)],
            [(c_early, Fase.VERKEND)],
            [(before, Fase.VERKEND), (p1, Fase.GESTOPT)],
            [(before, Fase.IN_GESPREK), (p2, Fase.ONDERTEKEND)],
            [(before, Fase.AANGEHAAKT), (between, Fase.ONDERTEKEND)],
        ]
        self.partners = []
        for route in self.partner_routes:
            org = OrganisatieFactory()
            signed = next((d for d, f in route if f == Fase.ONDERTEKEND), None)
            partner = Partner.objects.create(
                organisatie=org, fase=route[-1][1], fase_sinds=route[-1][0], ondertekend_op=signed
            )
            vorige = ""
            for day, fase in route:
                FaseWijziging.objects.create(partner=partner, van=vorige, naar=fase, datum=day)
                vorige = fase
            self.partners.append(partner)
        self.commitment_histories = [
            [(before, ToezeggingStatus.VOORGENOMEN), (p1, ToezeggingStatus.LOPEND),
             (c_mid, ToezeggingStatus.GEREALISEERD)],
            [(c_early, ToezeggingStatus.VOORGENOMEN)],
            [(p2, ToezeggingStatus.VOORGENOMEN), (c_early, ToezeggingStatus.GESTOPT)],
            [(before, ToezeggingStatus.LOPEND), (p2, ToezeggingStatus.GEREALISEERD)],
            [(p1, ToezeggingStatus.VOORGENOMEN), (between, ToezeggingStatus.LOPEND)],
        ]  # fmt: skip
        for history in self.commitment_histories:
            t = Toezegging.objects.create(
                partner=self.partners[4], titel="Wij doen mee", status=history[-1][1]
            )
            vorige = ""
            for day, status in history:
                ToezeggingStatusWijziging.objects.create(
                    toezegging=t, van=vorige, naar=status, datum=day
                )
                vorige = status
        # (started, finished or stopped on / None); the services date the end.
        self.initiatives = [
            (before, None),
            (p1, None),
            (p2, None),
            (between, None),
            (c_mid, None),
            (before, p2),  # finished during the past half year
            (before, between),  # finished after it: still running at its end
            (p1, c_early),  # stopped in the current half year
            (c_early, None),
        ]
        for n, (day, ended) in enumerate(self.initiatives):
            status = InitiatiefStatus.AFGEROND if ended else InitiatiefStatus.LOPEND
            if ended == c_early:
                status = InitiatiefStatus.GESTOPT
            Initiatief.objects.create(
                naam=f"Initiatief {n}", gestart_op=day, status=status, beeindigd_op=ended
            )

        # --- pijlers and ambassador seats (sinds, tot)
        self.seats = {
            "Werk": [(before, None)],
            "Wonen": [(before, p2)],  # the ambassador left during the past half year
            "Zorg": [(c_early, None)],  # an ambassador only from the current half year
            "Sport": [],
            "Taal": [(before, between), (c_early, None)],  # a gap between the half years
        }
        self.seats["Cultuur"] = []  # made after the past half year: not in its figures
        self.seats["Onderwijs"] = []  # stopped after the past half year: only in its figures
        self.pijler_made = {naam: before for naam in self.seats} | {"Cultuur": c_early}
        self.pijler_inactive = {"Onderwijs": between}
        for naam, seats in self.seats.items():
            pijler = PijlerFactory(naam=naam, slug=naam.lower())
            Pijler.objects.filter(pk=pijler.pk).update(
                created_at=_aware(self.pijler_made[naam]),
                actief=naam not in self.pijler_inactive,
                niet_actief_sinds=self.pijler_inactive.get(naam),
            )
            for sinds, tot in seats:
                Lidmaatschap.objects.create(
                    pijler=pijler,
                    persoon=PersoonFactory(),
                    rol=Lidmaatschap.Rol.AMBASSADEUR,
                    sinds=sinds,
                    tot=tot,
                )
            # A partner seat never counts as an ambassador.
            Lidmaatschap.objects.create(
                pijler=pijler, persoon=PersoonFactory(), rol=Lidmaatschap.Rol.PARTNER, sinds=before
            )

        # --- ambassadors: status histories, including stopping and coming back
        S = AmbassadeurStatus
        self.ambassador_histories = [
            [(before, S.AANGEMELD), (before + D(days=10), S.ACTIEF), (c_mid, S.GESTOPT)],
            [(p1, S.AANGEMELD), (between, S.INTAKE), (c_early, S.ACTIEF)],
            [(before, S.ACTIEF), (p1, S.GESTOPT), (between, S.INTAKE), (c_early, S.ACTIEF)],
            [(before, S.AANGEMELD), (p2, S.INTAKE)],
            [(p2, S.ACTIEF)],
        ]
        self.ambassadors = []
        for history in self.ambassador_histories:
            a = AmbassadeurFactory(aangemeld_op=history[0][0], status=history[-1][1])
            a.statuswijzigingen.all().delete()  # only the history below
            for day, status in history:
                StatusWijziging.objects.create(ambassadeur=a, status=status, datum=day)
            self.ambassadors.append(a)
        self.activities = [
            (before, ActiviteitSoort.GESPREK),
            (p1, ActiviteitSoort.GESPREK),
            (p1, ActiviteitSoort.TRAINING),
            (p2, ActiviteitSoort.BIJEENKOMST),
            (P.end - D(days=1), ActiviteitSoort.TRAINING),
            (P.end, ActiviteitSoort.TRAINING),  # first day after the half year
            (c_early, ActiviteitSoort.BELEID),
            (c_mid, ActiviteitSoort.GESPREK),
        ]
        for day, soort in self.activities:
            Activiteit.objects.create(
                ambassadeur=self.ambassadors[0], datum=day, soort=soort, titel="Iets gedaan"
            )

        # --- meetings: held, cancelled, ahead; attendance; actions open and done
        now = timezone.now()
        self.meetings = [
            # (day, soort, cancelled, [attendance...])
            (p1, Soort.AMBASSADEURS, False, ["aanwezig", "aanwezig", "afwezig"]),
            (p2, Soort.KLANKBORD, False, ["aanwezig", "afwezig_bericht"]),
            (p2 + D(days=1), Soort.STUURGROEP, True, ["aanwezig"]),
            (before, Soort.PIJLERTAFEL, False, ["aanwezig"]),
            (c_early, Soort.AMBASSADEURS, False, ["aanwezig", "afwezig"]),
            (self.today + D(days=3), Soort.AMBASSADEURS, False, ["onbekend"]),  # ahead
        ]
        organisator = UserFactory()
        self.meeting_rows = []
        for day, soort, cancelled, attendance in self.meetings:
            start = _aware(day, 9)
            b = BijeenkomstFactory(
                soort=soort,
                start=start,
                eind=start + D(hours=2),
                organisator=organisator,
                status=Bijeenkomst.Status.GEANNULEERD if cancelled else Bijeenkomst.Status.GEPLAND,
            )
            for a in attendance:
                Uitnodiging.objects.create(bijeenkomst=b, user=UserFactory(), aanwezigheid=a)
            self.meeting_rows.append(b)
        # Dated status histories; the first day is the day the action was agreed.
        OPEN, DONE = Actie.Status.OPEN, Actie.Status.GEREED
        self.action_histories = [
            [(before, OPEN)],
            [(before, OPEN), (p1, DONE)],
            [(p1, OPEN), (c_early, DONE)],
            [(p2, OPEN)],
            [(c_early, OPEN)],
            [(c_early, OPEN), (c_mid, DONE)],
            [(between, OPEN)],
            [
                (before, OPEN),
                (p1, DONE),
                (between, OPEN),
            ],  # done in the past half year, reopened after
            [(p1, OPEN), (p2, DONE), (c_early, OPEN), (c_mid, DONE)],  # done, reopened, done again
        ]
        for history in self.action_histories:
            status = history[-1][1]
            done = next((d for d, st in reversed(history) if st == DONE), None)
            actie = Actie.objects.create(
                bijeenkomst=self.meeting_rows[0],
                omschrijving="Uitzoeken",
                eigenaar=organisator,
                deadline=history[0][0] + D(days=14),
                status=status,
                gereed_op=_aware(done) if status == DONE else None,
            )
            Actie.objects.filter(pk=actie.pk).update(created_at=_aware(history[0][0]))
            for day, st in history:
                ActieStatusWijziging.objects.create(actie=actie, status=st, op=_aware(day))
        # An action from before the history was kept (no status changes recorded): the
        # row's own dates still count it.
        self.legacy_actions = [(before, None), (before, p1)]
        for created, done in self.legacy_actions:
            actie = Actie.objects.create(
                bijeenkomst=self.meeting_rows[0],
                omschrijving="Van vroeger",
                eigenaar=organisator,
                deadline=created + D(days=14),
                status=DONE if done else OPEN,
                gereed_op=_aware(done) if done else None,
            )
            Actie.objects.filter(pk=actie.pk).update(created_at=_aware(created))
        assert min(_aware(self.today), now) <= now

        # --- klankbord: adviezen and the gemeente's responses; signals
        # (datum, uitkomst, due, answered or None)
        self.adviezen = [
            (p1 - D(days=50), AdviesUitkomst.OVERGENOMEN, p1, p1 - D(days=1)),  # due in P, on time
            (p1, AdviesUitkomst.DEELS, p2, p2 + D(days=5)),  # due in P, late
            (p1 + D(days=5), AdviesUitkomst.OPEN, p2 + D(days=10), None),  # due in P, never
            (p2, AdviesUitkomst.NIET, P.end + D(days=10), P.end + D(days=5)),  # due after P
            (before, AdviesUitkomst.OVERGENOMEN, before + D(days=40), between),  # late, after P
            (c_early, AdviesUitkomst.OPEN, c_early + D(days=42), None),
        ]
        for n, (datum, uitkomst, due, answered) in enumerate(self.adviezen):
            Advies.objects.create(
                onderwerp=f"Advies {n}",
                datum=datum,
                tekst="Betrek inwoners vroeg.",
                uitkomst=uitkomst,
                reactie_uiterlijk=due,
                reactie_datum=answered,
                reactie="Dank." if answered else "",
                motivatie="Budget."
                if uitkomst in (AdviesUitkomst.DEELS, AdviesUitkomst.NIET)
                else "",
            )
        self.signals = [
            (p1, SignaalThema.WONEN),
            (p2, SignaalThema.WONEN),
            (p2, SignaalThema.DISCRIMINATIE),
            (before, SignaalThema.WONEN),
            (c_mid, SignaalThema.COMMUNICATIE),
        ]
        for day, thema in self.signals:
            Signaal.objects.create(titel="Gehoord", datum=day, thema=thema)

        # --- organisations in view: every organisation made above gets a date here
        orgs = list(Organisatie.objects.order_by("pk"))
        org_days = [before, p1, p2, between, c_early, c_mid]
        self.org_days = [org_days[n % len(org_days)] for n in range(len(orgs))]
        for org, day in zip(orgs, self.org_days, strict=True):
            Organisatie.objects.filter(pk=org.pk).update(created_at=_aware(day))

        # --- the kwartiermaker's hours and expenses
        opdracht = OpdrachtFactory(start=before, uurtarief=Decimal("70"))
        self.hours = [(before, "3"), (p1, "4"), (p2, "2.5"), (between, "5"), (c_early, "6")]
        for day, uren in self.hours:
            Urenregistratie.objects.create(
                opdracht=opdracht, week=week_start(day), activiteit="netwerk", uren=Decimal(uren)
            )
        self.expenses = [(p1, "450"), (before, "99"), (c_mid, "120.50")]
        for day, bedrag in self.expenses:
            Uitgave.objects.create(
                opdracht=opdracht, datum=day, omschrijving="Zaalhuur", bedrag=Decimal(bedrag)
            )

        # --- stappenplan: step status histories, participation, verkenningen
        stappen = list(Stap.objects.filter(soort=Stap.Soort.STAP).order_by("nummer"))
        assert len(stappen) >= 3, "the stappenplan content comes with the migrations"
        self.step_codes = [s.code for s in stappen]
        self.step_histories = {
            stappen[0].code: [(before, Stap.Status.BEZIG), (c_early, Stap.Status.AFGEROND)],
            stappen[1].code: [(p1, Stap.Status.BEZIG), (between, Stap.Status.DOORLOPEND)],
            stappen[2].code: [(c_mid, Stap.Status.BEZIG)],
        }
        for stap in stappen:
            for day, status in self.step_histories.get(stap.code, []):
                StapGebeurtenis.objects.create(
                    stap=stap, status=status, tekst="Status gewijzigd.", op=_aware(day)
                )
            # A note without a status change is history too, but says nothing about status.
            StapGebeurtenis.objects.create(stap=stap, tekst="Notities bijgewerkt.", op=_aware(p2))
        self.participation = [
            (p1, ParticipatieActiviteit.Soort.choices[0][0], 12),
            (p2, ParticipatieActiviteit.Soort.choices[1][0], 30),
            (before, ParticipatieActiviteit.Soort.choices[0][0], 7),
            (c_early, ParticipatieActiviteit.Soort.choices[0][0], 15),
        ]
        for day, soort, deelnemers in self.participation:
            ParticipatieActiviteit.objects.create(
                soort=soort, titel="Gesprek", datum=day, deelnemers=deelnemers
            )
        self.submissions = [p1, p2, between, c_early, None]
        for day in self.submissions:
            v = VerkenningFactory()
            if day:
                Verkenning.objects.filter(pk=v.pk).update(
                    status=Verkenning.Status.INGEDIEND, ingediend_op=_aware(day)
                )

    # --- the expected values, counted from the facts above ----------------------------

    def expected(self, code: str, period: Period):
        # A running half year counts what is known today: up to and including today.
        start, end = period.start, min(period.end, self.today + D(days=1))
        now = timezone.now()

        def within(day):
            return start <= day < end

        with translation.override("nl"):
            if code == "deal.partners_per_stage":
                at_end = [_status_at(route, end) for route in self.partner_routes]
                return {str(f.label): at_end.count(f.value) for f in Fase}
            if code == "deal.ondertekend":
                return sum(
                    1
                    for route in self.partner_routes
                    for day, fase in route
                    if fase == Fase.ONDERTEKEND and within(day)
                )
            if code == "deal.toezeggingen":
                at_end = [_status_at(h, end) for h in self.commitment_histories]
                return {str(s.label): at_end.count(s.value) for s in ToezeggingStatus}
            if code == "deal.initiatieven":
                return sum(
                    1
                    for day, ended in self.initiatives
                    if day < end and (ended is None or ended >= end)
                )
            if code == "pijlers.zonder_ambassadeur":
                return {
                    naam: 0
                    for naam, seats in self.seats.items()
                    if self.pijler_made[naam] < end
                    and (naam not in self.pijler_inactive or self.pijler_inactive[naam] >= end)
                    and not any(s < end and (t is None or t >= end) for s, t in seats)
                }
            if code == "ambassadeurs.actief":
                return sum(
                    1
                    for h in self.ambassador_histories
                    if _status_at(h, end) == AmbassadeurStatus.ACTIEF
                )
            if code == "ambassadeurs.activiteiten":
                days = [soort for day, soort in self.activities if within(day)]
                return {str(s.label): days.count(s.value) for s in ActiviteitSoort}
            if code == "bijeenkomsten.gehouden":
                held = [
                    soort
                    for day, soort, cancelled, _a in self.meetings
                    if within(day) and not cancelled and _aware(day, 9) < now
                ]
                return {str(s.label): held.count(s.value) for s in Soort}
            if code == "bijeenkomsten.opkomst":
                marks = [
                    a
                    for day, _s, cancelled, attendance in self.meetings
                    if within(day) and not cancelled and _aware(day, 11) < now
                    for a in attendance
                ]
                if not marks:
                    return None
                return round(100 * marks.count("aanwezig") / len(marks), 1)
            if code == "bijeenkomsten.acties_open":
                return sum(
                    1 for h in self.action_histories if _status_at(h, end) == Actie.Status.OPEN
                ) + sum(
                    1
                    for created, done in self.legacy_actions
                    if created < end and (done is None or done >= end)
                )
            if code == "klankbord.adviezen":
                outcomes = [u for datum, u, _d, _a in self.adviezen if within(datum)]
                return {str(u.label): outcomes.count(u.value) for u in AdviesUitkomst}
            if code == "klankbord.reacties_op_tijd":
                due = [(d, a) for _x, _u, d, a in self.adviezen if within(d)]
                if not due:
                    return None
                on_time = sum(1 for d, a in due if a is not None and a <= d)
                return round(100 * on_time / len(due), 1)
            if code == "klankbord.reacties_te_laat":
                return sum(
                    1
                    for datum, _u, d, a in self.adviezen
                    if datum < end and d < end and (a is None or a >= end)
                )
            if code == "signalen.per_thema":
                themes = [t for day, t in self.signals if within(day)]
                return {str(t.label): themes.count(t.value) for t in SignaalThema}
            if code == "relaties.organisaties":
                return sum(1 for day in self.org_days if day < end)
            if code == "relaties.organisaties_nieuw":
                return sum(1 for day in self.org_days if within(day))
            if code == "opdracht.budget":
                uren = sum(Decimal(u) for day, u in self.hours if within(week_start(day)))
                kosten = sum(Decimal(b) for day, b in self.expenses if within(day))
                return round(float(uren * 70 + kosten), 2)
            if code == "participatie.activiteiten":
                kinds = [s for day, s, _n in self.participation if within(day)]
                return {
                    str(label): kinds.count(value)
                    for value, label in ParticipatieActiviteit.Soort.choices
                }
            if code == "participatie.bereik":
                return sum(n for day, _s, n in self.participation if within(day))
            if code == "stappenplan.status":
                at_end = [
                    _status_at(self.step_histories.get(c, []), end) or Stap.Status.NIET_GESTART
                    for c in self.step_codes
                ]
                return {str(label): at_end.count(value) for value, label in Stap.Status.choices}
            if code == "verkenning.ingediend":
                return sum(1 for day in self.submissions if day and within(day))
        raise AssertionError(f"No independent count for {code}: add one to this test.")


@pytest.fixture
def world(db):
    return World()


ALL_CODES = sorted(f.code for f in registry.figures())


def test_every_registered_figure_declares_stock_or_flow_and_a_section():
    for fig in registry.figures():
        assert fig.kind in (registry.STOCK, registry.FLOW), fig.code
        assert registry.figure_section(fig.group) is not None, fig.code


def test_the_world_covers_every_figure(world):
    """A new figure needs its own independent count here (the test fails until it has one)."""
    for code in ALL_CODES:
        world.expected(code, world.past)


def test_the_world_has_changes_inside_and_after_the_past_half_year(world):
    """Guard against a world where stocks and flows would agree by accident."""
    past, current = world.past, world.current
    for code in (
        "deal.toezeggingen",
        "ambassadeurs.actief",
        "pijlers.zonder_ambassadeur",
        "deal.initiatieven",
        "bijeenkomsten.acties_open",
    ):
        assert world.expected(code, past) != world.expected(code, current), code
    assert world.expected("ambassadeurs.actief", past) == 2
    assert world.expected("deal.toezeggingen", past) == {
        "Voorgenomen": 2,
        "Loopt": 1,
        "Gerealiseerd": 1,
        "Gestopt": 0,
    }


def test_a_frozen_past_snapshot_does_not_move_when_history_is_added_later(world):
    snap = snapshots.snapshot_ensure(period=world.past)
    frozen = {f["code"]: f["value"] for f in snap.data["figures"]}
    # A commitment realised today and a new ambassador change nothing in the frozen half year...
    t = Toezegging.objects.first()
    ToezeggingStatusWijziging.objects.create(
        toezegging=t, van=t.status, naar=ToezeggingStatus.GESTOPT, datum=world.today
    )
    snap.refresh_from_db()
    assert {f["code"]: f["value"] for f in snap.data["figures"]} == frozen
    assert snapshots.snapshot_ensure(period=world.past).pk == snap.pk
    # ...and a new version computed from the same dated history gives the same past numbers.
    again = snapshots.snapshot_new_version(period=world.past, by=None, reden="controle")
    assert again.versie == 2
    assert {f["code"]: f["value"] for f in again.data["figures"]} == frozen


def test_done_and_reopened_through_the_services_is_dated_history(world):
    """Reporting an action done and reopening it (the meeting page's actions) records the
    dates, so a half year that ended while it was done still counts it as done."""
    from bijeenkomsten import services as svc

    actie = Actie.objects.filter(omschrijving="Uitzoeken", status=Actie.Status.OPEN).first()
    svc.actie_gereed(actie=actie)
    actie.status = Actie.Status.OPEN
    actie.gereed_op = None
    svc.actie_save(actie=actie)
    assert list(
        actie.statuswijzigingen.filter(op__date=world.today).values_list("status", flat=True)
    ) == [Actie.Status.GEREED, Actie.Status.OPEN]
    # Saving without a status change adds nothing.
    actie.omschrijving = "Uitzoeken en melden"
    svc.actie_save(actie=actie)
    assert actie.statuswijzigingen.filter(op__date=world.today).count() == 2


def test_finishing_an_initiative_and_stopping_a_pijler_are_dated(world):
    from deal import services as deal_services
    from pijlers import services as pijler_services

    initiatief = Initiatief.objects.filter(beeindigd_op=None).first()
    initiatief.status = InitiatiefStatus.AFGEROND
    deal_services.initiatief_save(initiatief=initiatief)
    assert initiatief.beeindigd_op == world.today
    initiatief.status = InitiatiefStatus.LOPEND  # taken up again
    deal_services.initiatief_save(initiatief=initiatief)
    assert initiatief.beeindigd_op is None
    pijler = Pijler.objects.get(naam="Werk")
    pijler.actief = False
    pijler_services.pijler_save(pijler=pijler)
    assert pijler.niet_actief_sinds == world.today
