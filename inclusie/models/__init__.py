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
from .opdracht import Opdracht, Uitgave, Urenregistratie
from .people import Organisatie, Persoon
from .stappenplan import (
    ParticipatieActiviteit,
    Stap,
    StapActie,
    StapDocument,
    StapGebeurtenis,
    Werkgroep,
    WerkgroepLid,
)
from .verkenning import (
    Antwoord,
    Deel,
    Verkenning,
    VerkenningGebeurtenis,
    VerkenningRapport,
    Vraag,
    Vragenlijst,
)

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
    "Antwoord",
    "Deel",
    "ParticipatieActiviteit",
    "Stap",
    "StapActie",
    "StapDocument",
    "StapGebeurtenis",
    "Verkenning",
    "VerkenningGebeurtenis",
    "VerkenningRapport",
    "Vraag",
    "Vragenlijst",
    "Werkgroep",
    "WerkgroepLid",
    "DiversiteitsAspect",
    "GemeenteProfiel",
    "Notificatie",
    "Opdracht",
    "Organisatie",
    "Persoon",
    "TimeStampedModel",
    "Uitgave",
    "Urenregistratie",
    "User",
    "Wijk",
]
