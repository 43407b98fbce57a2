"""Fictional klankbordgroep, adviezen, signals; and the kwartiermaker's assignment."""

from __future__ import annotations

import datetime

from inclusie.models import Persoon
from klankbord.constants import (
    AdviesSoort,
    AdviesUitkomst,
    KlankbordRol,
    SignaalBron,
    SignaalStatus,
    SignaalThema,
)
from klankbord.models import Advies, KlankbordLid, Signaal

# Aspects nobody in the demo group covers, so "Wie ontbreekt?" has something to show.
NIET_GEDEKT = {"Taal en geletterdheid", "Woonsituatie"}

ADVIEZEN = [
    ("Toegankelijkheid van het stadhuis", "Huisvestingsplan stadhuis", AdviesUitkomst.OVERGENOMEN),
    ("Inclusieve wervingsteksten gemeente", "HR-visie", AdviesUitkomst.DEELS),
    ("Subsidieregeling buurtinitiatieven", "Subsidieverordening welzijn", AdviesUitkomst.NIET),
    ("Eenvoudige taal in brieven", "Communicatiebeleid", AdviesUitkomst.OVERGENOMEN),
    ("Meldpunt discriminatie beter bekend maken", "Antidiscriminatiebeleid", AdviesUitkomst.OPEN),
    ("Sportaanbod voor ouderen in de wijk", "Sportbeleid", AdviesUitkomst.OPEN),
    (
        "Gebedsruimte en stilteruimte in het stadskantoor",
        "Huisvestingsplan stadhuis",
        AdviesUitkomst.DEELS,
    ),
    ("Tolken bij het wijkspreekuur", "Dienstverleningsconcept", AdviesUitkomst.OVERGENOMEN),
    ("Inclusie als voorwaarde bij subsidies", "Subsidieverordening welzijn", AdviesUitkomst.DEELS),
    (
        "Beeldmateriaal in campagnes van de gemeente",
        "Communicatiebeleid",
        AdviesUitkomst.OVERGENOMEN,
    ),
    ("Stageplekken bij de gemeente voor statushouders", "HR-visie", AdviesUitkomst.NIET),
    ("Toegankelijke stembureaus", "Verkiezingen", AdviesUitkomst.OVERGENOMEN),
]
SIGNALEN = [
    ("Jongeren voelen zich niet welkom in het buurthuis", SignaalThema.VRIJE_TIJD),
    ("Brieven van de gemeente zijn moeilijk te lezen", SignaalThema.COMMUNICATIE),
    ("Stageplekken lastig te vinden voor studenten met een beperking", SignaalThema.WERK_INKOMEN),
    ("Bushalte niet toegankelijk met rolstoel", SignaalThema.TOEGANKELIJKHEID),
    ("Ouders missen informatie over schoolkeuze", SignaalThema.ONDERWIJS),
    ("Opmerkingen bij sollicitaties over naam", SignaalThema.DISCRIMINATIE),
    ("Eenzaamheid onder ouderen in de flat", SignaalThema.ZORG_WELZIJN),
    ("Woningzoekenden weten niet waar ze terecht kunnen", SignaalThema.WONEN),
]
# The diversity aspect each signal is about (tags that make sense for the signal).
SIGNAAL_ASPECT = {
    "Jongeren voelen zich niet welkom in het buurthuis": "Leeftijd",
    "Brieven van de gemeente zijn moeilijk te lezen": "Taal en geletterdheid",
    "Stageplekken lastig te vinden voor studenten met een beperking": "Beperking",
    "Bushalte niet toegankelijk met rolstoel": "Beperking",
    "Ouders missen informatie over schoolkeuze": "Gezinssituatie",
    "Opmerkingen bij sollicitaties over naam": "Sociaal-culturele achtergrond",
    "Eenzaamheid onder ouderen in de flat": "Leeftijd",
    "Woningzoekenden weten niet waar ze terecht kunnen": "Woonsituatie",
}


