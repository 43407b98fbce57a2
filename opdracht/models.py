"""The kwartiermaker's assignment: period, hours per week, budget, hours and expenses."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inclusie import dates
from inclusie.models.base import TimeStampedModel
from opdracht.constants import UrenActiviteit


class Opdracht(TimeStampedModel):
    omschrijving = models.TextField(_("omschrijving van de opdracht"))
    programma = models.CharField(_("programma"), max_length=120, default="Meedoen")
    kwartiermaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opdrachten",
        verbose_name=_("kwartiermaker"),
    )
    start = models.DateField(_("startdatum"))
    eind = models.DateField(_("einddatum"))
    uren_per_week = models.DecimalField(
        _("uren per week"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("60"))],
    )
    budget = models.DecimalField(
        _("budget in euro"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    uurtarief = models.DecimalField(
        _("uurtarief in euro"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Geregistreerde uren maal dit tarief tellen als besteed budget."),
    )
    borging = models.TextField(
        _("borging na afloop"),
        blank=True,
        help_text=_("Wat gebeurt er als de opdracht afloopt? Wie neemt wat over?"),
    )

    class Meta:
        ordering = ["-start"]
        verbose_name = _("opdracht kwartiermaker")
        verbose_name_plural = _("opdrachten kwartiermaker")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gt=models.F("start")),
                name="opdracht_eind_na_start",
                violation_error_message=_("De einddatum moet na de startdatum liggen."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.programma} {dates.datum(self.start)} - {dates.datum(self.eind)}"

    def get_absolute_url(self) -> str:
        return reverse("opdracht-detail", args=[self.pk])

    @property
    def weken(self) -> Decimal:
        return Decimal((self.eind - self.start).days) / Decimal(7)

    @property
    def uren_gepland(self) -> Decimal:
        return (self.uren_per_week * self.weken).quantize(Decimal("1"))


def week_start(datum: datetime.date) -> datetime.date:
    return datum - datetime.timedelta(days=datum.weekday())


class Urenregistratie(TimeStampedModel):
    opdracht = models.ForeignKey(
        Opdracht, on_delete=models.CASCADE, related_name="uren", verbose_name=_("opdracht")
    )
    week = models.DateField(
        _("week"), help_text=_("Een dag in de week; we bewaren de maandag van die week.")
    )
    activiteit = models.CharField(
        _("waaraan besteed"), max_length=16, choices=UrenActiviteit.choices
    )
    uren = models.DecimalField(
        _("uren"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("80"))],
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-week", "activiteit"]
        verbose_name = _("urenregistratie")
        verbose_name_plural = _("urenregistraties")
        indexes = [models.Index(fields=["opdracht", "week"], name="uren_opdracht_week")]

    def __str__(self) -> str:
        return f"{dates.datum(self.week)} {self.get_activiteit_display()}: {self.uren}"


class Uitgave(TimeStampedModel):
    """Money spent from the budget besides the kwartiermaker's hours."""

    opdracht = models.ForeignKey(
        Opdracht, on_delete=models.CASCADE, related_name="uitgaven", verbose_name=_("opdracht")
    )
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bedrag = models.DecimalField(
        _("bedrag in euro"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("uitgave")
        verbose_name_plural = _("uitgaven")

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.bedrag})"
