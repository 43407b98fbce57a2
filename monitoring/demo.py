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
# (naam, soort, doeltype, bron, eenheid, waarden per half year from the programme's start)
# The first is the Deal's own count: its values are read from the portal's history.
INDICATOREN = [
    (
        "Aantal organisaties in de Deal",
        IndicatorSoort.OUTPUT,
        DoelType.PROCESDOEL,
        Bron.INTERN,
        "partners",
        None,
    ),
    (
        "Inwoners die zich thuis voelen in hun wijk",
        IndicatorSoort.OUTCOME,
        DoelType.VERANDERDOEL,
        Bron.GGD,
        "%",
        [70, 71, 71, 72, 74],
    ),
    (
        "Ervaren discriminatie (meldingen)",
        IndicatorSoort.OUTCOME,
        DoelType.VERANDERDOEL,
        Bron.DISCRIMINATIEMONITOR,
        "meldingen",
        [41, 38, 35, 36, 33],
    ),
    (
        "Deelnemers aan ontmoetingsactiviteiten",
        IndicatorSoort.OUTPUT,
        DoelType.PROCESDOEL,
        Bron.EIGEN_ONDERZOEK,
        "deelnemers",
        [60, 120, 180, 210, 240],
    ),
]
# A duiding per indicator per half year: what the number means, in the adviser's words.
DUIDINGEN = [
    [
        "De eerste partners tekenden na de startbijeenkomst; vooral maatschappelijke organisaties.",
        "Twee scholen en een woningcorporatie tekenden. Bedrijven zijn nog afwachtend.",
        "De groei komt vooral van kleine bedrijven die via ambassadeurs aanhaakten.",
        "Minder nieuwe partners dan gehoopt; de zomer en de wisseling van ambassadeurs speelden mee.",
        "Weer groei: de pijlertafels trekken nieuwe organisaties aan.",
    ],
    [
        "Nulmeting uit de gezondheidsmonitor.",
        "Een lichte stijging, binnen de meetmarge.",
        "Gelijk gebleven; in Noord iets lager. Bespreken met de klankbordgroep.",
        "Een lichte stijging; in twee wijken bleef het gelijk.",
        "De stijging zet door, vooral in de wijken met een buurttafel.",
    ],
    [
        "Nulmeting van de discriminatiemonitor.",
        "Iets minder meldingen, vooral over werk.",
        "Minder meldingen over de woningmarkt; over werk gelijk.",
        "Iets meer meldingen. Dat kan ook betekenen dat mensen het meldpunt beter weten te vinden.",
        "Weer minder meldingen; de campagne over het meldpunt liep in dit halfjaar.",
    ],
    [
        "De eerste buurttafels zijn gestart.",
        "Het taalcafé kwam erbij en trekt nieuwe bezoekers.",
        "Vier wijken hebben nu een maandelijkse ontmoeting.",
        "De taalcafés trekken nieuwe bezoekers; de opkomst bij de buurttafels is wisselend.",
        "Groei vooral bij jongeren, via de sportclubs.",
    ],
]


def _deal_partners(period) -> int:
    """Signed partners at the end of the half year, from the Deal's own dated history."""
    from django.utils import translation

    from deal.constants import Fase
    from inclusie.registry import figure

    fig = figure("deal.partners_per_stage")
    if fig is None:
        return 0
    with translation.override("nl"):
        return fig.compute(period.start, period.end).get(str(Fase.ONDERTEKEND.label), 0)


def seed(ctx) -> None:
    # Every completed half year since the programme's start is measured and frozen.
    periods = []
    period = Period.containing(ctx.begin)
    while period < Period.current():
        periods.append(period)
        period = Period(period.year, 2) if period.half == 1 else Period(period.year + 1, 1)
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
                "basiswaarde": Decimal(waarden[0]) if waarden else Decimal(0),
                "doelstelling": doelen[j % len(doelen)],
                "volgorde": j,
            },
        )
        reeks = waarden or [_deal_partners(p) for p in periods]
        for k, period in enumerate(periods):
            waarde = reeks[-len(periods) :][k] if len(reeks) >= len(periods) else reeks[k]
            Meting.objects.get_or_create(
                indicator=ind,
                periode=period.code,
                defaults={
                    "waarde": Decimal(waarde),
                    "duiding": DUIDINGEN[j][k - len(periods)],
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
