"""Demo data for the stappenplan and the verkenning (fictional).

The questionnaires and steps themselves are content loaded by migration 0005;
this only fills in verkenningen, step statuses, a werkgroep and activities.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from inclusie.constants import Levensdomein, Role
from inclusie.models import DiversiteitsAspect, User
from stappenplan import services
from stappenplan.models import (
    Antwoord,
    ParticipatieActiviteit,
    Stap,
    StapActie,
    StapGebeurtenis,
    Verkenning,
    Vraag,
    Vragenlijst,
    Werkgroep,
    WerkgroepLid,
)

ANTWOORDEN = [
    "We hebben hier al over gesproken met het team Werk en Inkomen.",
    "Er is steun in de raad; een motie uit vorig jaar vraagt om een plan.",
    "Het buurthuis en de bibliotheek zijn belangrijke partners.",
    "Nog onduidelijk; we vragen het na bij de wijkteams.",
]
# Each step's dated status changes, as fractions of the programme's timeline; the
# last one is the step's status today (the figures read the history).
STATUSSEN = {
    "verkenning": [(0.05, Stap.Status.BEZIG)],
    "agenderen": [(0.3, Stap.Status.BEZIG), (0.5, Stap.Status.DOORLOPEND)],
    "visie": [(0.75, Stap.Status.BEZIG)],
    "uitvoeren": [],
    "evalueren": [],
    "vlechtwerk": [(0.2, Stap.Status.BEZIG), (0.5, Stap.Status.DOORLOPEND)],
    "werkgroep": [(0.3, Stap.Status.BEZIG)],
    "participatie": [(0.25, Stap.Status.BEZIG)],
}


ONDERWERPEN = [
    "het armoedebeleid",
    "een toegankelijk stadhuis",
    "brieven in eenvoudige taal",
    "sport in de wijk",
    "stages en werk voor jongeren",
    "eenzaamheid onder ouderen",
    "het meldpunt discriminatie",
    "ontmoeten in de buurt",
    "de Week van de Inclusie",
    "informatie over schoolkeuze",
    "wonen en woningzoekenden",
]


def _fill(verkenning: Verkenning, door: User, fraction: float, rng) -> None:
    vragen = list(
        Vraag.objects.filter(deel__vragenlijst=verkenning.vragenlijst, soort="open").order_by(
            "deel__nummer", "volgorde"
        )
    )
    for i, vraag in enumerate(vragen[: int(len(vragen) * fraction)]):
        skip = i % 7 == 6
        Antwoord.objects.update_or_create(
            verkenning=verkenning,
            vraag=vraag,
            defaults={
                "tekst": "" if skip else rng.choice(ANTWOORDEN),
                "overgeslagen": skip,
                "tip": "Navragen bij de collega's van het wijkteam." if skip else "",
                "versie": 1,
                "gewijzigd_door": door,
            },
        )


def seed(ctx) -> None:
    # Content normally comes from migration 0005; a flushed test database lacks it.
    from django.apps import apps

    from stappenplan.vragenlijsten import load_vragenlijsten

    load_vragenlijsten(apps)
    users = ctx.data.get("users", {})
    adviseur = (
        users.get("beleidsadviseur") or User.objects.filter(role=Role.BELEIDSADVISEUR).first()
    )
    if adviseur is None:
        return
    collega = users.get("beleidsadviseur2") or (
        User.objects.filter(role=Role.BELEIDSADVISEUR).exclude(pk=adviseur.pk).first()
    )
    if collega is None:
        return

    bijlage1 = Vragenlijst.objects.filter(code="bijlage-1", actief=True).first()
    foto = Vragenlijst.objects.filter(code="foto-per-speerpunt", actief=True).first()
    jaar = timezone.localdate().year
    wijken = ctx.data.get("wijken", [])
    verkenningen = []
    plan = [
        (
            bijlage1,
            f"Verkenning werk en inkomen {jaar - 1}",
            jaar - 1,
            Levensdomein.WERK_INKOMEN,
            1.0,
            True,
        ),
        (
            bijlage1,
            f"Verkenning werk en inkomen {jaar}",
            jaar,
            Levensdomein.WERK_INKOMEN,
            0.5,
            False,
        ),
        (bijlage1, f"Verkenning vrije tijd {jaar}", jaar, Levensdomein.VRIJE_TIJD, 0.3, False),
        (foto, f"Foto speerpunt taal {jaar}", jaar, "", 0.6, False),
    ]
    for n in range(ctx.scale - 1):
        plan.append(
            (bijlage1, f"Verkenning thuis {jaar} ({n + 2})", jaar, Levensdomein.THUIS, 0.4, False)
        )
    for i, (vragenlijst, titel, j, domein, fraction, submit) in enumerate(plan):
        if vragenlijst is None:
            continue
        bestaand = Verkenning.objects.filter(titel=titel).first()
        if bestaand:
            verkenningen.append(bestaand)
            continue
        verkenning = services.verkenning_create(
            vragenlijst=vragenlijst,
            titel=titel,
            jaar=j,
            levensdomein=domein,
            wijk=wijken[i % len(wijken)] if wijken and i % 2 else None,
            eigenaar=adviseur,
            gedeeld_met=[collega] if i < 2 else [],
            notify=False,  # demo data mails no one
        )
        _fill(verkenning, adviseur, fraction, ctx.rng)
        if submit:
            services.verkenning_submit(verkenning=verkenning, by=adviseur)
            # Submitted in the autumn of its year (the demo runs today).
            ingediend = timezone.make_aware(
                datetime.datetime.combine(
                    ctx.werkdag(max(ctx.begin, datetime.date(j, 10, 15))), datetime.time(11)
                )
            )
            Verkenning.objects.filter(pk=verkenning.pk).update(ingediend_op=ingediend)
        verkenningen.append(verkenning)

    stappen = {s.code: s for s in Stap.objects.filter(code__in=STATUSSEN)}
    gebeurtenissen = []
    for code, verloop in STATUSSEN.items():
        stap = stappen.get(code)
        if stap is None or stap.gebeurtenissen.exists():
            continue
        vorige = Stap.Status.NIET_GESTART
        for fraction, status in verloop:
            gebeurtenissen.append(
                StapGebeurtenis(
                    stap=stap,
                    status=status,
                    door=adviseur,
                    op=timezone.make_aware(
                        datetime.datetime.combine(ctx.werkdag(ctx.dag(fraction)), datetime.time(9))
                    ),
                    tekst=f"Status gewijzigd van '{vorige.label}' naar '{status.label}'.",
                )
            )
            vorige = status
        Stap.objects.filter(pk=stap.pk).update(status=vorige)
    StapGebeurtenis.objects.bulk_create(gebeurtenissen)
    stap1 = Stap.objects.filter(code="verkenning").first()
    if stap1 and verkenningen:
        Stap.objects.filter(pk=stap1.pk).update(verkenning=verkenningen[0])
        if not stap1.acties.exists():
            StapActie.objects.create(
                stap=stap1,
                omschrijving="Verkenning vrije tijd afmaken met het team Sport",
                deadline=timezone.localdate() + datetime.timedelta(days=21),
            )

    aspecten = list(DiversiteitsAspect.objects.order_by("volgorde"))
    personen = ctx.data.get("personen", [])
    werkgroep, _ = Werkgroep.objects.get_or_create(
        naam="Werkgroep inclusief beleid",
        defaults={
            "doel": Werkgroep.Doel.AANJAGEN,
            "omschrijving": "Aanjagers uit zes domeinen; we komen elke zes weken bij elkaar.",
        },
    )
    domeinen = ["Werk en inkomen", "Onderwijs", "Wonen", "Zorg", "Sport", "Communicatie", "HR"]
    for i, persoon in enumerate(personen[:7]):
        lid, created = WerkgroepLid.objects.get_or_create(
            werkgroep=werkgroep,
            persoon=persoon,
            defaults={"domein": domeinen[i % len(domeinen)], "rol": "aanjager"},
        )
        if created and aspecten:
            lid.kennis.set(aspecten[i % 5 : i % 5 + 2])

    soorten = list(ParticipatieActiviteit.Soort)
    aantal = 10 * ctx.scale
    for i in range(aantal):
        onderwerp = ONDERWERPEN[i % len(ONDERWERPEN)]
        titel = f"{soorten[i % len(soorten)].label} over {onderwerp}"
        if i >= len(ONDERWERPEN):
            titel = f"{titel} ({i // len(ONDERWERPEN) + 1})"
        activiteit, created = ParticipatieActiviteit.objects.get_or_create(
            titel=titel,
            defaults={
                "soort": soorten[i % len(soorten)],
                # Participation started once the step did, and grew since.
                "datum": ctx.werkdag(ctx.dag(0.25 + 0.74 * i / aantal)),
                "wijk": wijken[i % len(wijken)] if wijken else None,
                "deelnemers": 8 + (i * 7) % 40,
                "geleerd": "Inwoners willen vaker persoonlijk contact en minder formulieren.",
                "stap": Stap.objects.filter(code="participatie").first(),
            },
        )
        if created and aspecten:
            # Whom it reached: a coherent pair of aspects, not a random three.
            paren = [
                ("Leeftijd", "Woonsituatie"),
                ("Taal en geletterdheid", "Sociaal-culturele achtergrond"),
                ("Beperking", "Leeftijd"),
                ("Inkomen", "Gezinssituatie"),
                ("Opleiding", "Sociaal-culturele achtergrond"),
            ]
            per_naam = {a.naam: a for a in aspecten}
            activiteit.bereikt.set([per_naam[n] for n in paren[i % len(paren)] if n in per_naam])
    ctx.log(
        f"  {len(verkenningen)} verkenningen, werkgroep met {werkgroep.leden.count()} leden, "
        f"{ParticipatieActiviteit.objects.count()} participatieactiviteiten"
    )
