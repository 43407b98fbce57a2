from .stappen import (
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
]
