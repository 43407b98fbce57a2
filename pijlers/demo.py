"""Fictional pijlers (or speerpunten / uitvoeringslijnen) in the three shapes."""

from __future__ import annotations

import datetime

from django.utils.text import slugify

from inclusie.demo import spread_created
from inclusie.models import Persoon
from pijlers.constants import GemeenteRol
from pijlers.models import Lidmaatschap, Pijler

R = GemeenteRol
# (naam, beschrijving, eigenaar, gemeente_rol)
SHAPES = {
    "deventer": [
        ("Werk", "Iedereen krijgt een eerlijke kans op werk en een inclusieve werkvloer.", "", ""),
        ("Onderwijs", "Scholen en opleidingen waar iedereen zich welkom voelt.", "", ""),
        ("Wonen en wijk", "Buurten waar mensen elkaar kennen en ontmoeten.", "", ""),
        ("Sport en cultuur", "Meedoen aan sport en cultuur, voor iedereen.", "", ""),
        ("Zorg en welzijn", "Zorg en ondersteuning die aansluiten bij wie je bent.", "", ""),
    ],
    "arnhem": [
        (
            "Toegankelijkheid",
            "Een eigen norm voor toegankelijkheid ontwikkelen en toepassen.",
            "Stedelijke ontwikkeling",
            R.SAMENWERKEN,
        ),
        (
            "Gemeentelijke communicatie",
            "Communicatie die iedereen begrijpt.",
            "Communicatie",
            R.STUREN,
        ),
        (
            "Werk",
            "Meer mensen met een migratieachtergrond aan het werk.",
            "Doorbraak naar Werk",
            R.SAMENWERKEN,
        ),
        (
            "Taal",
            "Betere beheersing van de Nederlandse taal.",
            "Onderwijs en laaggeletterdheid",
            R.STIMULEREN,
        ),
        (
            "Zorg dichterbij",
            "Betere toegang tot sociale voorzieningen.",
            "Zorg dichterbij",
            R.SAMENWERKEN,
        ),
        (
            "Seksuele diversiteit",
            "Acceptatie van seksuele diversiteit bevorderen.",
            "Welzijn en integratie",
            R.STIMULEREN,
        ),
        (
            "Discriminatie",
            "Discriminatie en uitsluiting bestrijden.",
            "Welzijn en integratie",
            R.STIMULEREN,
        ),
        ("Divers personeel", "Diversiteit onder het eigen personeel bevorderen.", "P&O", R.STUREN),
    ],
    "dordrecht": [
        ("Als werkgever", "Diversiteit en inclusie in de eigen organisatie.", "P&O", R.STUREN),
        (
            "Als opdrachtgever en subsidieverlener",
            "Inclusie als voorwaarde bij inkoop en subsidie.",
            "Inkoop en subsidies",
            R.SAMENWERKEN,
        ),
        (
            "Als aanjager en facilitator in de samenleving",
            "Een toegankelijke stad en een inclusieve gemeenschap.",
            "Maatschappelijke ontwikkeling",
            R.STIMULEREN,
        ),
    ],
}
AMBITIES = (
    "Over vier jaar is dit thema vanzelfsprekend bij alle deelnemers.",
    "Elke deelnemer neemt één concrete actie per jaar en deelt de resultaten aan tafel.",
    "Goede voorbeelden uit de wijken en van elkaars aanpak.",
    "Tijd van de trekkers, een vaste plek om elkaar te ontmoeten en wat budget.",
)


def seed(ctx) -> None:
    pijlers = []
    for i, (naam, beschrijving, eigenaar, rol) in enumerate(SHAPES[ctx.shape]):
        pijler, _created = Pijler.objects.update_or_create(
            slug=slugify(naam)[:80],
            defaults={
                "naam": naam,
                "beschrijving": beschrijving,
                "eigenaar": eigenaar,
                "gemeente_rol": rol,
                "volgorde": i,
                "ambitie_wat": AMBITIES[0],
                "ambitie_hoe": AMBITIES[1],
                "ambitie_leren": AMBITIES[2],
                "ambitie_nodig": AMBITIES[3] if i % 2 == 0 else "",
            },
        )
        pijlers.append(pijler)
    ctx.data["pijlers"] = pijlers

    personen = ctx.data.get("personen") or list(Persoon.objects.order_by("pk")[:40])
    users = ctx.data.get("users", {})
    eigen = {
        username: Persoon.objects.filter(user=user).first() for username, user in users.items()
    }
    leden = []
    for i, pijler in enumerate(pijlers):
        # The pijlers started one after another in the programme's first half year.
        start = ctx.dag(0.03 + 0.04 * i)
        ambassadeur = (eigen.get("ambassadeur") if i == 0 else None) or personen[
            (i * 5) % len(personen)
        ]
        if i == len(pijlers) - 1:
            # The last pijler lost its ambassador a year ago and found no successor yet,
            # so the warning shows in the recent half years and not in the early ones.
            leden.append((pijler, ambassadeur, Lidmaatschap.Rol.AMBASSADEUR, start, ctx.dag(0.55)))
        elif i == 1 and len(pijlers) > 2:
            # A handover: the first ambassador stopped, a successor took the seat later.
            leden.append((pijler, ambassadeur, Lidmaatschap.Rol.AMBASSADEUR, start, ctx.dag(0.4)))
            opvolger = personen[(i * 5 + 17) % len(personen)]
            leden.append((pijler, opvolger, Lidmaatschap.Rol.AMBASSADEUR, ctx.dag(0.46), None))
        elif ambassadeur:
            leden.append((pijler, ambassadeur, Lidmaatschap.Rol.AMBASSADEUR, start, None))
        if eigen.get("kwartiermaker"):
            leden.append(
                (pijler, eigen["kwartiermaker"], Lidmaatschap.Rol.KWARTIERMAKER, start, None)
            )
        for j in range(2 + ctx.scale):
            persoon = personen[(i * 7 + j * 3 + 1) % len(personen)]
            rol = Lidmaatschap.Rol.TREKKER if j == 0 else Lidmaatschap.Rol.PARTNER
            # Partners join the table over time.
            leden.append((pijler, persoon, rol, start + datetime.timedelta(days=j * 75), None))
        if ctx.shape == "arnhem":
            leden.append(
                (
                    pijler,
                    personen[(i * 11 + 2) % len(personen)],
                    Lidmaatschap.Rol.GEMEENTE,
                    start,
                    None,
                )
            )
            leden.append(
                (
                    pijler,
                    personen[(i * 13 + 4) % len(personen)],
                    Lidmaatschap.Rol.WIJKTEAM,
                    start,
                    None,
                )
            )
    for pijler, persoon, rol, sinds, tot in leden:
        Lidmaatschap.objects.get_or_create(
            pijler=pijler,
            persoon=persoon,
            rol=rol,
            defaults={"organisatie": persoon.organisatie, "sinds": sinds, "tot": tot},
        )
    # The pijlers exist since the programme's start.
    spread_created(Pijler, pijlers, [ctx.dag(0.03 + 0.04 * i) for i in range(len(pijlers))])
    ctx.log(f"  {len(pijlers)} {ctx.shape}-{'pijlers'}, {len(leden)} lidmaatschappen")
