"""The Movisie stappenplan Inclusief Beleid: five steps, three randvoorwaarden.

The steps have no fixed order, so each carries its own status. The werkgroep and
the participation activities are the randvoorwaarden made concrete.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.models.base import TimeStampedModel
from inclusie.uploads import UploadValidator
from stappenplan.constants import (
    STAP_STATUS_TONE,
    ParticipatieSoort,
    StapSoort,
    StapStatus,
    WerkgroepDoel,
)


class Stap(TimeStampedModel):
    Soort = StapSoort

    Status = StapStatus

    code = models.SlugField(_("code"), max_length=40, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort, default=Soort.STAP)
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    titel = models.CharField(_("titel"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NIET_GESTART
    )
    notities = models.TextField(_("notities"), blank=True, max_length=20000)
    verkenning = models.ForeignKey(
        "stappenplan.Verkenning",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stappen",
        verbose_name=_("gekoppelde verkenning"),
    )

    class Meta:
        ordering = ["soort", "nummer"]
        verbose_name = _("stap van het stappenplan")
        verbose_name_plural = _("stappen van het stappenplan")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("stap-detail", args=[self.pk])

    @property
    def status_tone(self) -> str:
        return STAP_STATUS_TONE.get(self.status, "neutral")


class StapDocument(TimeStampedModel):
    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, related_name="documenten", verbose_name=_("stap")
    )
    titel = models.CharField(_("titel"), max_length=200)
    bestand = models.FileField(
        _("bestand"), upload_to="stappenplan/", validators=[UploadValidator()]
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("toegevoegd door"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")

    def __str__(self) -> str:
        return self.titel


class StapActie(TimeStampedModel):
    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, related_name="acties", verbose_name=_("stap")
    )
    omschrijving = models.CharField(_("wat moet er gebeuren?"), max_length=300)
    eigenaar = models.ForeignKey(
        "inclusie.Persoon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stap_acties",
        verbose_name=_("wie doet het?"),
    )
    deadline = models.DateField(_("uiterlijk klaar op"), null=True, blank=True)
    afgerond = models.BooleanField(_("afgerond"), default=False)

    class Meta:
        ordering = ["afgerond", "deadline", "pk"]
        verbose_name = _("volgende actie")
        verbose_name_plural = _("volgende acties")

    def __str__(self) -> str:
        return self.omschrijving


class StapGebeurtenis(models.Model):
    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, related_name="gebeurtenissen", verbose_name=_("stap")
    )
    tekst = models.CharField(_("wat is er gebeurd?"), max_length=400)
    status = models.CharField(
        _("nieuwe status"),
        max_length=20,
        choices=Stap.Status,
        blank=True,
        help_text=_("Ingevuld als de status van de stap veranderde; de cijfers lezen dit."),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("gebeurtenis bij een stap")
        verbose_name_plural = _("gebeurtenissen bij stappen")

    def __str__(self) -> str:
        return self.tekst


class Werkgroep(TimeStampedModel):
    Doel = WerkgroepDoel

    naam = models.CharField(_("naam"), max_length=200)
    doel = models.CharField(_("doel van de groep"), max_length=20, choices=Doel)
    omschrijving = models.TextField(_("afspraken en rol"), blank=True, max_length=5000)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("werkgroep-detail", args=[self.pk])


class WerkgroepLid(TimeStampedModel):
    """A member brings a domain and knowledge of diversity aspects, never personal traits."""

    werkgroep = models.ForeignKey(
        Werkgroep, on_delete=models.CASCADE, related_name="leden", verbose_name=_("werkgroep")
    )
    persoon = models.ForeignKey(
        "inclusie.Persoon",
        on_delete=models.CASCADE,
        related_name="werkgroep_lidmaatschappen",
        verbose_name=_("persoon"),
    )
    domein = models.CharField(_("beleidsdomein of afdeling"), max_length=120)
    rol = models.CharField(_("rol in de werkgroep"), max_length=120, blank=True)
    kennis = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="werkgroep_leden",
        verbose_name=_("kennis van diversiteitsaspecten"),
    )

    class Meta:
        ordering = ["werkgroep", "persoon__naam"]
        verbose_name = _("lid van de werkgroep")
        verbose_name_plural = _("leden van de werkgroep")
        constraints = [
            models.UniqueConstraint(fields=["werkgroep", "persoon"], name="werkgroeplid_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.persoon} ({self.werkgroep})"


class ParticipatieActiviteit(TimeStampedModel):
    Soort = ParticipatieSoort

    soort = models.CharField(_("soort activiteit"), max_length=20, choices=Soort)
    titel = models.CharField(_("titel"), max_length=200)
    datum = models.DateField(_("datum"))
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participatie_activiteiten",
        verbose_name=_("wijk of kern"),
    )
    deelnemers = models.PositiveIntegerField(
        _("aantal deelnemers"), default=0, validators=[MaxValueValidator(100000)]
    )
    bereikt = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="participatie_activiteiten",
        verbose_name=_("bereikte gemeenschappen"),
        help_text=_("Welke groepen waren er (in totaal) bij? Geen gegevens over personen."),
    )
    geleerd = models.TextField(_("wat hebben we geleerd?"), blank=True, max_length=10000)
    stap = models.ForeignKey(
        Stap,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participatie_activiteiten",
        verbose_name=_("hoort bij stap"),
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("participatieactiviteit")
        verbose_name_plural = _("participatieactiviteiten")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie-list")
