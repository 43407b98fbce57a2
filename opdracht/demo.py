"""The kwartiermaker's fictional assignment (the Deventer nota: one year, 10 h/week, EUR 37,000)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from inclusie.models import GemeenteProfiel
from opdracht.models import Opdracht, Uitgave, UrenActiviteit, Urenregistratie, week_start


def seed(ctx) -> None:
    if Opdracht.objects.exists():
        return
    vandaag = timezone.localdate()
    start = week_start(vandaag - datetime.timedelta(days=300))
    opdracht = Opdracht.objects.create(
        omschrijving=(
            "Een Inclusie Deal tot stand brengen (draagvlak in de stad en door de stad gedragen "
            "doelstellingen), samenwerking aanjagen en de ambassadeurs coördineren."
        ),
        programma=GemeenteProfiel.load().programmanaam,
        kwartiermaker=ctx.data.get("users", {}).get("kwartiermaker"),
        start=start,
        eind=start + datetime.timedelta(days=365),
        uren_per_week=Decimal("10"),
        budget=Decimal("37000"),
        uurtarief=Decimal("71.15"),
    )
    rows = []
    activiteiten = list(UrenActiviteit.values)
    week = start
    i = 0
    while week <= vandaag:
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
    Uitgave.objects.bulk_create(
        [
            Uitgave(
                opdracht=opdracht,
                datum=start + datetime.timedelta(days=60),
                omschrijving="Zaalhuur startbijeenkomst",
                bedrag=Decimal("450"),
            ),
            Uitgave(
                opdracht=opdracht,
                datum=start + datetime.timedelta(days=120),
                omschrijving="Training ambassadeurs",
                bedrag=Decimal("1200"),
            ),
        ]
    )
    ctx.log(f"  opdracht kwartiermaker met {len(rows)} urenregistraties")
