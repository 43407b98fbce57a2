"""Fictional demo data for the core app (gemeente, people, organisations).

Every app may have a `demo.py` with `seed(ctx)`; `manage.py seed_demo` calls
them in INSTALLED_APPS order, core first. All names are invented.
"""

from __future__ import annotations

import datetime
import functools
import random
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from inclusie.constants import Grootte, Role, Sector
from inclusie.models import DiversiteitsAspect, GemeenteProfiel, Organisatie, Persoon, User, Wijk

DEMO_DOMAIN = "demo.inclusie.nl"

SHAPES = {
    "deventer": {
        "naam": "Gemeente Hanzestad",
        "gemeentecode": "GM0999",
        "programmanaam": "Meedoen",
        "term_pijler": "pijler",
        "term_lidwoord": "de",
        "term_pijlers": "pijlers",
    },
    "arnhem": {
        "naam": "Gemeente Rijnstad",
        "gemeentecode": "GM0998",
        "programmanaam": "Inclusieve Stad",
        "term_pijler": "speerpunt",
        "term_lidwoord": "het",
        "term_pijlers": "speerpunten",
    },
    "dordrecht": {
        "naam": "Gemeente Merwestad",
        "gemeentecode": "GM0997",
        "programmanaam": "Iedereen doet mee",
        "term_pijler": "uitvoeringslijn",
        "term_lidwoord": "de",
        "term_pijlers": "uitvoeringslijnen",
    },
}

WIJKEN = ["Binnenstad", "Noord", "Oost", "Zuid", "West", "Havenkwartier", "Rivierzicht", "Het Veld"]
KERNEN = ["Dorp Eikenrode", "Dorp Lindewaard"]

# The twelve factors of the Movisie diversiteitsvlechtwerk, as knowledge/reach tags.
DIVERSITEITSASPECTEN = [
    "Leeftijd",
    "Gender en sekse",
    "Seksuele oriëntatie",
    "Sociaal-culturele achtergrond",
    "Religie en levensbeschouwing",
    "Taal en geletterdheid",
    "Beperking",
    "Inkomen",
    "Opleiding",
    "Huidskleur",
    "Gezinssituatie",
    "Woonsituatie",
]

VOORNAMEN = [
    "Anouk",
    "Bram",
    "Cem",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilias",
    "Joke",
    "Kees",
    "Lotte",
    "Mila",
    "Noah",
    "Olga",
    "Pim",
    "Quinten",
    "Rosa",
    "Sanne",
    "Tijn",
    "Umut",
    "Vera",
    "Wout",
    "Yara",
    "Zoë",
]
ACHTERNAMEN = [
    "Aalbers",
    "Bakker",
    "Claessen",
    "Dijkstra",
    "Evers",
    "Frerichs",
    "Gerrits",
    "Hofstede",
    "IJzerman",
    "Jansen",
    "Kuipers",
    "Lammers",
    "Meulenbelt",
    "Nijhof",
    "Oosterhuis",
    "Postma",
    "Rietveld",
    "Scholten",
    "Teunissen",
    "Uitenbroek",
    "Veenstra",
    "Wessels",
    "Zandbergen",
]
ORG_SOORTEN = [
    ("Bouwbedrijf", Sector.BEDRIJF),
    ("Bakkerij", Sector.BEDRIJF),
    ("ICT-bureau", Sector.BEDRIJF),
    ("Basisschool", Sector.ONDERWIJS),
    ("ROC", Sector.ONDERWIJS),
    ("Zorggroep", Sector.ZORG_WELZIJN),
    ("Welzijnsstichting", Sector.ZORG_WELZIJN),
    ("Sportvereniging", Sector.CULTUUR_SPORT),
    ("Bibliotheek", Sector.CULTUUR_SPORT),
    ("Woningcorporatie", Sector.WONEN),
    ("Buurthuis", Sector.MAATSCHAPPELIJK),
    ("Taalcafé", Sector.MAATSCHAPPELIJK),
]
ORG_NAMEN = [
    "De Brug",
    "Het Anker",
    "De Linde",
    "Samen Sterk",
    "De Horizon",
    "Het Baken",
    "De Schakel",
    "Kompas",
]

