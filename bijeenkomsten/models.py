"""Meetings (bijeenkomsten) of every body: agenda, invitations, attendance, minutes, actions.

One model serves the monthly ambassador meeting, the klankbordgroep (also with the
wethouder), the pijlertafels, the stuurgroep, a werkgroep and city meetings. The
body a meeting belongs to is its `soort` plus, for pijlertafels, the `pijler`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.constants import (
    AANWEZIGHEID_TOON,
    ACTIE_TOON,
    ANTWOORD_TOON,
    FASE_TOON,
    VERSLAG_TOON,
    Aanwezigheid,
    ActieStatus,
    BijeenkomstStatus,
    Fase,
    ReeksPatroon,
    RsvpAntwoord,
    Soort,
    VerslagStatus,
    Weekdag,
    WeekVanMaand,
)
from inclusie import dates
from inclusie.models.base import TimeStampedModel
from inclusie.uploads import UploadValidator

# The body ("orgaan") whose open actions carry over from meeting to meeting:
# the klankbordgroep is one body whether or not the wethouder joins.
ORGAAN = {
    Soort.KLANKBORD_WETHOUDER: Soort.KLANKBORD,
}


def orgaan_soorten(soort: str) -> list[str]:
    """All meeting types that belong to the same body as `soort`."""
    body = ORGAAN.get(soort, soort)
    return [s for s in Soort.values if ORGAAN.get(s, s) == body]


class BijeenkomstReeks(TimeStampedModel):
    """A recurring series (e.g. the monthly ambassador meeting).

    The series produces individual meetings once; after that each meeting lives
    on its own, so one can be moved or cancelled without touching the rest.
    """

    Patroon = ReeksPatroon

    Weekdag = Weekdag

    WeekVanMaand = WeekVanMaand

    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(_("soort"), max_length=32, choices=Soort.choices)
    pijler = models.ForeignKey(
        "pijlers.Pijler",
        verbose_name=_("pijler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bijeenkomstreeksen",
    )
    patroon = models.CharField(
        _("herhaling"), max_length=16, choices=Patroon.choices, default=Patroon.MAANDELIJKS
    )
    weekdag = models.PositiveSmallIntegerField(
        _("weekdag"), choices=Weekdag.choices, default=Weekdag.DINSDAG
    )
    week_van_maand = models.SmallIntegerField(
        _("welke week van de maand"), choices=WeekVanMaand.choices, default=WeekVanMaand.EERSTE
    )
    interval_weken = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=4, help_text=_("Alleen bij 'elke zoveel weken'.")
    )
    eerste_datum = models.DateField(_("vanaf"))
    aantal = models.PositiveSmallIntegerField(
        _("aantal bijeenkomsten"), default=12, help_text=_("Tussen 1 en 52.")
    )
    begintijd = models.TimeField(_("begintijd"))
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"), default=90)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    online_link = models.URLField(_("link voor online deelname"), blank=True)
    organisator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reeks bijeenkomsten")
        verbose_name_plural = _("reeksen bijeenkomsten")
        ordering = ["titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(aantal__gte=1, aantal__lte=52), name="reeks_aantal_1_52"
            ),
            models.CheckConstraint(condition=Q(interval_weken__gte=1), name="reeks_interval_pos"),
        ]

    def __str__(self) -> str:
        return self.titel


class Bijeenkomst(TimeStampedModel):
    Status = BijeenkomstStatus

    VerslagStatus = VerslagStatus

    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(_("soort"), max_length=32, choices=Soort.choices)
    pijler = models.ForeignKey(
        "pijlers.Pijler",
        verbose_name=_("pijler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bijeenkomsten",
        help_text=_("Alleen voor een pijlertafel."),
    )
    reeks = models.ForeignKey(
        BijeenkomstReeks,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bijeenkomsten",
    )
    start = models.DateTimeField(_("begint om"))
    eind = models.DateTimeField(_("eindigt om"))
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    online_link = models.URLField(_("link voor online deelname"), blank=True)
    organisator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="georganiseerde_bijeenkomsten",
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.GEPLAND
    )
    annuleringsreden = models.CharField(_("reden van annuleren"), max_length=300, blank=True)
    verplaatst = models.BooleanField(
        _("verplaatst"), default=False, help_text=_("Wijkt af van de vaste datum van de reeks.")
    )
    volgnummer = models.PositiveIntegerField(
        _("versie voor agenda's"),
        default=0,
        editable=False,
        help_text=_("Telt op bij elke wijziging, zodat agenda-apps de nieuwe versie tonen."),
    )
    verslag_status = models.CharField(
        _("status verslag"),
        max_length=16,
        choices=VerslagStatus.choices,
        default=VerslagStatus.CONCEPT,
    )
    verslag_vastgesteld_op = models.DateField(_("verslag vastgesteld op"), null=True, blank=True)
    verslag_algemeen = models.TextField(_("algemene aantekeningen"), blank=True)
    verslag_algemeen_versie = models.PositiveIntegerField(
        _("versie algemene aantekeningen"),
        default=0,
        editable=False,
        help_text=_("Telt op bij elke opslag; een verouderde opslag wordt een conflict."),
    )
    openbaar_verslag = models.FileField(
        _("openbaar verslag (gelakt)"), upload_to="openbaar/verslagen/", blank=True, editable=False
    )
    openbaar_verslag_op = models.DateTimeField(
        _("openbaar verslag gepubliceerd op"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["start"]
        indexes = [models.Index(fields=["soort", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__gt=F("start")),
                name="bijeenkomst_eind_na_start",
                violation_error_message=_("De bijeenkomst moet eindigen na het begin."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({dates.datum(timezone.localtime(self.start))})"

    def get_absolute_url(self) -> str:
        return reverse("bijeenkomst-detail", args=[self.pk])

    @property
    def is_geannuleerd(self) -> bool:
        return self.status == self.Status.GEANNULEERD

    @property
    def is_voorbij(self) -> bool:
        return self.eind < timezone.now()

    @property
    def fase(self) -> Fase:
        """Planned, under way, minutes in draft, minutes approved, or cancelled (see fasen)."""
        from bijeenkomsten import fasen

        return fasen.fase(self)

    @property
    def fase_toon(self) -> str:
        return FASE_TOON[self.fase]

    @property
    def verslag_toon(self) -> str:
        return VERSLAG_TOON.get(self.verslag_status, "neutral")

    @property
    def ics_uid(self) -> str:
        return f"bijeenkomst-{self.pk}@inclusieportaal"


class Agendapunt(TimeStampedModel):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="agendapunten",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("onderwerp"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    presentator = models.CharField(_("wie brengt het in"), max_length=200, blank=True)
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"), null=True, blank=True)
    aantekeningen = models.TextField(
        _("aantekeningen (verslag)"), blank=True, help_text=_("Wat is er besproken?")
    )
    aantekeningen_versie = models.PositiveIntegerField(
        _("versie aantekeningen"),
        default=0,
        editable=False,
        help_text=_("Telt op bij elke opslag; een verouderde opslag wordt een conflict."),
    )

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["bijeenkomst", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel


def bijlage_pad(instance: Bijlage, filename: str) -> str:
    return f"bijeenkomsten/{instance.agendapunt.bijeenkomst_id}/{filename}"


class Bijlage(TimeStampedModel):
    """An attachment to an agenda item, kept in private storage."""

    agendapunt = models.ForeignKey(
        Agendapunt, verbose_name=_("agendapunt"), on_delete=models.CASCADE, related_name="bijlagen"
    )
    naam = models.CharField(_("naam"), max_length=200)
    bestand = models.FileField(
        _("bestand"), upload_to=bijlage_pad, validators=[UploadValidator()], max_length=300
    )
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["agendapunt", "naam"]

    def __str__(self) -> str:
        return self.naam


class Uitnodiging(TimeStampedModel):
    """An invitee of a meeting (a user, or an external person), with RSVP and attendance."""

    Antwoord = RsvpAntwoord

    Aanwezigheid = Aanwezigheid

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("genodigde"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    persoon = models.ForeignKey(
        "inclusie.Persoon",
        verbose_name=_("externe genodigde"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    antwoord = models.CharField(
        _("antwoord"), max_length=16, choices=Antwoord.choices, default=Antwoord.GEEN
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    aanwezigheid = models.CharField(
        _("aanwezigheid"),
        max_length=16,
        choices=Aanwezigheid.choices,
        default=Aanwezigheid.ONBEKEND,
    )
    verzonden_op = models.DateTimeField(_("uitnodiging verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["bijeenkomst", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(persoon__isnull=True))
                | (Q(user__isnull=True) & Q(persoon__isnull=False)),
                name="uitnodiging_user_of_persoon",
            ),
            models.UniqueConstraint(
                fields=["bijeenkomst", "user"],
                condition=Q(user__isnull=False),
                name="uitnodiging_uniek_user",
            ),
            models.UniqueConstraint(
                fields=["bijeenkomst", "persoon"],
                condition=Q(persoon__isnull=False),
                name="uitnodiging_uniek_persoon",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.genodigde_naam} - {self.bijeenkomst.titel}"

    @property
    def genodigde_naam(self) -> str:
        return str(self.user or self.persoon)

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else (self.persoon.email or "")

    @property
    def antwoord_toon(self) -> str:
        return ANTWOORD_TOON.get(self.antwoord, "neutral")

    @property
    def aanwezigheid_toon(self) -> str:
        return AANWEZIGHEID_TOON.get(self.aanwezigheid, "neutral")


class Besluit(TimeStampedModel):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="besluiten",
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        verbose_name=_("bij agendapunt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="besluiten",
    )
    tekst = models.TextField(_("besluit"))

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["bijeenkomst", "pk"]

    def __str__(self) -> str:
        return self.tekst[:80]


class Actie(TimeStampedModel):
    """An action item from the minutes, followed until done."""

    Status = ActieStatus

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE, related_name="acties"
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        verbose_name=_("bij agendapunt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acties",
    )
    omschrijving = models.CharField(_("wat moet er gebeuren"), max_length=500)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie doet het"),
        on_delete=models.PROTECT,
        related_name="acties",
        null=True,
        blank=True,
    )
    eigenaar_persoon = models.ForeignKey(
        "inclusie.Persoon",
        verbose_name=_("of: een genodigde zonder account"),
        on_delete=models.PROTECT,
        related_name="acties",
        null=True,
        blank=True,
        help_text=_(
            "Een ambassadeur of klankbordlid zonder account; herinneringen gaan per e-mail."
        ),
    )
    deadline = models.DateField(_("klaar op"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    gereed_op = models.DateTimeField(_("gereed gemeld op"), null=True, blank=True)
    herinnering_voor = models.DateField(
        _("herinnering verstuurd voor deadline"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De deadline waarvoor al een herinnering is verstuurd."),
    )

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(eigenaar__isnull=False) & Q(eigenaar_persoon__isnull=True))
                | (Q(eigenaar__isnull=True) & Q(eigenaar_persoon__isnull=False)),
                name="actie_eigenaar_user_of_persoon",
                violation_error_message=_(
                    "Kies wie de actie uitvoert: een account of een persoon."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.eigenaar_id and not self.eigenaar_persoon_id:
            raise ValidationError({"eigenaar": _("Kies wie de actie uitvoert.")})
        if self.eigenaar_id and self.eigenaar_persoon_id:
            raise ValidationError(
                {
                    "eigenaar_persoon": _(
                        "Kies één uitvoerder: een account of een persoon, niet beide."
                    )
                }
            )

    @property
    def uitvoerder(self) -> str:
        """The owner's name: an account holder or a person without an account."""
        return str(self.eigenaar if self.eigenaar_id else self.eigenaar_persoon)

    @property
    def is_te_laat(self) -> bool:
        return self.status == self.Status.OPEN and self.deadline < timezone.localdate()

    @property
    def status_toon(self) -> str:
        return "danger" if self.is_te_laat else ACTIE_TOON.get(self.status, "neutral")


