"""Monitoring: veranderverhaal, indicators, measurements with duiding, stories,
half-year snapshots, raadsmededelingen and report rows (rendered by Celery)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.models import ReportRow, TimeStampedModel

from .constants import (
    Bron,
    DoelType,
    IndicatorSoort,
    MededelingStatus,
    Niveau,
    RapportSoort,
    Richting,
    VerhaalSoort,
)
from .periods import validate_period


class Veranderverhaal(TimeStampedModel):
    """Theory of change for one shared goal: doel -> outcomes -> outputs -> activities."""

    doelstelling = models.OneToOneField(
        "deal.GezamenlijkeDoelstelling",
        verbose_name=_("gezamenlijke doelstelling"),
        on_delete=models.CASCADE,
        related_name="veranderverhaal",
    )
    maatschappelijk_doel = models.TextField(
        _("maatschappelijk doel"),
        help_text=_("Wat wil de stad samen bereiken? Beschrijf het effect in het dagelijks leven."),
    )
    aannames = models.TextField(
        _("aannames"),
        blank=True,
        help_text=_("Welke aannames zitten in de keten? Maak ze expliciet (Kwaliteitskompas)."),
    )

    class Meta:
        verbose_name = _("veranderverhaal")
        verbose_name_plural = _("veranderverhalen")
        ordering = ["doelstelling__volgorde", "doelstelling__titel"]

    def __str__(self) -> str:
        return str(self.doelstelling)

    def get_absolute_url(self) -> str:
        return reverse("monitoring:veranderverhaal-detail", args=[self.pk])


class Schakel(models.Model):
    """One link in the chain: an outcome, an output under it, an activity under that."""

    veranderverhaal = models.ForeignKey(
        Veranderverhaal,
        verbose_name=_("veranderverhaal"),
        on_delete=models.CASCADE,
        related_name="schakels",
    )
    niveau = models.CharField(_("niveau"), max_length=16, choices=Niveau.choices)
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="onderliggend",
        help_text=_("Een output hoort bij een outcome, een activiteit bij een output."),
    )
    tekst = models.CharField(_("omschrijving"), max_length=500)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("schakel in het veranderverhaal")
        verbose_name_plural = _("schakels in het veranderverhaal")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return f"{self.get_niveau_display()}: {self.tekst}"

    PARENT_LEVEL = {Niveau.OUTPUT: Niveau.OUTCOME, Niveau.ACTIVITEIT: Niveau.OUTPUT}

    def clean(self) -> None:
        expected = self.PARENT_LEVEL.get(self.niveau)
        parent = self.bovenliggend
        if expected is None and parent is not None:
            raise ValidationError({"bovenliggend": _("Een outcome hangt direct onder het doel.")})
        if expected is not None:
            if parent is None or parent.niveau != expected:
                raise ValidationError(
                    {
                        "bovenliggend": _("Kies een %(niveau)s waar dit onder hoort.")
                        % {"niveau": Niveau(expected).label.lower()}
                    }
                )
            if parent.veranderverhaal_id != self.veranderverhaal_id:
                raise ValidationError(
                    {"bovenliggend": _("Die schakel hoort bij een ander veranderverhaal.")}
                )


class Indicator(TimeStampedModel):
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    omschrijving = models.TextField(_("wat meten we en waarom"), blank=True)
    soort = models.CharField(_("soort"), max_length=16, choices=IndicatorSoort.choices)
    doeltype = models.CharField(
        _("type doel"),
        max_length=16,
        choices=DoelType.choices,
        default=DoelType.VERANDERDOEL,
        help_text=_(
            "Veranderdoel: wat verandert er in de stad. Procesdoel: hoe het programma loopt."
        ),
    )
    bron = models.CharField(_("bron"), max_length=32, choices=Bron.choices, default=Bron.INTERN)
    figuur = models.CharField(
        _("berekend uit"),
        max_length=100,
        blank=True,
        help_text=_("Alleen voor eigen gegevens: het cijfer uit het portaal dat we gebruiken."),
    )
    eenheid = models.CharField(_("eenheid"), max_length=40, blank=True)
    richting = models.CharField(
        _("gewenste richting"), max_length=16, choices=Richting.choices, default=Richting.STIJGEN
    )
    basiswaarde = models.DecimalField(
        _("nulmeting"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    doelstelling = models.ForeignKey(
        "deal.GezamenlijkeDoelstelling",
        verbose_name=_("gezamenlijke doelstelling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicatoren",
    )
    schakel = models.ForeignKey(
        Schakel,
        verbose_name=_("schakel in het veranderverhaal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicatoren",
    )
    actief = models.BooleanField(_("actief"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("monitoring:indicator-detail", args=[self.pk])

    def clean(self) -> None:
        from inclusie.registry import figure

        if self.figuur and figure(self.figuur) is None:
            raise ValidationError({"figuur": _("Dit cijfer bestaat niet in het portaal.")})


class Meting(TimeStampedModel):
    """A measured value for one half year, always with its duiding."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="metingen"
    )
    periode = models.CharField(
        _("periode"), max_length=7, validators=[validate_period], help_text=_("Bijv. 2026-H1.")
    )
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    duiding = models.TextField(
        _("duiding"),
        help_text=_("Wat betekent dit cijfer? Cijfers zijn een startpunt voor het gesprek."),
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["-periode", "indicator__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "periode"],
                name="meting_uniek_per_periode",
                violation_error_message=_("Voor deze indicator is deze periode al gemeten."),
            ),
            models.CheckConstraint(
                condition=~models.Q(duiding=""), name="meting_duiding_verplicht"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.periode}"


class Verhaal(TimeStampedModel):
    """A quote, focus-group note or story beside the numbers. Only with consent."""

    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"))
    soort = models.CharField(
        _("soort"), max_length=16, choices=VerhaalSoort.choices, default=VerhaalSoort.VERHAAL
    )
    periode = models.CharField(_("periode"), max_length=7, validators=[validate_period])
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("bij indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verhalen",
    )
    bron = models.CharField(
        _("van wie (zonder naam)"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld 'deelnemer taalcafé'. Geen namen of gevoelige kenmerken."),
    )
    toestemming = models.BooleanField(
        _("toestemming gegeven"),
        default=False,
        help_text=_("De verteller gaf toestemming om dit verhaal in rapportages te gebruiken."),
    )

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ["-periode", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(toestemming=True), name="verhaal_alleen_met_toestemming"
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Snapshot(models.Model):
    """The frozen figures of one half year; dashboard and reports read only this.

    A snapshot is never changed once made. Making it again is an explicit act
    that adds a new version (with a reason, audit-logged); the newest version is
    the one the dashboard shows, older versions stay readable.
    """

    periode = models.CharField(_("periode"), max_length=7)
    versie = models.PositiveIntegerField(_("versie"), default=1)
    reden = models.CharField(
        _("reden voor deze versie"),
        max_length=300,
        blank=True,
        help_text=_("Waarom de cijfers van dit halfjaar opnieuw zijn vastgelegd."),
    )
    data = models.JSONField(_("gegevens"), default=dict)
    gemaakt_op = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnamen")
        ordering = ["-periode", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "versie"], name="snapshot_periode_versie")
        ]

    def __str__(self) -> str:
        return f"{self.periode} v{self.versie}"

    @property
    def periode_label(self) -> str:
        """ "eerste halfjaar 2026" """
        from monitoring.periods import Period

        return Period.parse(self.periode).label


class Raadsmededeling(TimeStampedModel):
    """A council communication in the shape of the Deventer nota to B&W, drafted from a snapshot."""

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    periode = models.CharField(_("periode"), max_length=7, validators=[validate_period])
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    inleiding = models.TextField(_("1. Inleiding: waarom deze mededeling"))
    kader = models.TextField(_("2. Kader"))
    kern = models.TextField(_("3. Kern van de boodschap"))
    toelichting = models.TextField(_("4. Nadere toelichting"), blank=True)
    communicatie = models.TextField(
        _("Communicatie"),
        blank=True,
        help_text=_(
            "Optioneel. Leeg laten als er niets te melden is; dan staat het niet in de PDF."
        ),
    )
    vervolg = models.TextField(
        _("Vervolg"),
        blank=True,
        help_text=_("Optioneel. Wat gebeurt er hierna, en wanneer hoort de raad weer van ons?"),
    )
    momentopname = models.ForeignKey(
        Snapshot,
        verbose_name=_("momentopname"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsmededelingen",
        help_text=_(
            "De versie van de momentopname waaruit de mededeling is opgesteld. Een nieuwere "
            "versie neemt de mededeling alleen over als iemand daarvoor kiest."
        ),
    )
    kerncijfers = models.JSONField(
        _("cijfers in de kern"),
        default=list,
        blank=True,
        help_text=_("De drie tot zes cijfers die in 3. Kern van de boodschap staan."),
    )
    revisie = models.PositiveIntegerField(
        _("revisie"),
        default=1,
        editable=False,
        help_text=_("Telt elke opslag; zo ziet het portaal dat een collega intussen wijzigde."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MededelingStatus.choices,
        default=MededelingStatus.CONCEPT,
    )
    bw_datum = models.DateField(_("BenW-besluit d.d."), null=True, blank=True)
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("goedgekeurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    openbaar_onderwerp = models.CharField(
        _("onderwerp (openbare versie, gelakt)"), max_length=300, blank=True, editable=False
    )
    openbare_pdf = models.FileField(_("openbare PDF"), upload_to="openbaar/", blank=True)

    class Meta:
        verbose_name = _("raadsmededeling")
        verbose_name_plural = _("raadsmededelingen")
        ordering = ["-jaar", "-volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="mededeling_uniek_nummer"),
            models.CheckConstraint(
                condition=models.Q(status=MededelingStatus.CONCEPT)
                | models.Q(bw_datum__isnull=False),
                name="mededeling_goedgekeurd_met_bw_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.onderwerp}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:raadsmededeling-detail", args=[self.pk])

    @property
    def nummer(self) -> str:
        """Mededelingennr in the form YYYY-NNNNNN."""
        return f"{self.jaar}-{self.volgnummer:06d}"

    @property
    def is_concept(self) -> bool:
        return self.status == MededelingStatus.CONCEPT

    @property
    def status_tone(self) -> str:
        from monitoring.constants import MEDEDELING_TONE

        return MEDEDELING_TONE.get(self.status, "neutral")

    # Sections in document order; the last two are optional (left out of the PDF when empty).
    SECTIONS = ("inleiding", "kader", "kern", "toelichting", "communicatie", "vervolg")
    OPTIONAL_SECTIONS = ("communicatie", "vervolg")


class RaadsmededelingVersie(models.Model):
    """Every saved text of a raadsmededeling is kept."""

    raadsmededeling = models.ForeignKey(
        Raadsmededeling,
        verbose_name=_("raadsmededeling"),
        on_delete=models.CASCADE,
        related_name="versies",
    )
    versie = models.PositiveIntegerField(_("versie"))
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    inleiding = models.TextField(_("inleiding"))
    kader = models.TextField(_("kader"))
    kern = models.TextField(_("kern"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    communicatie = models.TextField(_("communicatie"), blank=True)
    vervolg = models.TextField(_("vervolg"), blank=True)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gemaakt_op = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("versie van een raadsmededeling")
        verbose_name_plural = _("versies van raadsmededelingen")
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["raadsmededeling", "versie"], name="mededeling_versie_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.raadsmededeling.nummer} v{self.versie}"


class RaadsmededelingOpmerking(models.Model):
    """A comment on a draft, typically by the wethouder before approving it."""

    raadsmededeling = models.ForeignKey(
        Raadsmededeling,
        verbose_name=_("raadsmededeling"),
        on_delete=models.CASCADE,
        related_name="opmerkingen",
    )
    tekst = models.TextField(_("opmerking"), max_length=4000)
    versie = models.PositiveIntegerField(
        _("bij versie"), null=True, blank=True, help_text=_("De versie die de schrijver las.")
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("opmerking bij een raadsmededeling")
        verbose_name_plural = _("opmerkingen bij raadsmededelingen")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.raadsmededeling.nummer}: {self.tekst[:40]}"


class OpenbaarAmbtsdrager(models.Model):
    """Public office holders whose names are not redacted on publication."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Alleen de namen van actieve ambtsdragers blijven staan bij het publiceren; "
            "een naam die niet meer actief is, wordt weer weggelakt."
        ),
    )

    class Meta:
        verbose_name = _("openbaar ambtsdrager")
        verbose_name_plural = _("openbare ambtsdragers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Rapport(ReportRow):
    """A monitoring report request: a row first, rendered by the core's report pipeline."""

    mails_when_ready = True

    soort = models.CharField(_("soort"), max_length=20, choices=RapportSoort.choices)
    periode = models.CharField(_("periode"), max_length=7, validators=[validate_period])
    raadsmededeling = models.ForeignKey(
        Raadsmededeling,
        verbose_name=_("raadsmededeling"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rapporten",
    )

    class Meta(ReportRow.Meta):
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporten")
        indexes = [models.Index(fields=["status", "updated_at"], name="rapport_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.periode}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:rapport-detail", args=[self.pk])

    def status_url(self) -> str:
        return self.get_absolute_url()

    def download_url(self) -> str:
        return reverse("monitoring:rapport-pdf", args=[self.pk])

    def retry_url(self) -> str | None:
        return reverse("monitoring:rapport-retry", args=[self.pk])
