"""Fictional monitoring data: indicators, measurements with duiding, stories with consent,
a veranderverhaal per shared goal, snapshots of recent half years and a draft raadsmededeling.

Runs last (monitoring is the last app), so the snapshots include every other app's figures.
"""

from __future__ import annotations

from decimal import Decimal

from deal.models import GezamenlijkeDoelstelling
from monitoring.constants import Bron, DoelType, IndicatorSoort, Niveau, Richting, VerhaalSoort
from monitoring.models import (
    Indicator,
    Meting,
    OpenbaarAmbtsdrager,
    Raadsmededeling,
    Schakel,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period
from monitoring.services import raadsmededeling, snapshots

DOELEN = [
    (
        "Verbinden groepen in de stad",
        "Inwoners met verschillende achtergronden ontmoeten elkaar vaker en voelen zich thuis in hun wijk.",
    ),
    (
        "Delen kennis en ervaringen",
        "Organisaties leren van elkaar hoe ze inclusief werken, en passen dat toe.",
    ),
]
KETEN = {
    0: [
        (
            "Meer inwoners voelen zich welkom in buurthuizen",
            [
                (
                    "Ontmoetingen in vier wijken",
                    ["Maandelijkse buurttafel", "Taalcafé met vrijwilligers"],
                ),
            ],
        ),
    ],
    1: [
        (
            "Partners passen inclusief werven toe",
            [
                (
                    "Kennissessies voor partners",
                    ["Leersessie inclusief werven", "Intervisie HR-adviseurs"],
                ),
            ],
        ),
    ],
}
INDICATOREN = [
    (
        "Aantal organisaties in de Deal",
        IndicatorSoort.OUTPUT,
        DoelType.PROCESDOEL,
        Bron.INTERN,
        "partners",
        [14, 21, 27],
    ),
    (
        "Inwoners die zich thuis voelen in hun wijk",
        IndicatorSoort.OUTCOME,
        DoelType.VERANDERDOEL,
        Bron.GGD,
        "%",
        [71, 72, 74],
    ),
    (
        "Ervaren discriminatie (meldingen)",
        IndicatorSoort.OUTCOME,
        DoelType.VERANDERDOEL,
        Bron.DISCRIMINATIEMONITOR,
        "meldingen",
        [38, 35, 36],
    ),
    (
        "Deelnemers aan ontmoetingsactiviteiten",
        IndicatorSoort.OUTPUT,
        DoelType.PROCESDOEL,
        Bron.EIGEN_ONDERZOEK,
        "deelnemers",
        [120, 180, 240],
    ),
]
DUIDINGEN = [
    "De groei komt vooral van kleine bedrijven die via ambassadeurs aanhaakten.",
    "Een lichte stijging; in twee wijken bleef het gelijk. Bespreken met de klankbordgroep.",
    "Iets meer meldingen. Dat kan ook betekenen dat mensen het meldpunt beter weten te vinden.",
    "De taalcafés trekken nieuwe bezoekers; de opkomst bij de buurttafels is wisselend.",
]


def seed(ctx) -> None:
    now = Period.current()
    periods = [now.previous().previous().previous(), now.previous().previous(), now.previous()]
    _spread_organisations(periods)
    doelen = []
    # The Deal's demo made the shared goals of the chosen shape; hang a chain on each.
    bestaande = list(GezamenlijkeDoelstelling.objects.order_by("volgorde", "pk"))
    if not bestaande:
        bestaande = [
            GezamenlijkeDoelstelling.objects.create(titel=titel, volgorde=i, omschrijving=doel)
            for i, (titel, doel) in enumerate(DOELEN)
        ]
    for i, gd in enumerate(bestaande):
        doel = gd.omschrijving or DOELEN[i % len(DOELEN)][1]
        doelen.append(gd)
        vv, created = Veranderverhaal.objects.get_or_create(
            doelstelling=gd, defaults={"maatschappelijk_doel": doel}
        )
        if created:
            for outcome_text, outputs in KETEN[i % len(KETEN)]:
                outcome = Schakel.objects.create(
                    veranderverhaal=vv, niveau=Niveau.OUTCOME, tekst=outcome_text
                )
                for output_text, activiteiten in outputs:
                    output = Schakel.objects.create(
                        veranderverhaal=vv,
                        niveau=Niveau.OUTPUT,
                        tekst=output_text,
                        bovenliggend=outcome,
                    )
                    for a in activiteiten:
                        Schakel.objects.create(
                            veranderverhaal=vv,
                            niveau=Niveau.ACTIVITEIT,
                            tekst=a,
                            bovenliggend=output,
                        )
    for j, (naam, soort, doeltype, bron, eenheid, waarden) in enumerate(INDICATOREN):
        ind, _c = Indicator.objects.get_or_create(
            naam=naam,
            defaults={
                "soort": soort,
                "doeltype": doeltype,
                "bron": bron,
                "eenheid": eenheid,
                "richting": Richting.DALEN if "discriminatie" in naam.lower() else Richting.STIJGEN,
                "basiswaarde": Decimal(waarden[0]),
                "doelstelling": doelen[j % len(doelen)],
                "volgorde": j,
            },
        )
        for period, waarde in zip(periods, waarden, strict=True):
            Meting.objects.get_or_create(
                indicator=ind,
                periode=period.code,
                defaults={
                    "waarde": Decimal(waarde) * ctx.scale if j == 0 else Decimal(waarde),
                    "duiding": DUIDINGEN[j],
                },
            )
    Verhaal.objects.get_or_create(
        titel="Eindelijk een plek waar ik mijn Nederlands oefen",
        defaults={
            "tekst": "Bij het taalcafé durf ik te praten. Nu help ik zelf nieuwe mensen op weg.",
            "soort": VerhaalSoort.CITAAT,
            "periode": periods[-1].code,
            "indicator": Indicator.objects.get(naam=INDICATOREN[3][0]),
            "bron": "deelnemer taalcafé",
            "toestemming": True,
        },
    )
    Verhaal.objects.get_or_create(
        titel="Focusgroep jongeren Noord",
        defaults={
            "tekst": "Jongeren zeggen dat ze bij sollicitaties nog vaak vragen krijgen over hun naam.",
            "soort": VerhaalSoort.FOCUSGROEP,
            "periode": periods[-1].code,
            "bron": "focusgroep, 8 jongeren",
            "toestemming": True,
        },
    )
    wethouder = ctx.data.get("users", {}).get("wethouder")
    if wethouder is not None:
        OpenbaarAmbtsdrager.objects.get_or_create(
            naam=wethouder.naam, defaults={"functie": "wethouder"}
        )
    for period in periods:
        snapshots.snapshot_ensure(period=period)
    if not Raadsmededeling.objects.filter(periode=periods[-1].code).exists():
        raadsmededeling.raadsmededeling_draft(period=periods[-1])
    ctx.log(
        f"  {len(INDICATOREN)} indicatoren, momentopnamen {', '.join(p.code for p in periods)}, 1 concept-raadsmededeling"
    )


def _spread_organisations(periods) -> None:
    """Demo only: date the fictional organisations across the demo half years, so the
    snapshots show growth instead of everything appearing today."""
    import datetime as dt

    from django.utils import timezone

    from inclusie.models import Organisatie

    orgs = list(Organisatie.objects.order_by("pk").only("pk", "created_at"))
    if not orgs:
        return
    start = periods[0].start - dt.timedelta(days=180)
    span = (periods[-1].end - start).days - 1
    for i, org in enumerate(orgs):
        day = start + dt.timedelta(days=span * i // len(orgs))
        org.created_at = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    Organisatie.objects.bulk_update(orgs, ["created_at"], batch_size=500)
