"""The klankbordgroep (members, coverage tags, adviezen) and signals from the city."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.keuzes import KeuzeField
from inclusie.models import TimeStampedModel
from klankbord.constants import (
    SIGNAAL_TOON,
    UITKOMST_TOON,
    AdviesSoort,
    AdviesUitkomst,
    KlankbordRol,
    SignaalBron,
    SignaalStatus,
)


class KlankbordLid(TimeStampedModel):
    """A seat in the klankbordgroep for a term (van - tot)."""

    persoon = models.ForeignKey(
        "inclusie.Persoon",
        on_delete=models.PROTECT,
        related_name="klankbord_lidmaatschappen",
        verbose_name=_("persoon"),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=KlankbordRol.choices)
    van = models.DateField(_("lid vanaf"))
    tot = models.DateField(
        _("lid tot en met"), null=True, blank=True, help_text=_("Leeg laten als de termijn loopt.")
    )
    kennis = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="klankbord_kennis",
        verbose_name=_("kennis van"),
        help_text=_("Over welke aspecten van het diversiteitsvlechtwerk heeft dit lid kennis?"),
    )
    bereik = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="klankbord_bereik",
        verbose_name=_("bereikt gemeenschappen rond"),
        help_text=_(
            "Welke gemeenschappen bereikt dit lid? Kies aspecten, nooit persoonlijke kenmerken."
        ),
    )
    gemeenschappen = models.TextField(
        _("netwerken en gemeenschappen"),
        blank=True,
        help_text=_("Korte omschrijving van de netwerken waar dit lid toegang toe heeft."),
    )

    class Meta:
        ordering = ["rol", "persoon__naam"]
        verbose_name = _("lid van de klankbordgroep")
        verbose_name_plural = _("leden van de klankbordgroep")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__isnull=True) | models.Q(tot__gte=models.F("van")),
                name="klankbordlid_tot_na_van",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.persoon.naam} ({self.get_rol_display()})"

    def get_absolute_url(self) -> str:
        return reverse("klankbordlid-update", args=[self.pk])

    def is_actief_op(self, datum) -> bool:
        return self.van <= datum and (self.tot is None or self.tot >= datum)


class Advies(TimeStampedModel):
    """Advice of the klankbordgroep and the gemeente's response to it."""

    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    soort = models.CharField(
        _("soort advies"), max_length=12, choices=AdviesSoort.choices, default=AdviesSoort.GEVRAAGD
    )
    datum = models.DateField(_("datum advies"), help_text=_("De dag waarop het advies is gegeven."))
    beleid = models.CharField(
        _("over welk beleid"),
        max_length=300,
        blank=True,
        help_text=_("Het (voorgestelde) beleid of besluit waar het advies over gaat."),
    )
    tekst = models.TextField(_("het advies"))
    reactie_uiterlijk = models.DateField(
        _("reactie gemeente uiterlijk op"),
        help_text=_("De datum waarop de gemeente op dit advies moet reageren."),
    )
    reactie_datum = models.DateField(_("datum reactie gemeente"), null=True, blank=True)
    reactie = models.TextField(_("reactie van de gemeente"), blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=12, choices=AdviesUitkomst.choices, default=AdviesUitkomst.OPEN
    )
    motivatie = models.TextField(
        _("motivatie"),
        blank=True,
        help_text=_("Verplicht als het advies niet of deels is overgenomen."),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    herinnering_op = models.DateField(
        _("herinnering verstuurd op"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reactie_uiterlijk__gte=models.F("datum")),
                name="advies_termijn_na_datum",
                violation_error_message=_(
                    "De uiterste reactiedatum kan niet voor de datum van het advies liggen."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.onderwerp

    def get_absolute_url(self) -> str:
        return reverse("advies-detail", args=[self.pk])

    @property
    def heeft_reactie(self) -> bool:
        return self.reactie_datum is not None

    @property
    def reactie_te_laat(self) -> bool:
        """Overdue now (no response and past due) or answered after the due date."""
        if self.reactie_datum is None:
            return self.reactie_uiterlijk < timezone.localdate()
        return self.reactie_datum > self.reactie_uiterlijk

    @property
    def status_label(self) -> str:
        """Where the gemeente's response stands, in a word or two (the status badge)."""
        if self.heeft_reactie:
            return str(self.get_uitkomst_display())
        if self.reactie_te_laat:
            return str(_("Reactie te laat"))
        return str(_("Wacht op reactie"))

    @property
    def status_toon(self) -> str:
        if self.heeft_reactie:
            return UITKOMST_TOON.get(self.uitkomst, "neutral")
        return "danger" if self.reactie_te_laat else "neutral"


class Signaal(TimeStampedModel):
    """Something heard in the city: a theme, a wijk, a source, and what is done with it."""

    titel = models.CharField(_("wat hoorde u?"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    datum = models.DateField(_("datum"), help_text=_("Wanneer hoorde u dit?"))
    thema = KeuzeField(_("thema"), keuzelijst="signaalthema", max_length=20)
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
        verbose_name=_("wijk of kern"),
    )
    bron = models.CharField(_("bron"), max_length=16, choices=SignaalBron.choices)
    bron_toelichting = models.CharField(
        _("toelichting op de bron"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de naam van een organisatie. Geen namen van inwoners."),
    )
    aspecten = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="signalen",
        verbose_name=_("diversiteitsaspecten"),
        help_text=_("Welke aspecten van het diversiteitsvlechtwerk raakt dit signaal?"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SignaalStatus.choices, default=SignaalStatus.NIEUW
    )
    opvolging = models.TextField(
        _("opvolging"), blank=True, help_text=_("Wat is er met dit signaal gedaan?")
    )
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gemelde_signalen",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [models.Index(fields=["datum", "thema"], name="signaal_datum_thema")]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("signaal-detail", args=[self.pk])

    @property
    def status_toon(self) -> str:
        return SIGNAAL_TOON.get(self.status, "neutral")
