from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .meetings import (
    AanwezigheidToestemming,
    Actie,
    Agendapunt,
    Besluit,
    Bijeenkomst,
    BijeenkomstReeks,
    Bijlage,
    Uitnodiging,
)
from .notifications import Notificatie, NotificatieBijlage
from .people import Organisatie, Persoon

__all__ = [
    "AanwezigheidToestemming",
    "Actie",
    "Agendapunt",
    "Besluit",
    "Bijeenkomst",
    "BijeenkomstReeks",
    "Bijlage",
    "NotificatieBijlage",
    "Uitnodiging",
    "DiversiteitsAspect",
    "GemeenteProfiel",
    "Notificatie",
    "Organisatie",
    "Persoon",
    "TimeStampedModel",
    "User",
    "Wijk",
]
