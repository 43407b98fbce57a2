"""Reads for the kwartiermaker's assignment: the overview, the home panel and the figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from opdracht.models import Opdracht, Uitgave, Urenregistratie, week_start

WAARSCHUW_WEKEN_VOOR_EIND = 8
NUL = Decimal("0")


def huidige_opdracht(*, op: datetime.date | None = None) -> Opdracht | None:
    """The assignment running today, else the most recent one."""
    op = op or timezone.localdate()
    loopt = Case(
        When(start__lte=op, eind__gte=op, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        Opdracht.objects.select_related("kwartiermaker")
        .annotate(loopt=loopt)
        .order_by("-loopt", "-start")
        .first()
    )


@dataclass
class Stand:
    opdracht: Opdracht
    vandaag: datetime.date
    uren_totaal: Decimal
    uren_deze_week: Decimal
    uitgaven: Decimal

    @property
    def besteed(self) -> Decimal:
        return self.uren_totaal * self.opdracht.uurtarief + self.uitgaven

    @property
    def budget_resterend(self) -> Decimal:
        return self.opdracht.budget - self.besteed

    @property
    def budget_procent(self) -> int:
        if not self.opdracht.budget:
            return 0
        return int(100 * self.besteed / self.opdracht.budget)

    @property
    def uren_gepland_tot_nu(self) -> Decimal:
        o = self.opdracht
        dag = min(max(self.vandaag, o.start), o.eind)
        return (o.uren_per_week * Decimal((dag - o.start).days) / Decimal(7)).quantize(Decimal("1"))

    @property
    def uren_procent(self) -> int:
        gepland = self.opdracht.uren_gepland
        return int(100 * self.uren_totaal / gepland) if gepland else 0

    @property
    def dagen_tot_eind(self) -> int:
        return (self.opdracht.eind - self.vandaag).days

    @property
    def eind_nadert(self) -> bool:
        return 0 <= self.dagen_tot_eind <= WAARSCHUW_WEKEN_VOOR_EIND * 7

    @property
    def afgelopen(self) -> bool:
        return self.dagen_tot_eind < 0


def stand(opdracht: Opdracht, *, vandaag: datetime.date | None = None) -> Stand:
    """Hours and money used: two aggregate queries."""
    vandaag = vandaag or timezone.localdate()
    uren = Urenregistratie.objects.filter(opdracht=opdracht).aggregate(
        totaal=Coalesce(Sum("uren"), NUL, output_field=DecimalField()),
        week=Coalesce(
            Sum("uren", filter=Q(week=week_start(vandaag))), NUL, output_field=DecimalField()
        ),
    )
    uitgaven = Uitgave.objects.filter(opdracht=opdracht).aggregate(
        s=Coalesce(Sum("bedrag"), NUL, output_field=DecimalField())
    )["s"]
    return Stand(opdracht, vandaag, uren["totaal"], uren["week"], uitgaven)


def uren_per_week(opdracht: Opdracht) -> QuerySet:
    """Hours per week (newest first) for the overview table."""
    return (
        Urenregistratie.objects.filter(opdracht=opdracht)
        .values("week")
        .annotate(totaal=Sum("uren"))
        .order_by("-week")
    )


def registraties(opdracht: Opdracht) -> QuerySet:
    return Urenregistratie.objects.filter(opdracht=opdracht).order_by("-week", "activiteit")


def uren_per_activiteit(opdracht: Opdracht) -> list[tuple[str, Decimal]]:
    from opdracht.models import UrenActiviteit

    rows = dict(
        Urenregistratie.objects.filter(opdracht=opdracht)
        .values_list("activiteit")
        .annotate(s=Sum("uren"))
        .values_list("activiteit", "s")
    )
    return [(str(label), rows.get(value, NUL)) for value, label in UrenActiviteit.choices]


# --- figures: start inclusive, end exclusive; one query each -----------------------------


def figuur_budget(start: datetime.date, end: datetime.date) -> float:
    """Programme money spent in the period: hours times the assignment's rate, plus expenses.

    The only figure of the assignment: a total per period, never one person's hours.
    """
    uren = Urenregistratie.objects.filter(week__gte=start, week__lt=end).aggregate(
        s=Sum(
            ExpressionWrapper(
                F("uren") * F("opdracht__uurtarief"),
                output_field=DecimalField(max_digits=14, decimal_places=2),
            )
        )
    )["s"]
    uitgaven = Uitgave.objects.filter(datum__gte=start, datum__lt=end).aggregate(s=Sum("bedrag"))[
        "s"
    ]
    return round(float((uren or 0) + (uitgaven or 0)), 2)


def uren_van_week(opdracht: Opdracht, week: datetime.date) -> dict[str, Decimal]:
    return dict(
        Urenregistratie.objects.filter(opdracht=opdracht, week=week_start(week))
        .values_list("activiteit")
        .annotate(s=Sum("uren"))
        .values_list("activiteit", "s")
    )


def uren_week_stempel(
    opdracht: Opdracht, week: datetime.date, *, bestaand: dict[str, Decimal] | None = None
) -> str:
    """What a week holds, as a short text the week form carries along (hidden field).

    Saving compares it with the week's state then, so hours the form did not show are
    never replaced unseen (``services.uren_week_save``).
    """
    maandag = week_start(week)
    if bestaand is None:
        bestaand = uren_van_week(opdracht, maandag)
    delen = ",".join(f"{a}={bestaand[a].normalize():f}" for a in sorted(bestaand) if bestaand[a])
    return f"{maandag.isoformat()}|{delen}"
