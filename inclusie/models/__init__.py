from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .notifications import Notificatie, NotificatieBijlage
from .people import Organisatie, Persoon
from .redaction import Lakbesluit, Lakregel, Lakvoorvertoning

__all__ = [
    "NotificatieBijlage",
    "DiversiteitsAspect",
    "GemeenteProfiel",
    "Lakbesluit",
    "Lakregel",
    "Lakvoorvertoning",
    "Notificatie",
    "Organisatie",
    "Persoon",
    "TimeStampedModel",
    "User",
    "Wijk",
]
