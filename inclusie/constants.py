"""Choices shared across the portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    KWARTIERMAKER = "kwartiermaker", _("Kwartiermaker")
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur")
    WETHOUDER = "wethouder", _("Wethouder")
    KLANKBORDLID = "klankbordlid", _("Lid klankbordgroep")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


class Sector(models.TextChoices):
    BEDRIJF = "bedrijf", _("Bedrijf")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    ZORG_WELZIJN = "zorg_welzijn", _("Zorg en welzijn")
    CULTUUR_SPORT = "cultuur_sport", _("Cultuur en sport")
    OVERHEID = "overheid", _("Overheid")
    MAATSCHAPPELIJK = "maatschappelijk", _("Maatschappelijke organisatie")
    WONEN = "wonen", _("Wonen")
    LEVENSBESCHOUWING = "levensbeschouwing", _("Levensbeschouwelijke organisatie")
    OVERIG = "overig", _("Overig")


class Grootte(models.TextChoices):
    KLEIN = "klein", _("Klein (minder dan 50 medewerkers)")
    MIDDEL = "middel", _("Middelgroot (50 tot 250 medewerkers)")
    GROOT = "groot", _("Groot (250 medewerkers of meer)")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie")


class Levensdomein(models.TextChoices):
    """The six VNG levensdomeinen used by the Movisie verkenning."""

    ONDERWIJS = "onderwijs", _("Onderwijs en ontwikkeling")
    THUIS = "thuis", _("Thuis")
    WERK_INKOMEN = "werk_inkomen", _("Werk en inkomen")
    VRIJE_TIJD = "vrije_tijd", _("Vrije tijd")
    VERVOER = "vervoer", _("Vervoer")
    WELZIJN = "welzijn", _("Welzijn, gezondheid en ondersteuning")


class ReportStatus(models.TextChoices):
    """The life of a background report row (inclusie.models.ReportRow)."""

    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Wordt gemaakt")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")


class NotificatieStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wachtend")
    VERZONDEN = "verzonden", _("Verzonden")
    MISLUKT = "mislukt", _("Mislukt")
