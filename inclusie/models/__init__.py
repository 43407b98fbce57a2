from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .notifications import Notificatie
from .opdracht import Opdracht, Uitgave, Urenregistratie
from .people import Organisatie, Persoon

__all__ = [
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
