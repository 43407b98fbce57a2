from .accounts import User
from .base import TimeStampedModel
from .gemeente import DiversiteitsAspect, GemeenteProfiel, Wijk
from .keuzes import Keuze
from .notifications import Notificatie, NotificatieBijlage
from .people import Organisatie, Persoon
from .redaction import Lakbesluit, Lakregel, Lakvoorvertoning
from .reports import ReportRow

__all__ = [
    "NotificatieBijlage",
    "DiversiteitsAspect",
    "GemeenteProfiel",
    "Keuze",
    "Lakbesluit",
    "Lakregel",
    "Lakvoorvertoning",
    "Notificatie",
    "Organisatie",
    "Persoon",
    "ReportRow",
    "TimeStampedModel",
    "User",
    "Wijk",
]
