from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .notifications import Notificatie, NotificatieBijlage
from .people import Organisatie, Persoon

__all__ = [
    "NotificatieBijlage",
    "DiversiteitsAspect",
    "GemeenteProfiel",
    "Notificatie",
    "Organisatie",
    "Persoon",
    "TimeStampedModel",
    "User",
    "Wijk",
]
