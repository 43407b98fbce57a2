"""Fictional ambassadors with activities, coaching notes and pijler seats."""

from __future__ import annotations

import datetime

from ambassadeurs.constants import PROFIEL_CRITERIA, ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie, StatusWijziging
from inclusie.models import Persoon
from pijlers.models import Lidmaatschap, Pijler

TITELS = {
    ActiviteitSoort.GESPREK: [
        "Gesprek met onze directeur over werving",
        "Gesprek met HR over stageplekken",
    ],
    ActiviteitSoort.TRAINING: [
        "Training inclusief taalgebruik voor collega's",
        "Workshop over vooroordelen",
    ],
    ActiviteitSoort.BIJEENKOMST: [
        "Buurtmaaltijd in het wijkcentrum",
        "Open middag voor nieuwe buren",
    ],
    ActiviteitSoort.SAMENWERKING: [
        "Afspraak met de bibliotheek over een taalcafé",
        "Samen met de sportclub een open dag",
    ],
    ActiviteitSoort.COMMUNICATIE: [
        "Stuk in de nieuwsbrief over inclusie",
        "Berichten op intranet over de Deal",
    ],
    ActiviteitSoort.BELEID: [
        "Vacatureteksten laten nalopen",
        "Voorstel voor een divers selectieteam",
    ],
    ActiviteitSoort.OVERIG: ["Folder vertaald in eenvoudige taal"],
}
DEMO_PIJLERS = [("Werk", "werk"), ("Onderwijs", "onderwijs"), ("Wonen en wijk", "wonen-en-wijk")]


# What an ambassador reaches, in the diversity aspects' words: coherent profiles
# (a taalcafé ambassador reaches language and background, not a random three).
BEREIK = [
    ("Taal en geletterdheid", "Sociaal-culturele achtergrond"),
    ("Beperking", "Leeftijd"),
    ("Gender en sekse", "Gezinssituatie"),
    ("Opleiding", "Inkomen"),
    ("Leeftijd", "Woonsituatie"),
    ("Sociaal-culturele achtergrond", "Huidskleur", "Opleiding"),
]
DAG = datetime.timedelta(days=1)


def _levensloop(ctx, i: int, zetel: tuple | None) -> list[tuple[str, datetime.date, str]]:
    """Dated status steps of one ambassador on the programme's timeline."""
    S = AmbassadeurStatus
    if zetel is not None:
        sinds, tot = zetel
        actief = max(ctx.begin, sinds - 10 * DAG)
        steps = [
            (S.AANGEMELD, actief - 30 * DAG, ""),
            (S.INTAKE, actief - 15 * DAG, ""),
            (S.ACTIEF, actief, ""),
        ]
        if tot is not None:
            steps.append((S.GESTOPT, tot, "Nieuwe baan buiten de gemeente."))
        return steps
    patroon = i % 6
    if patroon == 4:  # recently signed up, intake under way
        aangemeld = ctx.dag(0.9 + 0.015 * (i % 5))
        return [(S.AANGEMELD, aangemeld, ""), (S.INTAKE, aangemeld + 12 * DAG, "")]
    aangemeld = ctx.dag(0.08 + ctx.rng.random() * 0.7)
    actief = aangemeld + (20 + i % 15) * DAG
    steps = [
        (S.AANGEMELD, aangemeld, ""),
        (S.INTAKE, aangemeld + 10 * DAG, ""),
        (S.ACTIEF, actief, ""),
    ]
    if patroon == 5:  # stopped after a while; every other one came back later
        gestopt = min(ctx.today, actief + (150 + 20 * (i % 7)) * DAG)
        steps.append((S.GESTOPT, gestopt, "Even geen tijd naast werk en gezin."))
        terug = gestopt + 120 * DAG
        if i % 12 == 11 and terug + 20 * DAG < ctx.today:
            steps += [(S.INTAKE, terug, "Wil weer meedoen."), (S.ACTIEF, terug + 20 * DAG, "")]
    return [(status, min(day, ctx.today), note) for status, day, note in steps]


def _actieve_perioden(steps) -> list[tuple[datetime.date, datetime.date]]:
    perioden, sinds = [], None
    for status, day, _note in steps:
        if status == AmbassadeurStatus.ACTIEF:
            sinds = day
        elif sinds is not None:
            perioden.append((sinds, day))
            sinds = None
    if sinds is not None:
        perioden.append((sinds, None))
    return perioden


