from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deal.constants import (
    FASE_TONE,
    INITIATIEF_TONE,
    TOEZEGGING_TONE,
    ContactSoort,
    Fase,
    InitiatiefStatus,
    KennisSoort,
    ToezeggingSoort,
    ToezeggingStatus,
)
from inclusie.keuzes import KeuzeField
from inclusie.models import TimeStampedModel
from inclusie.uploads import DOCUMENT_KINDS, UploadValidator


class GezamenlijkeDoelstelling(TimeStampedModel):
    """A shared goal of the Deal; monitoring hangs its veranderverhaal and indicators on it."""

    titel = models.CharField(_("titel"), max_length=300, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "titel"]
        verbose_name = _("gezamenlijke doelstelling")
        verbose_name_plural = _("gezamenlijke doelstellingen")

    def __str__(self) -> str:
        return self.titel


class Partner(TimeStampedModel):
    """An organisation on its way into the Deal (or in it)."""

    organisatie = models.OneToOneField(
        "inclusie.Organisatie",
        on_delete=models.PROTECT,
        related_name="partner",
        verbose_name=_("organisatie"),
    )
    fase = models.CharField(
        _("fase"), max_length=20, choices=Fase.choices, default=Fase.VERKEND, db_index=True
    )
    fase_sinds = models.DateField(_("in deze fase sinds"), default=timezone.localdate)
    pijlers = models.ManyToManyField(
        "pijlers.Pijler", blank=True, related_name="partners", verbose_name=_("pijlers")
    )
    contactpersonen = models.ManyToManyField(
        "inclusie.Persoon",
        blank=True,
        related_name="partner_contacten",
        verbose_name=_("contactpersonen"),
    )
    volgende_actie = models.CharField(
        _("volgende stap"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: terugbellen over de ondertekening."),
    )
    volgende_actie_op = models.DateField(
        _("volgende stap uiterlijk op"), null=True, blank=True, db_index=True
    )
    ondertekend_op = models.DateField(_("ondertekend op"), null=True, blank=True)
    ondertekenaar_naam = models.CharField(_("naam ondertekenaar"), max_length=200, blank=True)
    ondertekenaar_functie = models.CharField(_("functie ondertekenaar"), max_length=200, blank=True)
    ondertekend_document = models.FileField(
        _("ondertekend document (PDF)"),
        upload_to="deal/ondertekening/%Y/",
        blank=True,
        validators=[UploadValidator(kinds=("pdf",), max_mb=10)],
    )
    openbaar = models.BooleanField(
        _("tonen op de openbare Deal-pagina"),
        default=True,
        help_text=_("Alleen ondertekende organisaties verschijnen op de openbare pagina."),
    )

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return str(self.organisatie)

    def get_absolute_url(self) -> str:
        return reverse("deal:partner-detail", args=[self.pk])

    @property
    def fase_tone(self) -> str:
        return FASE_TONE.get(self.fase, "neutral")

    @property
    def volgende_stap_te_laat(self) -> bool:
        """The next step's deadline has passed (the follow-up list marks it)."""
        return self.volgende_actie_op is not None and self.volgende_actie_op < timezone.localdate()


class FaseWijziging(models.Model):
    """A dated, attributed step in a partner's journey."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="fasewijzigingen", verbose_name=_("partner")
    )
    van = models.CharField(_("van fase"), max_length=20, choices=Fase.choices, blank=True)
    naar = models.CharField(_("naar fase"), max_length=20, choices=Fase.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    reden = models.TextField(_("reden of toelichting"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        ordering = ["-datum", "-vastgelegd_op", "-pk"]
        verbose_name = _("fasewijziging")
        verbose_name_plural = _("fasewijzigingen")
        indexes = [models.Index(fields=["partner", "datum"])]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_van_display()} -> {self.get_naar_display()}"


class Contactmoment(models.Model):
    """A conversation, e-mail or meeting with a partner, logged by the kwartiermaker."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contactmomenten", verbose_name=_("partner")
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=ContactSoort.choices, default=ContactSoort.GESPREK
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    persoon = models.ForeignKey(
        "inclusie.Persoon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("met wie"),
    )
    notitie = models.TextField(_("notitie"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        ordering = ["-datum", "-vastgelegd_op"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}: {self.partner}"


class Toezegging(TimeStampedModel):
    """What a partner commits to: towards the city, or inside its own organisation."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="toezeggingen", verbose_name=_("partner")
    )
    soort = models.CharField(
        _("soort toezegging"),
        max_length=20,
        choices=ToezeggingSoort.choices,
        default=ToezeggingSoort.STAD,
    )
    thema = KeuzeField(_("thema"), keuzelijst="thema", max_length=20, blank=True)
    titel = models.CharField(_("wat zegt de partner toe?"), max_length=300)
    omschrijving = models.TextField(_("toelichting"), blank=True)
    doelstelling = models.ForeignKey(
        GezamenlijkeDoelstelling,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toezeggingen",
        verbose_name=_("gezamenlijke doelstelling"),
    )
    pijler = models.ForeignKey(
        "pijlers.Pijler",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toezeggingen",
        verbose_name=_("pijler"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ToezeggingStatus.choices,
        default=ToezeggingStatus.VOORGENOMEN,
        db_index=True,
    )
    openbaar = models.BooleanField(
        _("openbaar"),
        default=True,
        help_text=_("Tonen op de openbare Deal-pagina zodra de partner heeft ondertekend."),
    )

    class Meta:
        ordering = ["partner__organisatie__naam", "titel"]
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("deal:toezegging-detail", args=[self.pk])

    @property
    def status_tone(self) -> str:
        return TOEZEGGING_TONE.get(self.status, "neutral")


class ToezeggingStatusWijziging(models.Model):
    """A dated step in a commitment's status history: the figures read the status at a date."""

    toezegging = models.ForeignKey(
        Toezegging,
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
        verbose_name=_("toezegging"),
    )
    van = models.CharField(
        _("van status"), max_length=20, choices=ToezeggingStatus.choices, blank=True
    )
    naar = models.CharField(_("naar status"), max_length=20, choices=ToezeggingStatus.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        ordering = ["-datum", "-vastgelegd_op", "-pk"]
        verbose_name = _("statuswijziging van een toezegging")
        verbose_name_plural = _("statuswijzigingen van toezeggingen")

    def __str__(self) -> str:
        return f"{self.datum}: {self.get_naar_display()}"


class Voortgang(models.Model):
    """A dated progress note on a commitment, with evidence (text, link, file)."""

    toezegging = models.ForeignKey(
        Toezegging, on_delete=models.CASCADE, related_name="voortgang", verbose_name=_("toezegging")
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    tekst = models.TextField(_("wat is er gebeurd?"))
    link = models.URLField(_("link naar bewijs"), blank=True)
    bestand = models.FileField(
        _("bestand als bewijs"),
        upload_to="deal/voortgang/%Y/",
        blank=True,
        validators=[UploadValidator(kinds=DOCUMENT_KINDS, max_mb=10)],
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")

    def __str__(self) -> str:
        return f"{self.datum}: {self.toezegging}"


class Initiatief(TimeStampedModel):
    """An initiative in the city; many work apart from each other (the Deventer nota)."""

    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    eigenaar = models.ForeignKey(
        "inclusie.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatieven",
        verbose_name=_("organisatie die het trekt"),
    )
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatieven",
        verbose_name=_("wijk"),
    )
    pijler = models.ForeignKey(
        "pijlers.Pijler",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatieven",
        verbose_name=_("pijler"),
    )
    personen = models.ManyToManyField(
        "inclusie.Persoon", blank=True, related_name="initiatieven", verbose_name=_("betrokkenen")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiatiefStatus.choices,
        default=InitiatiefStatus.LOPEND,
    )
    gestart_op = models.DateField(_("gestart op"), default=timezone.localdate)
    beeindigd_op = models.DateField(
        _("beëindigd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer het initiatief is afgerond of gestopt (vult het portaal zelf in)."),
    )
    verbonden_met = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        verbose_name=_("zou moeten samenwerken met"),
        help_text=_("Initiatieven die elkaar zouden moeten ontmoeten."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("deal:initiatief-detail", args=[self.pk])

    @property
    def status_tone(self) -> str:
        return INITIATIEF_TONE.get(self.status, "neutral")


class KennisItem(TimeStampedModel):
    """A document, link or training in the knowledge base."""

    titel = models.CharField(_("titel"), max_length=300)
    soort = models.CharField(
        _("soort"), max_length=20, choices=KennisSoort.choices, default=KennisSoort.DOCUMENT
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    link = models.URLField(_("link"), blank=True)
    bestand = models.FileField(
        _("bestand"),
        upload_to="deal/kennisbank/%Y/",
        blank=True,
        validators=[UploadValidator(kinds=DOCUMENT_KINDS, max_mb=10)],
    )
    datum = models.DateField(
        _("datum"), null=True, blank=True, help_text=_("Voor een training: wanneer is die?")
    )
    thema = KeuzeField(_("thema"), keuzelijst="thema", max_length=20, blank=True)
    pijlers = models.ManyToManyField(
        "pijlers.Pijler", blank=True, related_name="kennisitems", verbose_name=_("pijlers")
    )
    aspecten = models.ManyToManyField(
        "inclusie.DiversiteitsAspect",
        blank=True,
        related_name="kennisitems",
        verbose_name=_("diversiteitsaspecten"),
    )

    class Meta:
        ordering = ["-created_at", "titel"]
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisbank")

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.soort == KennisSoort.LINK and not self.link:
            raise ValidationError({"link": _("Vul de link in.")})
        if self.soort == KennisSoort.DOCUMENT and not self.bestand and not self.link:
            raise ValidationError({"bestand": _("Voeg een bestand toe of vul een link in.")})

    def get_absolute_url(self) -> str:
        return reverse("deal:kennis-detail", args=[self.pk])
