"""Fictional Deal data: shared goals, ~40 partners per scale across the stages,
commitments of both kinds with progress, contact moments, initiatives and knowledge.
"""

from __future__ import annotations

import datetime

from deal.constants import (
    ROUTE,
    ContactSoort,
    Fase,
    InitiatiefStatus,
    KennisSoort,
    Thema,
    ToezeggingSoort,
    ToezeggingStatus,
)
from deal.models import (
    Contactmoment,
    FaseWijziging,
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    ToezeggingStatusWijziging,
    Voortgang,
)
from inclusie.constants import Grootte, Sector
from inclusie.demo import spread_created
from inclusie.models import Organisatie

DOELEN = {
    "deventer": [
        (
            "Verbinden groepen in de stad",
            "Inwoners, groepen en initiatieven staan met elkaar in verbinding en versterken elkaar.",
        ),
        (
            "Delen kennis en ervaringen",
            "Organisaties leren van elkaar wat het betekent om inclusief te zijn.",
        ),
    ],
    "arnhem": [
        (
            "Iedereen doet gelijkwaardig mee",
            "Iedereen kan op gelijkwaardige wijze en in vrijheid deelnemen aan de samenleving.",
        ),
        (
            "Samen leven in vertrouwen",
            "Gemeenschappelijkheid en wederzijds vertrouwen tussen alle inwoners.",
        ),
    ],
    "dordrecht": [
        ("Vergroten sociale cohesie", "Door bonding en bridging: meer contact tussen inwoners."),
        (
            "Iedereen doet mee",
            "Door buiten naar binnen te halen, oog te hebben voor verschillen en toegankelijkheid te verbeteren.",
        ),
        ("Afspiegeling van de samenleving", "Door follow-up van het Charter Diversiteit."),
    ],
}
EXTRA_ORGS = [
    ("Installatiebedrijf", Sector.BEDRIJF),
    ("Drukkerij", Sector.BEDRIJF),
    ("Hogeschool", Sector.ONDERWIJS),
    ("Kinderopvang", Sector.ONDERWIJS),
    ("Thuiszorg", Sector.ZORG_WELZIJN),
    ("Theater", Sector.CULTUUR_SPORT),
    ("Voetbalclub", Sector.CULTUUR_SPORT),
    ("Buurtcoöperatie", Sector.MAATSCHAPPELIJK),
    ("Vluchtelingenwerk", Sector.MAATSCHAPPELIJK),
    ("Waterschap", Sector.OVERHEID),
]
EXTRA_NAMEN = ["Zonnewijzer", "De Wending", "Het Kruispunt", "Lichtpunt", "De Vlonder"]
TOEZEGGINGEN_STAD = [
    "Wij organiseren twee keer per jaar een ontmoeting voor buurtbewoners",
    "Wij bieden vijf stageplekken aan jongeren die moeilijk een stage vinden",
    "Wij delen onze aanpak voor toegankelijke activiteiten met andere partners",
    "Wij maken onze locatie beschikbaar voor initiatieven uit de wijk",
]
TOEZEGGINGEN_EIGEN = [
    ("Wij werven zichtbaar diverser, op alle niveaus", Thema.PERSONEEL),
    ("Wij ondertekenen het Charter Diversiteit", Thema.ORGANISATIE),
    ("Al onze brieven en de website zijn op taalniveau B1", Thema.COMMUNICATIE),
    ("Leidinggevenden volgen een training inclusief leiderschap", Thema.ORGANISATIE),
]
INITIATIEVEN = [
    "Taalcafé aan de haven",
    "Samen koken in de wijk",
    "Maatjesproject werk",
    "Regenboogavond in de bibliotheek",
    "Wandelvoetbal voor iedereen",
    "Huiswerkklas Noord",
    "Buurtpodium",
    "Digitaal spreekuur voor ouderen",
]
KENNIS = [
    ("Handreiking inclusieve werving", KennisSoort.DOCUMENT, Thema.PERSONEEL),
    ("Checklist toegankelijke bijeenkomst", KennisSoort.LINK, Thema.TOEGANKELIJKHEID),
    ("Training: het verschil tussen diversiteit en inclusie", KennisSoort.TRAINING, Thema.KENNIS),
    ("Schrijven op taalniveau B1", KennisSoort.LINK, Thema.COMMUNICATIE),
    ("Training inclusief leiderschap", KennisSoort.TRAINING, Thema.ORGANISATIE),
    ("Voorbeelden van goede samenwerking in de wijk", KennisSoort.LINK, Thema.SAMENWERKING),
]