# Every demo account, in one place: seed_demo creates them and prints them (so `make run`
# lists them all), and the README's table is checked against this list.
DEMO_USERS = [
    ("kwartiermaker", "Kim de Kwartier", Role.KWARTIERMAKER),
    ("beleidsadviseur", "Bas Beleid", Role.BELEIDSADVISEUR),
    # The colleague a verkenning is shared with (co-editing, autosave conflicts).
    ("beleidsadviseur2", "Bo Beleid", Role.BELEIDSADVISEUR),
    ("wethouder", "Wil Wethouder", Role.WETHOUDER),
    ("klankbordlid", "Kaya Klankbord", Role.KLANKBORDLID),
    ("ambassadeur", "Ayla Ambassadeur", Role.AMBASSADEUR),
    ("beheerder", "Ben Beheer", Role.BEHEERDER),
]


@dataclass
class DemoContext:
    scale: int = 1
    shape: str = "deventer"
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    log: Any = print
    data: dict = field(default_factory=dict)

    def naam(self, i: int) -> str:
        return f"{VOORNAMEN[i % len(VOORNAMEN)]} {ACHTERNAMEN[(i * 7) % len(ACHTERNAMEN)]}"

    # --- the programme's timeline: every app dates its demo history on it ---------

    @property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @property
    def begin(self) -> datetime.date:
        """The programme started five half years before the current one (2.5-3 years of
        history), so the dashboard and the reports show trends over the half years."""
        year, half = self.today.year, 1 if self.today.month <= 6 else 2
        for _step in range(5):
            year, half = (year, 1) if half == 2 else (year - 1, 2)
        return datetime.date(year, 1 if half == 1 else 7, 1)

    def dag(self, fraction: float) -> datetime.date:
        """The day at `fraction` (0..1) of the way from the programme's start to today."""
        span = (self.today - self.begin).days
        return self.begin + datetime.timedelta(days=round(span * min(max(fraction, 0.0), 1.0)))

    def werkdag(self, day: datetime.date) -> datetime.date:
        """The first weekday on or after `day` that is not a Dutch public holiday."""
        while day.weekday() >= 5 or day in feestdagen(day.year):
            day += datetime.timedelta(days=1)
        return day


