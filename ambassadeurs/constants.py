"""Choices of the ambassadors app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AmbassadeurStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    INTAKE = "intake", _("Intake")
    ACTIEF = "actief", _("Actief")
    GESTOPT = "gestopt", _("Gestopt")


# Status badge tones ({% status_badge label tone %}): the text says the status, the tone supports it.
STATUS_TONE: dict[str, str] = {
    AmbassadeurStatus.AANGEMELD: "neutral",
    AmbassadeurStatus.INTAKE: "warning",
    AmbassadeurStatus.ACTIEF: "success",
    AmbassadeurStatus.GESTOPT: "inactive",
}

# Which status may follow which. Someone who stopped can come back (via intake or directly).
STATUS_OVERGANGEN: dict[str, tuple[str, ...]] = {
    AmbassadeurStatus.AANGEMELD: (AmbassadeurStatus.INTAKE, AmbassadeurStatus.GESTOPT),
    AmbassadeurStatus.INTAKE: (AmbassadeurStatus.ACTIEF, AmbassadeurStatus.GESTOPT),
    AmbassadeurStatus.ACTIEF: (AmbassadeurStatus.GESTOPT,),
    AmbassadeurStatus.GESTOPT: (AmbassadeurStatus.INTAKE, AmbassadeurStatus.ACTIEF),
}


class ActiviteitSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek (bijvoorbeeld met de directie)")
    TRAINING = "training", _("Training of workshop voor collega's")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst of activiteit in de wijk")
    SAMENWERKING = "samenwerking", _("Samenwerking met een andere organisatie")
    COMMUNICATIE = "communicatie", _("Communicatie (nieuwsbrief, sociale media)")
    BELEID = "beleid", _("Werk aan beleid in de eigen organisatie")
    OVERIG = "overig", _("Overig")


# The five profile criteria of the Deventer nota ("Profielschets ambassadeur"): field -> label.
PROFIEL_CRITERIA: tuple[tuple[str, str], ...] = (
    ("crit_onderscheid", _("Begrijpt het onderscheid tussen diversiteit en inclusie")),
    (
        "crit_motivatie",
        _("Is intrinsiek gemotiveerd en wil bijdragen aan een inclusieve gemeente"),
    ),
    ("crit_noodzaak", _("Onderschrijft de noodzaak van inclusie in organisatie en stad")),
    ("crit_netwerk", _("Heeft een relevant netwerk in de stad of wil dat opbouwen")),
    ("crit_contacten", _("Is vaardig in het leggen van nieuwe contacten")),
)
