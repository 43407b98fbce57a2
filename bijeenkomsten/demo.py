"""Fictional demo meetings: the monthly ambassador series, klankbordgroep (also with the
wethouder), pijlertafels and a stuurgroep; past ones with attendance, minutes and actions.

Grows with --scale: a longer ambassador series history, more external invitees.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from bijeenkomsten.models import (
    Actie,
    ActieStatusWijziging,
    Agendapunt,
    Besluit,
    Bijeenkomst,
    BijeenkomstReeks,
    Soort,
    Uitnodiging,
)
from bijeenkomsten.services import reeks_create
from inclusie.constants import Role
from inclusie.demo import spread_created
from inclusie.models import User

AGENDA = {
    Soort.AMBASSADEURS: [
        ("Opening en voorstelrondje", "Kwartiermaker", 10),
        ("Wat hoorden jullie in de wijken?", "Ambassadeurs", 30),
        ("Training inclusieve communicatie", "Gastspreker", 30),
        ("Rondvraag en afsluiting", "", 10),
    ],
    Soort.KLANKBORD: [
        ("Opening door de voorzitter", "Voorzitter", 10),
        ("Advies over het armoedebeleid", "Beleidsadviseur", 40),
        ("Signalen uit de gemeenschappen", "Leden", 30),
    ],
    Soort.PIJLERTAFEL: [
        ("Stand van de ambities", "Trekker", 20),
        ("Wat leren we van elkaar?", "Alle deelnemers", 40),
        ("Wat is er nodig?", "Kwartiermaker", 20),
    ],
    Soort.STUURGROEP: [
        ("Opening en actualiteiten/mededelingen", "Voorzitter", 15),
        ("Stand van zaken externe opdrachten", "Programmamanager", 20),
        ("Hoe inzetten stuurgroep en leervragen", "Alle leden", 40),
        ("Indicatoren voor maatregelen en sancties", "Beleidsadviseur", 15),
    ],
}
ACTIES = [
    "Uitnodiging training doorsturen naar collega's",
    "Contact leggen met het buurthuis over een wijkgesprek",
    "Verslag delen met de eigen organisatie",
    "Voorstel voor de volgende bijeenkomst uitwerken",
    "Cijfers over deelname opvragen",
]


def _meeting(titel, soort, day: date, at: time, minutes: int, organisator, **extra) -> Bijeenkomst:
    start = timezone.make_aware(datetime.combine(day, at))
    return Bijeenkomst(
        titel=titel,
        soort=soort,
        start=start,
        eind=start + timedelta(minutes=minutes),
        organisator=organisator,
        **extra,
    )


def _pijlertafels(ctx, pijlers, km) -> list[Bijeenkomst]:
    """Each pijler's table meets every quarter from its start, plus one ahead."""
    made = []
    for n, pijler in enumerate(pijlers):
        day = ctx.dag(0.06 + 0.04 * n)
        while day <= ctx.today + timedelta(days=60):
            made.append(
                _meeting(
                    f"Pijlertafel {pijler.naam}",
                    Soort.PIJLERTAFEL,
                    ctx.werkdag(day),
                    time(10, 0),
                    90,
                    km,
                    pijler=pijler,
                    locatie="Bibliotheek, leeszaal",
                )
            )
            day += timedelta(days=91)
    return made


