"""A small programme with personal data of every age, shared by the privacy tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ambassadeurs.constants import AmbassadeurStatus
from deal.constants import Fase
from tests.ambassadeurs.factories import (
    ActiviteitFactory,
    AmbassadeurFactory,
    CoachingNotitieFactory,
)
from tests.deal.factories import PartnerFactory
from tests.factories import PersoonFactory
from tests.klankbord.factories import KlankbordLidFactory

YEAR = datetime.timedelta(days=365)


@dataclass
class Scene:
    oud: object  # ambassador who stopped three years ago
    recent: object  # ambassador who stopped half a year ago
    nog_in_klankbord: object  # stopped ambassador three years ago, still a klankbord member
    oud_lid: object  # klankbord seat ended three years ago
    contact: object  # contact person of a partner that stopped two years ago
    contact_actief: object  # contact person of a partner still in the Deal


def stopped_ambassador(naam: str, ago: datetime.timedelta):
    today = timezone.localdate()
    stop = today - ago
    amb = AmbassadeurFactory(
        persoon=PersoonFactory(naam=naam, email=f"{naam.split()[0].lower()}@voorbeeld.nl"),
        status=AmbassadeurStatus.GESTOPT,
        aangemeld_op=stop - 2 * YEAR,
        actief_sinds=stop - YEAR,
        gestopt_op=stop,
        motivatie="Ik wil mijn wijk verder helpen",
    )
    CoachingNotitieFactory(ambassadeur=amb, datum=stop - YEAR, notitie=f"Gesprek met {naam}")
    ActiviteitFactory(ambassadeur=amb, datum=stop - YEAR, omschrijving=f"Toelichting van {naam}")
    return amb


def build() -> Scene:
    today = timezone.localdate()
    oud = stopped_ambassador("Olga Oud", 3 * YEAR)
    recent = stopped_ambassador("Ruud Recent", YEAR // 2)
    blijft = stopped_ambassador("Bram Blijft", 3 * YEAR)
    KlankbordLidFactory(persoon=blijft.persoon, van=today - YEAR)  # current seat
    oud_lid = KlankbordLidFactory(
        persoon=PersoonFactory(naam="Lotte Lid"),
        van=today - 5 * YEAR,
        tot=today - 3 * YEAR,
        gemeenschappen="Buurthuis De Linde",
    )
    gestopt = PartnerFactory(fase=Fase.GESTOPT, fase_sinds=today - 2 * YEAR)
    contact = PersoonFactory(naam="Carla Contact", email="carla@partner.nl")
    gestopt.contactpersonen.add(contact)
    actief = PartnerFactory(fase=Fase.ONDERTEKEND, fase_sinds=today - 2 * YEAR)
    contact_actief = PersoonFactory(naam="Anton Actief")
    actief.contactpersonen.add(contact_actief)
    return Scene(oud, recent, blijft, oud_lid, contact, contact_actief)