class ActieStatusWijziging(models.Model):
    """A dated status change of an action: open, done, reopened (the dated history that
    "open actions at the end of a half year" is counted from, also after a reopen)."""

    actie = models.ForeignKey(
        Actie,
        verbose_name=_("actiepunt"),
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
    )
    status = models.CharField(_("status"), max_length=16, choices=ActieStatus.choices)
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("statuswijziging van een actiepunt")
        verbose_name_plural = _("statuswijzigingen van actiepunten")
        ordering = ["actie", "op", "pk"]
        indexes = [models.Index(fields=["actie", "op"])]

    def __str__(self) -> str:
        return f"{self.actie_id}: {self.status} ({self.op:%Y-%m-%d})"


class AanwezigheidToestemming(TimeStampedModel):
    """A member's consent to show their attendance to other participants.

    Separate from Persoon.toestemming_openbaar (public pages): being seen at a
    klankbordgroep meeting can reveal lived experience, so this is its own,
    dated and revocable consent, given by the person themselves.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="aanwezigheid_toestemming",
    )
    zichtbaar = models.BooleanField(
        _("andere deelnemers mogen zien dat ik aanwezig was"), default=False
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("toestemming tonen aanwezigheid")
        verbose_name_plural = _("toestemmingen tonen aanwezigheid")
        ordering = ["user"]

    def __str__(self) -> str:
        return f"{self.user}: {'ja' if self.zichtbaar else 'nee'}"
