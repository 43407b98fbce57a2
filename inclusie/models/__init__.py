from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .notifications import Notificatie
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
    "Organisatie",
    "Persoon",
    "TimeStampedModel",
    "User",
    "Wijk",
]
