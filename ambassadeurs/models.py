"""Ambassadors: profile with the five criteria, status history, coaching log, activities.

An ambassador is a Persoon (OneToOne): the Persoon links to the User account for
self-service and holds organisation, function and wijk. Pijler memberships are
``pijlers.Lidmaatschap`` rows with rol=ambassadeur for that Persoon.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ambassadeurs.constants import (
    PROFIEL_CRITERIA,
    STATUS_TONE,
    ActiviteitSoort,
    AmbassadeurStatus,
)
from inclusie import dates
from inclusie.models import TimeStampedModel


class Ambassadeur(TimeStampedModel):
    persoon = models.OneToOneField(
        "inclusie.Persoon",
        on_delete=models.PROTECT,
        related_name="ambassadeurschap",
        verbose_name=_("persoon"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AmbassadeurStatus.choices,
        default=AmbassadeurStatus.AANGEMELD,
    )
    aangemeld_op = models.DateField(_("aangemeld op"))
    intake_op = models.DateField(_("intake op"), null=True, blank=True)
    actief_sinds = models.DateField(_("actief sinds"), null=True, blank=True)
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    motivatie = models.TextField(
        _("motivatie"), blank=True, help_text=_("Waarom wil deze persoon ambassadeur zijn?")
    )
    netwerken = models.TextField(
        _("netwerken en gemeenschappen"),
        blank=True,
        help_text=_("In welke netwerken en gemeenschappen is deze ambassadeur actief?"),
    )
    bereik = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="ambassadeurs",
        verbose_name=_("bereik in het diversiteitsvlechtwerk"),
        help_text=_(
            "Welke aspecten kent deze ambassadeur via het eigen netwerk? "
            "Dit gaat over kennis en bereik, nooit over persoonlijke kenmerken."
        ),
    )
    crit_onderscheid = models.BooleanField(PROFIEL_CRITERIA[0][1], default=False)
    crit_motivatie = models.BooleanField(PROFIEL_CRITERIA[1][1], default=False)
    crit_noodzaak = models.BooleanField(PROFIEL_CRITERIA[2][1], default=False)
    crit_netwerk = models.BooleanField(PROFIEL_CRITERIA[3][1], default=False)
    crit_contacten = models.BooleanField(PROFIEL_CRITERIA[4][1], default=False)

    class Meta:
        ordering = ["persoon__naam"]
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gestopt_op__isnull=True)
                | models.Q(actief_sinds__isnull=True)
                | models.Q(gestopt_op__gte=models.F("actief_sinds")),
                name="ambassadeur_gestopt_na_actief",
                violation_error_message=_("De stopdatum ligt voor de datum 'actief sinds'."),
            )
        ]

    def __str__(self) -> str:
        return self.persoon.naam

    def get_absolute_url(self) -> str:
        return reverse("ambassadeur-detail", args=[self.pk])

    @property
    def criteria(self) -> list[tuple[str, bool]]:
        return [(label, getattr(self, name)) for name, label in PROFIEL_CRITERIA]

    @property
    def criteria_score(self) -> int:
        return sum(1 for name, _label in PROFIEL_CRITERIA if getattr(self, name))

    @property
    def status_tone(self) -> str:
        return STATUS_TONE.get(self.status, "neutral")


class StatusWijziging(TimeStampedModel):
    """One step in an ambassador's status history (aangemeld -> intake -> actief -> gestopt)."""

    ambassadeur = models.ForeignKey(
        Ambassadeur,
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
        verbose_name=_("ambassadeur"),
    )
    status = models.CharField(_("nieuwe status"), max_length=16, choices=AmbassadeurStatus.choices)
    datum = models.DateField(_("datum"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({dates.datum(self.datum)})"


class CoachingNotitie(TimeStampedModel):
    """The kwartiermaker's coaching log: private to kwartiermaker and beheerder."""

    ambassadeur = models.ForeignKey(
        Ambassadeur,
        on_delete=models.CASCADE,
        related_name="coachingnotities",
        verbose_name=_("ambassadeur"),
    )
    datum = models.DateField(_("datum"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    notitie = models.TextField(_("notitie"))
    vervolgafspraak = models.DateField(_("vervolgafspraak"), null=True, blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("coachingsnotitie")
        verbose_name_plural = _("coachingsnotities")

    def __str__(self) -> str:
        return self.onderwerp


class Activiteit(TimeStampedModel):
    """Something an ambassador did in their organisation or wijk."""

    ambassadeur = models.ForeignKey(
        Ambassadeur,
        on_delete=models.CASCADE,
        related_name="activiteiten",
        verbose_name=_("ambassadeur"),
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort activiteit"), max_length=20, choices=ActiviteitSoort.choices)
    titel = models.CharField(
        _("wat heeft u gedaan?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: gesprek met onze directeur over werving."),
    )
    omschrijving = models.TextField(_("toelichting"), blank=True)
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijk"),
    )
    aantal_bereikt = models.PositiveIntegerField(
        _("aantal mensen bereikt"),
        null=True,
        blank=True,
        help_text=_("Een schatting is goed. Laat leeg als u het niet weet."),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [models.Index(fields=["datum", "soort"], name="amb_activiteit_datum_soort")]

    def __str__(self) -> str:
        return self.titel
