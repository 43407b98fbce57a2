"""Choices of the pijlers app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GemeenteRol(models.TextChoices):
    """The gemeente's role per pijler (Arnhem's three roles)."""

    STUREN = "sturen", _("Sturen: de gemeente bepaalt")
    SAMENWERKEN = "samenwerken", _("Samenwerken: gelijkwaardig met partners")
    STIMULEREN = "stimuleren", _("Stimuleren: aanjagen en verbinden")


class LidRol(models.TextChoices):
    TREKKER = "trekker", _("Trekker")
    PARTNER = "partner", _("Vertegenwoordiger partnerorganisatie")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")
    KWARTIERMAKER = "kwartiermaker", _("Kwartiermaker")
    GEMEENTE = "gemeente", _("Contactpersoon gemeente")
    WIJKTEAM = "wijkteam", _("Contactpersoon wijkteam")
