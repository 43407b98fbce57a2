"""Retention periods per kind of personal data, retention runs and people's requests."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie import dates
from inclusie.models import TimeStampedModel


class Bewaartermijn(TimeStampedModel):
    """The beheerder's retention period for one kind (inclusie.persondata.RetentionKind)."""

    soort = models.CharField(_("soort gegevens"), max_length=40, unique=True)
    maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn in maanden"),
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
    )

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["soort"]

    def __str__(self) -> str:
        return f"{self.soort}: {self.maanden}"


class RetentieRun(TimeStampedModel):
    """One run of the retention task: a row first, then what it changed per kind."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    class Aanleiding(models.TextChoices):
        NACHT = "nacht", _("Nachtelijke taak")
        HANDMATIG = "handmatig", _("Gestart door de beheerder")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WACHTEND
    )
    aanleiding = models.CharField(
        _("aanleiding"), max_length=16, choices=Aanleiding.choices, default=Aanleiding.NACHT
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestart door"),
    )
    peildatum = models.DateField(_("peildatum"))
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    aantallen = models.JSONField(_("aantallen per soort"), default=dict, blank=True)
    details = models.JSONField(_("wat er veranderde"), default=dict, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("run van de bewaartermijnen")
        verbose_name_plural = _("runs van de bewaartermijnen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{dates.datum(self.peildatum)} ({self.get_status_display()})"

    @property
    def totaal(self) -> int:
        return sum(int(n) for n in self.aantallen.values())


class PersoonsVerzoek(TimeStampedModel):
    """A request about one person's data (AVG art. 15 access, art. 17 erasure), logged.

    Holds no name: only the ids of the Persoon/account and what was done per kind,
    so the log of an erasure does not keep what was erased.
    """

    class Soort(models.TextChoices):
        INZAGE = "inzage", _("Inzage (art. 15)")
        WISSEN = "wissen", _("Wissen of anonimiseren (art. 17)")

    soort = models.CharField(_("soort verzoek"), max_length=16, choices=Soort.choices)
    persoon_ref = models.PositiveBigIntegerField(_("persoon (id)"), null=True, blank=True)
    user_ref = models.PositiveBigIntegerField(_("account (id)"), null=True, blank=True)
    formaat = models.CharField(_("formaat"), max_length=8, blank=True)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgevoerd door"),
    )
    resultaat = models.JSONField(_("resultaat per soort gegevens"), default=dict, blank=True)

    class Meta:
        verbose_name = _("verzoek over persoonsgegevens")
        verbose_name_plural = _("verzoeken over persoonsgegevens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {dates.datum(self.created_at)}"
