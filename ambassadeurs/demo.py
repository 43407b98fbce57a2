"""Fictional ambassadors with activities, coaching notes and pijler seats."""

from __future__ import annotations

import datetime

from django.utils import timezone

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


def seed(ctx) -> None:
    vandaag = timezone.localdate()
    rng = ctx.rng
    users = ctx.data.get("users", {})
    aspecten = ctx.data.get("aspecten", [])
    wijken = ctx.data.get("wijken", [])
    personen = list(ctx.data.get("personen", []))[: 10 * ctx.scale]
    eigen = Persoon.objects.filter(user=users.get("ambassadeur")).first() if users else None
    if eigen is not None:
        eigen.organisatie = eigen.organisatie or (ctx.data.get("organisaties") or [None])[0]
        eigen.wijk = eigen.wijk or (wijken[0] if wijken else None)
        eigen.save()

    # Whoever the pijler seed (which runs first) gave an ambassador seat is an active
    # ambassador here too; that seed decides the seats, so a pijler it left without an
    # ambassador stays without one. Without that seed this one makes a few pijlers.
    zetelhouders = list(
        Persoon.objects.filter(pijler_lidmaatschappen__rol=Lidmaatschap.Rol.AMBASSADEUR)
        .distinct()
        .order_by("pk")
    )
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
    zetel_pks = {p.pk for p in zetelhouders}

    soorten = list(TITELS)
    activiteiten, notities, wijzigingen = [], [], []
    ambassadeurs = []
    for i, persoon in enumerate(personen):
        bestaand = Ambassadeur.objects.filter(persoon=persoon).first()
        if bestaand is not None:
            ambassadeurs.append(bestaand)
            continue
        # Most are active; a few wait for intake or stopped.
        status = (
            AmbassadeurStatus.ACTIEF
            if i == 0 or persoon.pk in zetel_pks or i % 6 not in (4, 5)
            else (AmbassadeurStatus.INTAKE if i % 6 == 4 else AmbassadeurStatus.GESTOPT)
        )
        aangemeld = vandaag - datetime.timedelta(days=300 - (i * 7) % 200)
        intake = aangemeld + datetime.timedelta(days=14)
        actief = (
            intake + datetime.timedelta(days=10) if status != AmbassadeurStatus.INTAKE else None
        )
        gestopt = (
            min(vandaag, actief + datetime.timedelta(days=90))
            if status == AmbassadeurStatus.GESTOPT
            else None
        )
        a = Ambassadeur.objects.create(
            persoon=persoon,
            status=status,
            aangemeld_op=aangemeld,
            intake_op=intake,
            actief_sinds=actief,
            gestopt_op=gestopt,
            motivatie="Ik wil dat iedereen zich welkom voelt in onze organisatie en in de wijk.",
            netwerken="Collega's, de buurtvereniging en de sportclub.",
            **{
                name: status != AmbassadeurStatus.INTAKE or j < 3
                for j, (name, _l) in enumerate(PROFIEL_CRITERIA)
            },
        )
        if aspecten:
            a.bereik.set(rng.sample(aspecten, k=min(3, len(aspecten))))
        ambassadeurs.append(a)
        wijzigingen.append(
            StatusWijziging(ambassadeur=a, status=AmbassadeurStatus.AANGEMELD, datum=aangemeld)
        )
        wijzigingen.append(
            StatusWijziging(ambassadeur=a, status=AmbassadeurStatus.INTAKE, datum=intake)
        )
        if actief:
            wijzigingen.append(
                StatusWijziging(ambassadeur=a, status=AmbassadeurStatus.ACTIEF, datum=actief)
            )
        if gestopt:
            wijzigingen.append(
                StatusWijziging(
                    ambassadeur=a,
                    status=AmbassadeurStatus.GESTOPT,
                    datum=gestopt,
                    toelichting="Nieuwe baan buiten de gemeente.",
                )
            )
        if actief:
            for k in range(3 + i % 4):
                soort = soorten[(i + k) % len(soorten)]
                datum = max(actief, vandaag - datetime.timedelta(days=rng.randint(0, 150)))
                if gestopt:
                    datum = min(datum, gestopt)
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
            notities.append(
                CoachingNotitie(
                    ambassadeur=a,
                    datum=actief + datetime.timedelta(days=30),
                    onderwerp="Kennismaking en eerste stappen",
                    notitie="We bespraken waar de ambassadeur wil beginnen en wie in de organisatie kan helpen.",
                    vervolgafspraak=vandaag + datetime.timedelta(days=14 + i % 20),
                    auteur=users.get("kwartiermaker"),
                )
            )
            if pijlers:
                Lidmaatschap.objects.get_or_create(
                    pijler=pijlers[i % len(pijlers)],
                    persoon=persoon,
                    rol=Lidmaatschap.Rol.AMBASSADEUR,
                    defaults={"sinds": actief, "organisatie": persoon.organisatie, "tot": gestopt},
                )
    StatusWijziging.objects.bulk_create(wijzigingen)
    Activiteit.objects.bulk_create(activiteiten)
    CoachingNotitie.objects.bulk_create(notities)
    ctx.data["ambassadeurs"] = ambassadeurs
    ctx.log(f"  {len(ambassadeurs)} ambassadeurs, {len(activiteiten)} activiteiten")
