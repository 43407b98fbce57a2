"""Choices of the Deal app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    """A partner's journey into the Deal."""

    VERKEND = "verkend", _("Verkend")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    AANGEHAAKT = "aangehaakt", _("Aangehaakt")
    ONDERTEKEND = "ondertekend", _("Ondertekend")
    GESTOPT = "gestopt", _("Gestopt")


# The regular route; gestopt is off the route.
ROUTE: list[str] = [Fase.VERKEND, Fase.IN_GESPREK, Fase.AANGEHAAKT, Fase.ONDERTEKEND]


def next_stage(fase: str) -> str | None:
    """The stage after `fase` on the route; None at the end of it or off it (gestopt)."""
    if fase not in ROUTE:
        return None
    index = ROUTE.index(fase) + 1
    return ROUTE[index] if index < len(ROUTE) else None


def is_regular_step(van: str, naar: str) -> bool:
    """One step forward on the route (verkend -> in gesprek -> aangehaakt -> ondertekend).

    Any other move (skipping a stage, going back, stopping) needs a reason.
    """
    return naar is not None and naar == next_stage(van)


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek")
    EMAIL = "email", _("E-mail")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
    TELEFOON = "telefoon", _("Telefoon")


class ToezeggingSoort(models.TextChoices):
    """The two kinds in the Deventer nota: towards the city, and inside the own organisation."""

    STAD = "stad", _("Bijdrage aan een inclusieve stad")
    EIGEN_ORGANISATIE = "eigen_organisatie", _("Diversiteit en inclusie in de eigen organisatie")


class Thema(models.TextChoices):
    """Themes of a commitment (the Deventer nota: own organisation)."""

    PERSONEEL = "personeel", _("Divers personeelsbestand")
    ORGANISATIE = "organisatie", _("Inclusieve organisatie")
    COMMUNICATIE = "communicatie", _("Inclusieve communicatie")
    SAMENWERKING = "samenwerking", _("Samenwerking en verbinding")
    KENNIS = "kennis", _("Kennis en ervaring delen")
    TOEGANKELIJKHEID = "toegankelijkheid", _("Toegankelijkheid")
    OVERIG = "overig", _("Overig")


class ToezeggingStatus(models.TextChoices):
    VOORGENOMEN = "voorgenomen", _("Voorgenomen")
    LOPEND = "lopend", _("Loopt")
    GEREALISEERD = "gerealiseerd", _("Gerealiseerd")
    GESTOPT = "gestopt", _("Gestopt")


class InitiatiefStatus(models.TextChoices):
    IDEE = "idee", _("Idee")
    LOPEND = "lopend", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")
    GESTOPT = "gestopt", _("Gestopt")


class KennisSoort(models.TextChoices):
    DOCUMENT = "document", _("Document")
    LINK = "link", _("Link")
    TRAINING = "training", _("Training")


# Status badge tones ({% status_badge label tone %}): the text always says the status,
# the tone only supports it.
FASE_TONE: dict[str, str] = {
    Fase.VERKEND: "neutral",
    Fase.IN_GESPREK: "active",
    Fase.AANGEHAAKT: "active",
    Fase.ONDERTEKEND: "success",
    Fase.GESTOPT: "inactive",
}
TOEZEGGING_TONE: dict[str, str] = {
    ToezeggingStatus.VOORGENOMEN: "neutral",
    ToezeggingStatus.LOPEND: "active",
    ToezeggingStatus.GEREALISEERD: "success",
    ToezeggingStatus.GESTOPT: "inactive",
}
INITIATIEF_TONE: dict[str, str] = {
    InitiatiefStatus.IDEE: "neutral",
    InitiatiefStatus.LOPEND: "active",
    InitiatiefStatus.AFGEROND: "success",
    InitiatiefStatus.GESTOPT: "inactive",
}