def pasen(year: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


@functools.cache
def feestdagen(year: int) -> frozenset[datetime.date]:
    """Dutch public holidays (algemeen erkende feestdagen, plus Goede Vrijdag and
    Bevrijdingsdag, when most municipal offices are closed too)."""
    p = pasen(year)
    koningsdag = datetime.date(year, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it moves to the Saturday before
        koningsdag -= datetime.timedelta(days=1)
    return frozenset(
        {
            datetime.date(year, 1, 1),
            p - datetime.timedelta(days=2),
            p,
            p + datetime.timedelta(days=1),
            koningsdag,
            datetime.date(year, 5, 5),
            p + datetime.timedelta(days=39),
            p + datetime.timedelta(days=49),
            p + datetime.timedelta(days=50),
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def spread_created(model, rows: list, days: list[datetime.date]) -> None:
    """Demo only: date rows' `created_at` (auto_now_add) on the programme's timeline."""
    for row, day in zip(rows, days, strict=True):
        row.created_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    model.objects.bulk_update(rows, ["created_at"], batch_size=500)


def demo_user(username: str, naam: str, role: str, password: str) -> User:
    """password: the already hashed DEMO_PASSWORD (`make_password`)."""
    user, _created = User.objects.update_or_create(
        username=username,
        defaults={
            "email": f"{username}@{DEMO_DOMAIN}",
            "naam": naam,
            "role": role,
            "is_active": True,
            "is_staff": role == Role.BEHEERDER,
        },
    )
    user.password = password
    user.save(update_fields=["password"])
    return user


def seed(ctx: DemoContext) -> None:
    profiel = GemeenteProfiel.load()
    for key, value in SHAPES[ctx.shape].items():
        setattr(profiel, key, value)
    profiel.portefeuillehouder = "Wil Wethouder"
    profiel.team = "Team Samenleving"
    # Fictional office holders who sign the raadsmededeling.
    profiel.burgemeester = "A.M. Burgers"
    profiel.secretaris = "P.J. Schrijver"
    profiel.contact_email = f"inclusie@{DEMO_DOMAIN}"
    profiel.hoe_aansluiten = (
        "Wilt u met uw organisatie meedoen? Neem contact op met de kwartiermaker. "
        "We maken samen een afspraak en kijken wat u kunt bijdragen."
    )
    profiel.full_clean()
    profiel.save()

    ctx.data["wijken"] = [Wijk.objects.get_or_create(naam=n)[0] for n in WIJKEN] + [
        Wijk.objects.get_or_create(naam=n, defaults={"is_kern": True})[0] for n in KERNEN
    ]
    ctx.data["aspecten"] = [
        DiversiteitsAspect.objects.update_or_create(naam=n, defaults={"volgorde": i})[0]
        for i, n in enumerate(DIVERSITEITSASPECTEN)
    ]

    # One hash for all demo accounts: they share the published demo password, and each
    # hash takes half a second by design (`make run` on a new database hashed it 7 times).
    password = make_password(settings.DEMO_PASSWORD)
    users = {
        username: demo_user(username, naam, role, password) for username, naam, role in DEMO_USERS
    }
    ctx.data["users"] = users

    organisaties = []
    wijken = ctx.data["wijken"]
    for i in range(20 * ctx.scale):
        soort, sector = ORG_SOORTEN[i % len(ORG_SOORTEN)]
        naam = f"{soort} {ORG_NAMEN[(i // len(ORG_SOORTEN)) % len(ORG_NAMEN)]}"
        if i >= len(ORG_SOORTEN) * len(ORG_NAMEN) or i >= 20:
            naam = f"{naam} {i + 1}"
        org, _created = Organisatie.objects.get_or_create(
            naam=naam,
            kvk_nummer=f"{90000000 + i:08d}",
            defaults={
                "sector": sector,
                "grootte": list(Grootte)[i % 4],
                "wijk": wijken[i % len(wijken)],
            },
        )
        organisaties.append(org)
    # Organisations came into view over the programme's first two years.
    spread_created(
        Organisatie,
        organisaties,
        [ctx.dag(0.8 * i / max(len(organisaties), 1)) for i in range(len(organisaties))],
    )
    ctx.data["organisaties"] = organisaties

    personen = []
    for i in range(40 * ctx.scale):
        persoon, _created = Persoon.objects.get_or_create(
            email=f"contact{i + 1}@{DEMO_DOMAIN}",
            defaults={
                "naam": ctx.naam(i),
                "organisatie": organisaties[i % len(organisaties)],
                "functie": ["directeur", "HR-adviseur", "teamleider", "vrijwilliger", "docent"][
                    i % 5
                ],
                "wijk": wijken[(i * 3) % len(wijken)],
                "toestemming_openbaar": i % 3 == 0,
            },
        )
        personen.append(persoon)
    ctx.data["personen"] = personen

    # Persons for the demo users, so the apps can link them.
    for _username, user in users.items():
        Persoon.objects.update_or_create(
            user=user,
            defaults={"naam": user.naam, "email": user.email, "functie": user.get_role_display()},
        )
    ctx.log(
        f"  gemeente, {len(wijken)} wijken, {len(organisaties)} organisaties, {len(personen)} personen"
    )