def _fase_voor(i: int) -> str:
    slot = i % 10
    if slot <= 2:
        return Fase.VERKEND
    if slot <= 4:
        return Fase.IN_GESPREK
    if slot <= 6:
        return Fase.AANGEHAAKT
    if slot <= 8:
        return Fase.ONDERTEKEND
    return Fase.GESTOPT


def _toezegging_verloop(rng, i: int, aangehaakt, ondertekend, today) -> list[tuple]:
    """Dated statuses of one commitment: intended when the partner joined in, running
    from the signing, and for some realised or stopped later (never after today)."""
    verloop = [(aangehaakt, ToezeggingStatus.VOORGENOMEN)]
    if ondertekend is None:
        return verloop
    verloop.append((max(ondertekend, aangehaakt), ToezeggingStatus.LOPEND))
    later = ondertekend + datetime.timedelta(days=rng.randint(90, 420))
    if later < today and i % 3 != 0:
        verloop.append(
            (later, ToezeggingStatus.GESTOPT if i % 7 == 3 else ToezeggingStatus.GEREALISEERD)
        )
    return verloop


def seed(ctx) -> None:
    today = ctx.today
    users = ctx.data.get("users", {})
    kwartiermaker = users.get("kwartiermaker")
    wijken = ctx.data.get("wijken", [])
    pijlers = ctx.data.get("pijlers", [])
    rng = ctx.rng

    doelen = [
        GezamenlijkeDoelstelling.objects.update_or_create(
            titel=titel, defaults={"omschrijving": omschrijving, "volgorde": i}
        )[0]
        for i, (titel, omschrijving) in enumerate(DOELEN[ctx.shape])
    ]
    ctx.data["doelstellingen"] = doelen

    organisaties = list(ctx.data.get("organisaties", []))
    for i in range(40 * ctx.scale - len(organisaties)):
        soort, sector = EXTRA_ORGS[i % len(EXTRA_ORGS)]
        naam = f"{soort} {EXTRA_NAMEN[(i // len(EXTRA_ORGS)) % len(EXTRA_NAMEN)]}"
        if i >= len(EXTRA_ORGS) * len(EXTRA_NAMEN):
            naam = f"{naam} {i + 1}"
        org, _created = Organisatie.objects.get_or_create(
            naam=naam,
            kvk_nummer=f"{80000000 + i:08d}",
            defaults={
                "sector": sector,
                "grootte": list(Grootte)[i % 4],
                "wijk": wijken[(i * 3) % len(wijken)] if wijken else None,
                "website": f"https://www.voorbeeld-{i + 1}.example",
            },
        )
        organisaties.append(org)

    bestaand = set(Partner.objects.values_list("organisatie_id", flat=True))
    nieuwe: list[tuple[Partner, list]] = []
    for i, org in enumerate(organisaties):
        if org.pk in bestaand:
            continue
        fase = _fase_voor(i)
        # A history through the route up to the stage, dated over the last three years.
        if fase == Fase.GESTOPT:
            route = [Fase.VERKEND, Fase.IN_GESPREK, Fase.GESTOPT]
        else:
            route = ROUTE[: ROUTE.index(fase) + 1]
        # Partners join over the whole programme; each step of the route takes one to
        # four months, and the route is done by today.
        stappen = [rng.randint(30, 110) for _step in route[1:]]
        laatste_start = today - datetime.timedelta(days=sum(stappen) + 20)
        ruimte = max(0, (laatste_start - ctx.begin).days)
        start = ctx.begin + datetime.timedelta(days=rng.randint(0, ruimte))
        datums = [start]
        for dagen in stappen:
            datums.append(min(today, datums[-1] + datetime.timedelta(days=dagen)))
        partner = Partner(
            organisatie=org,
            fase=fase,
            fase_sinds=datums[-1],
            volgende_actie="Terugbellen over de volgende stap"
            if fase in (Fase.IN_GESPREK, Fase.AANGEHAAKT)
            else "",
            volgende_actie_op=today - datetime.timedelta(days=i % 5)
            if fase == Fase.IN_GESPREK
            else (today + datetime.timedelta(days=14) if fase == Fase.AANGEHAAKT else None),
        )
        if fase == Fase.ONDERTEKEND:
            partner.ondertekend_op = datums[-1]
            partner.ondertekenaar_naam = ctx.naam(i + 3)
            partner.ondertekenaar_functie = "directeur"
        nieuwe.append((partner, list(zip(route, datums, strict=True))))
    Partner.objects.bulk_create([p for p, _h in nieuwe])
    # An organisation is in view from its first contact (a little before it if it was known).
    spread_created(
        Organisatie,
        [p.organisatie for p, _h in nieuwe],
        [
            min(p.organisatie.created_at.date(), h[0][1] - datetime.timedelta(days=14))
            for p, h in nieuwe
        ],
    )

    wijzigingen, contacten, toezeggingen, through, verlopen = [], [], [], [], []
    for i, (partner, history) in enumerate(nieuwe):
        vorige = ""
        for fase, datum in history:
            wijzigingen.append(
                FaseWijziging(
                    partner=partner,
                    van=vorige,
                    naar=fase,
                    datum=datum,
                    door=kwartiermaker,
                    reden="Opgenomen in de Deal" if not vorige else "",
                )
            )
            vorige = fase
            if fase in (Fase.IN_GESPREK, Fase.AANGEHAAKT):
                contacten.append(
                    Contactmoment(
                        partner=partner,
                        soort=[ContactSoort.GESPREK, ContactSoort.EMAIL, ContactSoort.BIJEENKOMST][
                            i % 3
                        ],
                        datum=datum,
                        notitie="Kennismaking en uitleg over de Deal. Zij willen graag meedoen.",
                        door=kwartiermaker,
                    )
                )
        if pijlers:
            through.append(
                Partner.pijlers.through(
                    partner_id=partner.pk, pijler_id=pijlers[i % len(pijlers)].pk
                )
            )
        if partner.fase in (Fase.AANGEHAAKT, Fase.ONDERTEKEND):
            datums = dict(history)
            titel_eigen, thema = TOEZEGGINGEN_EIGEN[i % len(TOEZEGGINGEN_EIGEN)]
            for j, (soort, titel, thema_j, doel) in enumerate(
                (
                    (
                        ToezeggingSoort.STAD,
                        TOEZEGGINGEN_STAD[i % len(TOEZEGGINGEN_STAD)],
                        Thema.SAMENWERKING,
                        doelen[i % len(doelen)],
                    ),
                    (
                        ToezeggingSoort.EIGEN_ORGANISATIE,
                        titel_eigen,
                        thema,
                        doelen[(i + 1) % len(doelen)],
                    ),
                )
            ):
                verloop = _toezegging_verloop(
                    rng, i + j, datums[Fase.AANGEHAAKT], datums.get(Fase.ONDERTEKEND), today
                )
                t = Toezegging(
                    partner=partner,
                    soort=soort,
                    thema=thema_j,
                    titel=titel,
                    doelstelling=doel,
                    pijler=pijlers[i % len(pijlers)] if pijlers and j == 0 else None,
                    status=verloop[-1][1],
                    openbaar=j == 0 or i % 4 != 0,
                )
                toezeggingen.append(t)
                verlopen.append(verloop)
    FaseWijziging.objects.bulk_create(wijzigingen)
    Contactmoment.objects.bulk_create(contacten)
    Partner.pijlers.through.objects.bulk_create(through, ignore_conflicts=True)
    Toezegging.objects.bulk_create(toezeggingen)
    spread_created(Toezegging, toezeggingen, [v[0][0] for v in verlopen])
    statussen, voortgang = [], []
    for t, verloop in zip(toezeggingen, verlopen, strict=True):
        vorige = ""
        for datum, status in verloop:
            statussen.append(
                ToezeggingStatusWijziging(
                    toezegging=t, van=vorige, naar=status, datum=datum, door=kwartiermaker
                )
            )
            vorige = status
            if status in (ToezeggingStatus.LOPEND, ToezeggingStatus.GEREALISEERD):
                voortgang.append(
                    Voortgang(
                        toezegging=t,
                        datum=datum,
                        tekst="Eerste stap gezet; besproken in het managementteam."
                        if status == ToezeggingStatus.LOPEND
                        else "Afgerond en gedeeld met de andere partners aan tafel.",
                        link="https://www.voorbeeld.example/verslag",
                        door=kwartiermaker,
                    )
                )
    ToezeggingStatusWijziging.objects.bulk_create(statussen)
    Voortgang.objects.bulk_create(voortgang)

    partner_orgs = [p.organisatie for p, _h in nieuwe if p.fase != Fase.GESTOPT]
    personen = ctx.data.get("personen", [])
    initiatieven = []
    for i in range(len(INITIATIEVEN) * ctx.scale):
        naam = INITIATIEVEN[i % len(INITIATIEVEN)]
        if i >= len(INITIATIEVEN):
            naam = f"{naam} {i // len(INITIATIEVEN) + 1}"
        # Every third initiative is on its own: no pijler, no partner as owner.
        los = i % 3 == 2
        initiatief, created = Initiatief.objects.get_or_create(
            naam=naam,
            defaults={
                "omschrijving": "Een initiatief van en voor bewoners.",
                "eigenaar": None
                if los or not partner_orgs
                else partner_orgs[i % len(partner_orgs)],
                "wijk": wijken[i % len(wijken)] if wijken else None,
                "pijler": None if los or not pijlers else pijlers[i % len(pijlers)],
                "status": [
                    InitiatiefStatus.LOPEND,
                    InitiatiefStatus.IDEE,
                    InitiatiefStatus.AFGEROND,
                ][i % 3],
                # Initiatives started all through the programme.
                "gestart_op": ctx.dag((i + 0.5) / (len(INITIATIEVEN) * ctx.scale)),
            },
        )
        if created and initiatief.status == InitiatiefStatus.AFGEROND:
            # Finished halfway between its start and today: dated history for the figures.
            fraction = (i + 0.5) / (len(INITIATIEVEN) * ctx.scale)
            initiatief.beeindigd_op = ctx.dag(fraction + (1 - fraction) / 2)
            initiatief.save(update_fields=["beeindigd_op"])
        if created and personen:
            initiatief.personen.set(
                [personen[i % len(personen)], personen[(i + 5) % len(personen)]]
            )
        initiatieven.append(initiatief)
    for a, b in zip(initiatieven[::2], initiatieven[1::2], strict=False):
        a.verbonden_met.add(b)

    for i, (titel, soort, thema) in enumerate(KENNIS):
        item, created = KennisItem.objects.get_or_create(
            titel=titel,
            defaults={
                "soort": soort,
                "thema": thema,
                "omschrijving": "Gedeeld door de partners van de Deal.",
                "link": f"https://kennis.voorbeeld.example/{i + 1}",
                "datum": today + datetime.timedelta(days=14 * (i + 1))
                if soort == KennisSoort.TRAINING
                else None,
            },
        )
        if created and pijlers:
            item.pijlers.set([pijlers[i % len(pijlers)]])
    ctx.data["partners"] = [p for p, _h in nieuwe]
    ctx.data["initiatieven"] = initiatieven
    ctx.log(
        f"  {len(doelen)} doelstellingen, {len(nieuwe)} partners, {len(toezeggingen)} toezeggingen, "
        f"{len(initiatieven)} initiatieven, {len(KENNIS)} kennisitems"
    )