def seed(ctx) -> None:
    vandaag = ctx.today
    rng = ctx.rng
    users = ctx.data.get("users", {})
    aspecten = {a.naam: a for a in ctx.data.get("aspecten", [])}
    wijken = ctx.data.get("wijken", [])
    personen = list(ctx.data.get("personen", []))[: 10 * ctx.scale]
    eigen = Persoon.objects.filter(user=users.get("ambassadeur")).first() if users else None
    if eigen is not None:
        eigen.organisatie = eigen.organisatie or (ctx.data.get("organisaties") or [None])[0]
        eigen.wijk = eigen.wijk or (wijken[0] if wijken else None)
        eigen.save()

    # Whoever the pijler seed (which runs first) gave an ambassador seat is an ambassador
    # here too, active from their seat's start and stopped when their last seat ended;
    # that seed decides the seats, so a pijler it left without an ambassador stays
    # without one. Without that seed this one makes a few pijlers.
    zetels: dict[int, tuple] = {}
    for persoon_id, sinds, tot in Lidmaatschap.objects.filter(
        rol=Lidmaatschap.Rol.AMBASSADEUR
    ).values_list("persoon_id", "sinds", "tot"):
        sinds = sinds or ctx.begin
        oud = zetels.get(persoon_id)
        if oud is None:
            zetels[persoon_id] = (sinds, tot)
        else:
            open_ = oud[1] is None or tot is None
            zetels[persoon_id] = (min(oud[0], sinds), None if open_ else max(oud[1], tot))
    zetelhouders = list(Persoon.objects.filter(pk__in=zetels).order_by("pk"))
    pijlers: list[Pijler] = []
    if not Pijler.objects.exists():
        pijlers = [
            Pijler.objects.get_or_create(slug=slug, defaults={"naam": naam, "volgorde": i})[0]
            for i, (naam, slug) in enumerate(DEMO_PIJLERS)
        ]
    gezien: set[int] = set()
    personen = [
        p
        for p in [*([eigen] if eigen else []), *zetelhouders, *personen]
        if not (p.pk in gezien or gezien.add(p.pk))
    ]

    soorten = list(TITELS)
    activiteiten, notities, wijzigingen = [], [], []
    ambassadeurs = []
    for i, persoon in enumerate(personen):
        bestaand = Ambassadeur.objects.filter(persoon=persoon).first()
        if bestaand is not None:
            ambassadeurs.append(bestaand)
            continue
        steps = _levensloop(ctx, i, zetels.get(persoon.pk))
        status = steps[-1][0]
        perioden = _actieve_perioden(steps)
        actief_sinds = perioden[-1][0] if perioden else None
        a = Ambassadeur.objects.create(
            persoon=persoon,
            status=status,
            aangemeld_op=steps[0][1],
            intake_op=next(d for s, d, _n in steps if s == AmbassadeurStatus.INTAKE),
            actief_sinds=actief_sinds,
            gestopt_op=steps[-1][1] if status == AmbassadeurStatus.GESTOPT else None,
            motivatie="Ik wil dat iedereen zich welkom voelt in onze organisatie en in de wijk.",
            netwerken="Collega's, de buurtvereniging en de sportclub.",
            **{
                name: status != AmbassadeurStatus.INTAKE or j < 3
                for j, (name, _l) in enumerate(PROFIEL_CRITERIA)
            },
        )
        bereik = [aspecten[n] for n in BEREIK[i % len(BEREIK)] if n in aspecten]
        if bereik:
            a.bereik.set(bereik)
        ambassadeurs.append(a)
        wijzigingen += [
            StatusWijziging(ambassadeur=a, status=s, datum=d, toelichting=note)
            for s, d, note in steps
        ]
        # Activities through every active stretch: roughly one every five to eight weeks.
        k = 0
        for sinds, tot in perioden:
            datum = sinds + (10 + i % 20) * DAG
            einde = tot or vandaag
            while datum <= einde:
                soort = soorten[(i + k) % len(soorten)]
                activiteiten.append(
                    Activiteit(
                        ambassadeur=a,
                        datum=datum,
                        soort=soort,
                        titel=TITELS[soort][k % len(TITELS[soort])],
                        wijk=wijken[(i + k) % len(wijken)] if wijken else None,
                        aantal_bereikt=rng.choice([None, 5, 12, 25, 40]),
                        vastgelegd_door=users.get("ambassadeur")
                        if persoon == eigen
                        else users.get("kwartiermaker"),
                    )
                )
                k += 1
                datum += rng.randint(35, 56) * DAG
            notities.append(
                CoachingNotitie(
                    ambassadeur=a,
                    datum=min(vandaag, sinds + 30 * DAG),
                    onderwerp="Kennismaking en eerste stappen",
                    notitie="We bespraken waar de ambassadeur wil beginnen en wie in de organisatie kan helpen.",
                    vervolgafspraak=vandaag + (14 + i % 20) * DAG if tot is None else None,
                    auteur=users.get("kwartiermaker"),
                )
            )
        if perioden and pijlers:
            sinds, tot = perioden[-1]
            Lidmaatschap.objects.get_or_create(
                pijler=pijlers[i % len(pijlers)],
                persoon=persoon,
                rol=Lidmaatschap.Rol.AMBASSADEUR,
                defaults={"sinds": sinds, "organisatie": persoon.organisatie, "tot": tot},
            )
    StatusWijziging.objects.bulk_create(wijzigingen)
    Activiteit.objects.bulk_create(activiteiten)
    CoachingNotitie.objects.bulk_create(notities)
    ctx.data["ambassadeurs"] = ambassadeurs
    ctx.log(f"  {len(ambassadeurs)} ambassadeurs, {len(activiteiten)} activiteiten")
