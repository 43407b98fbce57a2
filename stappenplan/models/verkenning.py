"""The verkenning questionnaire engine (Movisie Bijlage 1-3, Arnhem's foto per speerpunt).

Questionnaires are data: Vragenlijst -> Deel -> Vraag (with sub-questions). A
definition is versioned; a filled-in Verkenning points at the exact version it
was made with, so changing a questionnaire never rewrites old answers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Levensdomein
from inclusie.models.base import TimeStampedModel
from inclusie.models.reports import ReportRow
from stappenplan.constants import (
    VERKENNING_STATUS_TONE,
    AntwoordStaat,
    GebeurtenisActie,
    VerkenningStatus,
    VraagSoort,
)

MAX_ANTWOORD = 10000  # characters; a sane limit for one answer


class Vragenlijst(TimeStampedModel):
    code = models.SlugField(_("code"), max_length=60)
    versie = models.PositiveIntegerField(_("versie"), default=1)
    titel = models.CharField(_("titel"), max_length=200)
    inleiding = models.TextField(_("inleiding"), blank=True)
    bron = models.CharField(
        _("bron"),
        max_length=300,
        blank=True,
        help_text=_("Wie de vragen heeft gemaakt, bijvoorbeeld Movisie."),
    )
    vraagt_levensdomein = models.BooleanField(
        _("vraagt om een levensdomein"),
        default=False,
        help_text=_("Een verkenning met deze vragenlijst kiest een levensdomein."),
    )
    actief = models.BooleanField(
        _("actieve versie"), default=True, help_text=_("Nieuwe verkenningen gebruiken deze versie.")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    door_gemeente = models.BooleanField(
        _("versie van de gemeente"),
        default=False,
        help_text=_(
            "Gemaakt door de beheerder in het portaal. Een nieuwe versie van de meegeleverde "
            "vragen vervangt deze nooit."
        ),
    )

    class Meta:
        ordering = ["volgorde", "code", "-versie"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        constraints = [
            models.UniqueConstraint(fields=["code", "versie"], name="vragenlijst_code_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.titel} (versie {self.versie})"

    def get_absolute_url(self) -> str:
        return reverse("vragenlijst-detail", args=[self.pk])


class Deel(models.Model):
    vragenlijst = models.ForeignKey(
        Vragenlijst, on_delete=models.CASCADE, related_name="delen", verbose_name=_("vragenlijst")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["vragenlijst", "nummer"]
        verbose_name = _("deel")
        verbose_name_plural = _("delen")
        constraints = [
            models.UniqueConstraint(fields=["vragenlijst", "nummer"], name="deel_nummer_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


class Vraag(models.Model):
    Soort = VraagSoort

    deel = models.ForeignKey(
        Deel, on_delete=models.CASCADE, related_name="vragen", verbose_name=_("deel")
    )
    hoofdvraag = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deelvragen",
        verbose_name=_("hoofdvraag"),
    )
    nummer = models.CharField(_("nummer"), max_length=10, help_text=_("Bijvoorbeeld 3 of 3b."))
    tekst = models.TextField(_("vraag"))
    hulptekst = models.TextField(_("uitleg bij de vraag"), blank=True)
    soort = models.CharField(_("soort vraag"), max_length=20, choices=Soort, default=Soort.OPEN)
    opties = models.JSONField(_("keuzemogelijkheden"), default=list, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["deel", "volgorde"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return f"{self.nummer}. {self.tekst[:60]}"

    @property
    def is_deelvraag(self) -> bool:
        return self.hoofdvraag_id is not None


class Verkenning(TimeStampedModel):
    Status = VerkenningStatus

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        on_delete=models.PROTECT,
        related_name="verkenningen",
        verbose_name=_("vragenlijst"),
    )
    titel = models.CharField(_("titel"), max_length=200)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    levensdomein = models.CharField(
        _("levensdomein"), max_length=20, choices=Levensdomein, blank=True
    )
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verkenningen",
        verbose_name=_("wijk of kern"),
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="verkenningen",
        verbose_name=_("gemaakt door"),
    )
    gedeeld_met = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="gedeelde_verkenningen",
        verbose_name=_("gedeeld met"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.CONCEPT, db_index=True
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("verkenning")
        verbose_name_plural = _("verkenningen")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("verkenning-detail", args=[self.pk])

    @property
    def is_ingediend(self) -> bool:
        return self.status == self.Status.INGEDIEND

    @property
    def status_tone(self) -> str:
        return VERKENNING_STATUS_TONE.get(self.status, "neutral")


class Antwoord(models.Model):
    """One answer. `versie` grows with every save: the optimistic lock."""

    Staat = AntwoordStaat

    verkenning = models.ForeignKey(
        Verkenning,
        on_delete=models.CASCADE,
        related_name="antwoorden",
        verbose_name=_("verkenning"),
    )
    vraag = models.ForeignKey(
        Vraag, on_delete=models.PROTECT, related_name="antwoorden", verbose_name=_("vraag")
    )
    tekst = models.TextField(_("antwoord"), blank=True, max_length=MAX_ANTWOORD)
    keuzes = models.JSONField(_("gekozen opties"), default=list, blank=True)
    overgeslagen = models.BooleanField(_("overgeslagen"), default=False)
    tip = models.TextField(
        _("hoe kunnen we het antwoord vinden?"), blank=True, max_length=MAX_ANTWOORD
    )
    versie = models.PositiveIntegerField(_("versie"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("laatst gewijzigd door"),
    )
    gewijzigd_op = models.DateTimeField(_("laatst gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["verkenning", "vraag__volgorde"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["verkenning", "vraag"], name="antwoord_per_vraag_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.verkenning} - {self.vraag.nummer}"

    @property
    def staat(self) -> str:
        if self.overgeslagen:
            return self.Staat.OVERGESLAGEN
        if self.tekst.strip() or self.keuzes:
            return self.Staat.BEANTWOORD
        return self.Staat.OPEN


class VerkenningGebeurtenis(models.Model):
    """Log of what happened to a verkenning (created, shared, submitted, reopened)."""

    Actie = GebeurtenisActie

    verkenning = models.ForeignKey(
        Verkenning,
        on_delete=models.CASCADE,
        related_name="gebeurtenissen",
        verbose_name=_("verkenning"),
    )
    actie = models.CharField(_("actie"), max_length=20, choices=Actie)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("gebeurtenis bij een verkenning")
        verbose_name_plural = _("gebeurtenissen bij verkenningen")

    def __str__(self) -> str:
        return f"{self.get_actie_display()} - {self.verkenning}"


class VerkenningRapport(ReportRow):
    """A verkenning PDF request: a row first, rendered by the core's report pipeline."""

    upload_dir = "verkenningen"

    verkenning = models.ForeignKey(
        Verkenning, on_delete=models.CASCADE, related_name="rapporten", verbose_name=_("verkenning")
    )
    antwoorden_stand = models.DateTimeField(_("stand van de antwoorden"), null=True, blank=True)

    class Meta(ReportRow.Meta):
        verbose_name = _("verkenningsrapport")
        verbose_name_plural = _("verkenningsrapporten")

    def __str__(self) -> str:
        return f"{self.verkenning} ({self.get_status_display()})"

    def status_url(self) -> str:
        return reverse("verkenning-rapport-status", args=[self.pk])

    def download_url(self) -> str:
        return reverse("verkenning-rapport-download", args=[self.pk])
