"""The kwartiermaker's fictional assignment (the Deventer nota: one year, 10 h/week, EUR 37,000)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from inclusie.models import GemeenteProfiel
from opdracht.models import Opdracht, Uitgave, UrenActiviteit, Urenregistratie, week_start


def seed(ctx) -> None:
    if Opdracht.objects.exists():
        return
    vandaag = ctx.today
    # The assignment started with the programme and was extended twice by a year.
    start = week_start(ctx.begin)
    opdracht = Opdracht.objects.create(
        omschrijving=(
            "Een Inclusie Deal tot stand brengen (draagvlak in de stad en door de stad gedragen "
            "doelstellingen), samenwerking aanjagen en de ambassadeurs coördineren."
        ),
        programma=GemeenteProfiel.load().programmanaam,
        kwartiermaker=ctx.data.get("users", {}).get("kwartiermaker"),
        start=start,
        eind=start + datetime.timedelta(days=3 * 365),
        uren_per_week=Decimal("10"),
        budget=Decimal("111000"),
        uurtarief=Decimal("71.15"),
    )
    rows = []
    activiteiten = list(UrenActiviteit.values)
    week = start
    i = 0
    while week <= vandaag:
        # No hours in the summer holidays and the Christmas week.
        vakantie = (week.month == 7 and week.day > 14) or (week.month == 8 and week.day < 10)
        vakantie = vakantie or (week.month == 12 and week.day > 22)
        if not vakantie:
            for k, uren in enumerate((Decimal("4"), Decimal("3.5"), Decimal("2.5"))):
                rows.append(
                    Urenregistratie(
                        opdracht=opdracht,
                        week=week,
                        activiteit=activiteiten[(i + k) % len(activiteiten)],
                        uren=uren + (Decimal("1") if i % 5 == 0 and k == 0 else 0),
                    )
                )
        week += datetime.timedelta(days=7)
        i += 1
    Urenregistratie.objects.bulk_create(rows)
    uitgaven = []
    for n, (omschrijving, bedrag) in enumerate(UITGAVEN):
        datum = ctx.werkdag(ctx.dag(0.04 + 0.95 * n / len(UITGAVEN)))
        uitgaven.append(
            Uitgave(opdracht=opdracht, datum=datum, omschrijving=omschrijving, bedrag=bedrag)
        )
    Uitgave.objects.bulk_create(uitgaven)
    ctx.log(f"  opdracht kwartiermaker met {len(rows)} urenregistraties, {len(uitgaven)} uitgaven")


UITGAVEN = [
    ("Zaalhuur startbijeenkomst", Decimal("450")),
    ("Training ambassadeurs", Decimal("1200")),
    ("Drukwerk flyers Deal in eenvoudige taal", Decimal("320")),
    ("Catering bijeenkomst partners", Decimal("275.50")),
    ("Tolk Nederlandse Gebarentaal bij de klankbordgroep", Decimal("390")),
    ("Zaalhuur ondertekening nieuwe partners", Decimal("450")),
    ("Training ambassadeurs, tweede groep", Decimal("1200")),
    ("Fotograaf bij de jaarbijeenkomst", Decimal("600")),
]