def seed(ctx) -> None:
    if Bijeenkomst.objects.exists():
        ctx.log("  bijeenkomsten: al aanwezig, overgeslagen")
        return
    from pijlers.models import Pijler

    rng = ctx.rng
    users = ctx.data["users"]
    km = users["kwartiermaker"]
    vandaag = ctx.today
    now = timezone.now()

    # The monthly ambassador series: first Tuesday of the month since the programme's
    # second month, six months ahead; never on a public holiday (moved to the next
    # working day, as the kwartiermaker would).
    eerste = (ctx.begin + timedelta(days=32)).replace(day=1)
    maanden = (vandaag.year - eerste.year) * 12 + vandaag.month - eerste.month + 1
    reeks = BijeenkomstReeks(
        titel="Maandelijkse ambassadeursbijeenkomst",
        soort=Soort.AMBASSADEURS,
        eerste_datum=eerste,
        aantal=min(maanden + 6, 60),
        begintijd=time(19, 30),
        duur_minuten=120,
        locatie="Buurthuis De Schakel, zaal 1",
        organisator=km,
    )
    meetings = reeks_create(reeks=reeks, by=km)
    verzet = []
    for b in meetings:
        dag = timezone.localtime(b.start).date()
        if ctx.werkdag(dag) != dag:
            shift = timedelta(days=(ctx.werkdag(dag) - dag).days)
            b.start, b.eind = b.start + shift, b.eind + shift
            verzet.append(b)
    Bijeenkomst.objects.bulk_update(verzet, ["start", "eind"])

    extra: list[Bijeenkomst] = []
    # The klankbordgroep meets every quarter since it was formed; every other time
    # with the wethouder.
    day, i = ctx.dag(0.1), 0
    while day <= vandaag + timedelta(days=45):
        met_wethouder = i % 2 == 1
        extra.append(
            _meeting(
                "Klankbordgroep met de wethouder" if met_wethouder else "Klankbordgroep",
                Soort.KLANKBORD_WETHOUDER if met_wethouder else Soort.KLANKBORD,
                ctx.werkdag(day),
                time(16, 0),
                90,
                km,
                locatie="Stadhuis, kamer 2.14",
            )
        )
        day, i = day + timedelta(days=91), i + 1
    pijlers = list(Pijler.objects.order_by("volgorde", "naam")[:3])
    # seed_demo runs the pijlers step before this one (DEMO_STEPS).
    extra += _pijlertafels(ctx, pijlers, km)
    # The stuurgroep meets twice a year, in March and October.
    for year in range(ctx.begin.year, vandaag.year + 1):
        for month in (3, 10):
            day = ctx.werkdag(date(year, month, 12))
            if not ctx.begin <= day <= vandaag + timedelta(days=120):
                continue
            extra.append(
                _meeting(
                    "Stuurgroep Inclusie en Diversiteit",
                    Soort.STUURGROEP,
                    day,
                    time(15, 30),
                    90,
                    km,
                    locatie="2.C.4",
                )
            )
    extra.append(
        _meeting(
            "Stadsgesprek: samen in de wijk",
            Soort.STADSGESPREK,
            ctx.werkdag(vandaag + timedelta(days=25)),
            time(19, 0),
            120,
            km,
            locatie="Theater aan de Rivier",
        )
    )
    for b in extra:
        b.full_clean()
    Bijeenkomst.objects.bulk_create(extra)
    alle = list(Bijeenkomst.objects.order_by("start"))

    # Invitees per body.
    ambassadeurs = list(User.objects.filter(role=Role.AMBASSADEUR, is_active=True))
    klankbord = list(User.objects.filter(role=Role.KLANKBORDLID, is_active=True))
    externen = ctx.data.get("personen", [])[: min(4 * ctx.scale, 40)]
    invitees = {
        Soort.AMBASSADEURS: [km, *ambassadeurs],
        Soort.KLANKBORD: [km, users["beleidsadviseur"], *klankbord],
        Soort.KLANKBORD_WETHOUDER: [km, users["beleidsadviseur"], users["wethouder"], *klankbord],
        Soort.PIJLERTAFEL: [km, *ambassadeurs[:2]],
        Soort.STUURGROEP: [km, users["beleidsadviseur"], users["wethouder"]],
        Soort.STADSGESPREK: [km, users["wethouder"], *ambassadeurs, *klankbord],
    }
    rows: list[Uitnodiging] = []
    for b in alle:
        voorbij = b.eind < now
        for user in invitees.get(b.soort, [km]):
            antwoord = rng.choice(["komt", "komt", "misschien", "komt_niet"]) if voorbij else "geen"
            aanwezig = "onbekend"
            if voorbij:
                aanwezig = {
                    "komt": "aanwezig",
                    "misschien": "afwezig",
                    "komt_niet": "afwezig_bericht",
                }[antwoord]
            rows.append(
                Uitnodiging(
                    bijeenkomst=b,
                    user=user,
                    antwoord=antwoord,
                    aanwezigheid=aanwezig,
                    verzonden_op=b.start - timedelta(days=14)
                    if b.start - timedelta(days=14) < now
                    else None,
                )
            )
        if b.soort == Soort.AMBASSADEURS:
            for persoon in externen:
                rows.append(
                    Uitnodiging(
                        bijeenkomst=b,
                        persoon=persoon,
                        aanwezigheid=rng.choice(["aanwezig", "afwezig"]) if voorbij else "onbekend",
                    )
                )
    Uitnodiging.objects.bulk_create(rows, batch_size=500)

    # Agenda items for all meetings; minutes, decisions and actions for past ones.
    punten: list[Agendapunt] = []
    for b in alle:
        items = AGENDA.get(Soort.KLANKBORD if b.soort == Soort.KLANKBORD_WETHOUDER else b.soort)
        items = items or AGENDA[Soort.AMBASSADEURS]
        for n, (titel, door, duur) in enumerate(items, start=1):
            punten.append(
                Agendapunt(
                    bijeenkomst=b,
                    volgorde=n,
                    titel=titel,
                    presentator=door,
                    duur_minuten=duur,
                    aantekeningen=(
                        "Goed gesprek; iedereen kwam aan het woord. Twee ideeën gaan mee "
                        "naar de volgende keer."
                        if b.eind < now and n == 2
                        else ""
                    ),
                )
            )
    Agendapunt.objects.bulk_create(punten, batch_size=500)

    besluiten: list[Besluit] = []
    acties: list[Actie] = []
    for b in alle:
        if b.eind >= now:
            continue
        b.verslag_status = Bijeenkomst.VerslagStatus.VASTGESTELD
        b.verslag_vastgesteld_op = min((b.start + timedelta(days=28)).date(), vandaag)
        besluiten.append(
            Besluit(bijeenkomst=b, tekst="Het verslag van de vorige keer is vastgesteld.")
        )
        owners = invitees.get(b.soort, [km])
        for m in range(2):
            deadline = (b.start + timedelta(days=21 + m * 7)).date()
            done = deadline < vandaag - timedelta(days=20) and rng.random() < 0.93
            gereed = timezone.make_aware(
                datetime.combine(deadline - timedelta(days=rng.randint(-10, 5)), time(12))
            )
            acties.append(
                Actie(
                    bijeenkomst=b,
                    omschrijving=ACTIES[(b.pk + m) % len(ACTIES)],
                    eigenaar=owners[(b.pk + m) % len(owners)],
                    deadline=deadline,
                    status=Actie.Status.GEREED if done else Actie.Status.OPEN,
                    gereed_op=min(gereed, now) if done else None,
                )
            )
    Bijeenkomst.objects.bulk_update(
        [b for b in alle if b.eind < now], ["verslag_status", "verslag_vastgesteld_op"]
    )
    # The most recent past meeting's minutes are still a draft.
    last_past = [b for b in alle if b.eind < now]
    if last_past:
        Bijeenkomst.objects.filter(pk=last_past[-1].pk).update(
            verslag_status=Bijeenkomst.VerslagStatus.CONCEPT, verslag_vastgesteld_op=None
        )
    Besluit.objects.bulk_create(besluiten)
    Actie.objects.bulk_create(acties)
    # An action exists from the meeting where it was agreed.
    spread_created(Actie, acties, [timezone.localtime(a.bijeenkomst.start).date() for a in acties])
    # Their dated history: open from the meeting, done when reported done.
    ActieStatusWijziging.objects.bulk_create(
        [ActieStatusWijziging(actie=a, status=Actie.Status.OPEN, op=a.created_at) for a in acties]
        + [
            ActieStatusWijziging(actie=a, status=Actie.Status.GEREED, op=a.gereed_op)
            for a in acties
            if a.gereed_op is not None
        ],
        batch_size=500,
    )
    ctx.data["bijeenkomsten"] = alle
    ctx.log(
        f"  {len(alle)} bijeenkomsten ({len(meetings)} in de ambassadeursreeks), "
        f"{len(rows)} uitnodigingen, {len(acties)} actiepunten"
    )
