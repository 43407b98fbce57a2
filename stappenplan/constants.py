"""Choices of the app, shared by models, forms, filters and services."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StapSoort(models.TextChoices):
    STAP = "stap", _("Stap")
    RANDVOORWAARDE = "randvoorwaarde", _("Randvoorwaarde")


class StapStatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    BEZIG = "bezig", _("Bezig")
    AFGEROND = "afgerond", _("Afgerond")
    DOORLOPEND = "doorlopend", _("Doorlopend")


# Status badge tones ({% status_badge label tone %}): the text says the status, the tone supports it.
STAP_STATUS_TONE: dict[str, str] = {
    StapStatus.NIET_GESTART: "neutral",
    StapStatus.BEZIG: "active",
    StapStatus.AFGEROND: "success",
    StapStatus.DOORLOPEND: "active",
}


class WerkgroepDoel(models.TextChoices):
    AANJAGEN = "aanjagen", _("Aanjagen")
    MONITOREN = "monitoren", _("Monitoren")
    KENNIS_DELEN = "kennis_delen", _("Kennis delen")


class ParticipatieSoort(models.TextChoices):
    PANEL = "panel", _("Panel")
    WIJKGESPREK = "wijkgesprek", _("Wijkgesprek")
    RONDETAFEL = "rondetafel", _("Rondetafelgesprek")
    DIGITAAL_PANEL = "digitaal_panel", _("Digitaal panel")
    STADSGESPREK = "stadsgesprek", _("Stadsgesprek")
    STRAATGESPREK = "straatgesprek", _("Straatgesprek")


class VraagSoort(models.TextChoices):
    OPEN = "open", _("Open vraag")
    KEUZE = "keuze", _("Eén keuze")
    MEERKEUZE = "meerkeuze", _("Meerdere keuzes")
    LEVENSDOMEIN = "levensdomein", _("Keuze van een levensdomein")
    WIJK = "wijk", _("Keuze van een wijk of kern (niet verplicht)")


class VerkenningStatus(models.TextChoices):
    CONCEPT = "concept", _("In bewerking")
    INGEDIEND = "ingediend", _("Ingediend")


class AntwoordStaat(models.TextChoices):
    OPEN = "open", _("Open")
    BEANTWOORD = "beantwoord", _("Beantwoord")
    OVERGESLAGEN = "overgeslagen", _("Overgeslagen")


class GebeurtenisActie(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("Aangemaakt")
    GEDEELD = "gedeeld", _("Gedeeld")
    INGEDIEND = "ingediend", _("Ingediend")
    HEROPEND = "heropend", _("Heropend")


VERKENNING_STATUS_TONE: dict[str, str] = {
    VerkenningStatus.CONCEPT: "active",
    VerkenningStatus.INGEDIEND: "success",
}