def seed(ctx) -> None:
    vandaag = ctx.today
    rng = ctx.rng
    users = ctx.data.get("users", {})
    aspecten = [a for a in ctx.data.get("aspecten", []) if a.naam not in NIET_GEDEKT]
    wijken = ctx.data.get("wijken", [])
    personen = list(ctx.data.get("personen", []))

    if not KlankbordLid.objects.exists():
        leden = personen[-6:]
        eigen = Persoon.objects.filter(user=users.get("klankbordlid")).first()
        if eigen is not None:
            leden = [eigen, *leden[:5]]
        # The klankbordgroep was formed in the programme's first half year; one member left
        # after a year and a successor joined.
        start = ctx.dag(0.1)
        for i, persoon in enumerate(leden):
            lid = KlankbordLid.objects.create(
                persoon=persoon,
                rol=KlankbordRol.VOORZITTER if i == 1 else KlankbordRol.LID,
                van=start,
                gemeenschappen="Buurtnetwerken en verenigingen in de stad.",
            )
            if aspecten:
                lid.kennis.set(aspecten[(2 * i) % len(aspecten) :][:2] or aspecten[:2])
                lid.bereik.set([aspecten[(2 * i + 1) % len(aspecten)]])
        adviseur = Persoon.objects.filter(user=users.get("beleidsadviseur")).first()
        if adviseur is not None:
            KlankbordLid.objects.create(persoon=adviseur, rol=KlankbordRol.ADVISEUR_DI, van=start)
        # A former member, so the history shows.
        if len(personen) > 7:
            KlankbordLid.objects.create(
                persoon=personen[-7],
                rol=KlankbordRol.LID,
                van=start,
                tot=ctx.dag(0.45),
            )

    if not Advies.objects.exists():
        adviezen = []
        # Two to three adviezen a half year from the klankbordgroep's start; the gemeente
        # answers most on time, some late; the last ones still wait for an answer.
        aantal = max(len(ADVIEZEN), 12) * ctx.scale
        for i in range(aantal):
            onderwerp, beleid, uitkomst = ADVIEZEN[i % len(ADVIEZEN)]
            datum = ctx.werkdag(ctx.dag(0.15 + 0.8 * i / aantal))
            if i == aantal - 1:
                datum = vandaag - datetime.timedelta(days=10)  # just given; answer not due yet
            uiterlijk = datum + datetime.timedelta(days=42)
            reactie = None
            if i >= aantal - 2:
                # The last two wait for an answer; the older of them is overdue by now.
                uitkomst = AdviesUitkomst.OPEN
            elif uitkomst == AdviesUitkomst.OPEN:
                uitkomst = AdviesUitkomst.OVERGENOMEN
            if uitkomst != AdviesUitkomst.OPEN:
                reactie = min(
                    vandaag, uiterlijk + datetime.timedelta(days=rng.choice([-20, -5, 0, 10]))
                )
            adviezen.append(
                Advies(
                    onderwerp=onderwerp if i < len(ADVIEZEN) else f"{onderwerp} ({i + 1})",
                    soort=AdviesSoort.GEVRAAGD if i % 3 else AdviesSoort.ONGEVRAAGD,
                    datum=datum,
                    beleid=beleid,
                    tekst="De klankbordgroep adviseert om inwoners vroeg te betrekken en de uitkomst terug te koppelen.",
                    reactie_uiterlijk=uiterlijk,
                    reactie_datum=reactie,
                    reactie="De gemeente dankt de klankbordgroep voor het advies."
                    if reactie
                    else "",
                    uitkomst=uitkomst,
                    motivatie="Past niet binnen het budget van dit jaar."
                    if uitkomst in (AdviesUitkomst.DEELS, AdviesUitkomst.NIET)
                    else "",
                    vastgelegd_door=users.get("kwartiermaker"),
                )
            )
        Advies.objects.bulk_create(adviezen)

    if not Signaal.objects.exists():
        melders = [
            users.get(n) for n in ("kwartiermaker", "klankbordlid", "ambassadeur") if users.get(n)
        ]
        bronnen = list(SignaalBron.values)
        statussen = list(SignaalStatus.values)
        signalen = []
        for i in range(25 * ctx.scale):
            titel, thema = SIGNALEN[i % len(SIGNALEN)]
            signalen.append(
                Signaal(
                    titel=titel,
                    omschrijving="Gehoord tijdens een gesprek in de wijk.",
                    datum=ctx.dag(0.12 + 0.88 * ((i * 7) % (25 * ctx.scale)) / (25 * ctx.scale)),
                    thema=thema,
                    wijk=wijken[i % len(wijken)] if wijken else None,
                    bron=bronnen[i % len(bronnen)],
                    status=statussen[i % len(statussen)],
                    opvolging="Besproken met de beleidsadviseur." if i % 4 == 2 else "",
                    gemeld_door=melders[i % len(melders)] if melders else None,
                )
            )
        created = Signaal.objects.bulk_create(signalen)
        per_naam = {a.naam: a for a in ctx.data.get("aspecten", [])}
        through = Signaal.aspecten.through
        through.objects.bulk_create(
            [
                through(signaal_id=s.pk, diversiteitsaspect_id=per_naam[naam].pk)
                for s in created
                if (naam := SIGNAAL_ASPECT.get(s.titel)) in per_naam
            ]
        )
    ctx.log(
        f"  klankbord {KlankbordLid.objects.count()} zetels, {Advies.objects.count()} adviezen, "
        f"{Signaal.objects.count()} signalen"
    )
