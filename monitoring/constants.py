from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.TextChoices):
    OUTCOME = "outcome", _("Outcome (effect)")
    OUTPUT = "output", _("Output (resultaat)")
    ACTIVITEIT = "activiteit", _("Activiteit")


class IndicatorSoort(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class DoelType(models.TextChoices):
    VERANDERDOEL = "veranderdoel", _("Veranderdoel")
    PROCESDOEL = "procesdoel", _("Procesdoel")


class Bron(models.TextChoices):
    INTERN = "intern", _("Eigen gegevens van het portaal")
    GGD = "ggd", _("GGD-monitor")
    DISCRIMINATIEMONITOR = "discriminatiemonitor", _("Discriminatiemonitor")
    VEILIGHEIDSMONITOR = "veiligheidsmonitor", _("Veiligheidsmonitor")
    LEEFBAROMETER = "leefbaarometer", _("Leefbaarometer")
    LHBT_MONITOR = "lhbt_monitor", _("LHBT-monitor")
    JEUGDMONITOR = "jeugdmonitor", _("Jeugdmonitor")
    EIGEN_ONDERZOEK = "eigen_onderzoek", _("Eigen onderzoek of peiling")


class Richting(models.TextChoices):
    STIJGEN = "stijgen", _("Hoger is beter")
    DALEN = "dalen", _("Lager is beter")
    STABIEL = "stabiel", _("Stabiel houden")


class VerhaalSoort(models.TextChoices):
    CITAAT = "citaat", _("Citaat")
    FOCUSGROEP = "focusgroep", _("Notitie uit een focusgroep")
    VERHAAL = "verhaal", _("Verhaal")


class RapportSoort(models.TextChoices):
    RAADSMEDEDELING = "raadsmededeling", _("Raadsmededeling")
    MONITORING = "monitoring", _("Monitoringsrapportage")


class MededelingStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd door B&W")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")


# Status badge tones (templates: {% status_badge m.get_status_display m.status_tone %}).
MEDEDELING_TONE = {
    MededelingStatus.CONCEPT: "warning",
    MededelingStatus.GOEDGEKEURD: "success",
    MededelingStatus.GEPUBLICEERD: "active",
}

WOO_GROND_PERSOONSGEGEVENS = "5.1.2e"
