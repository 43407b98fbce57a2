import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Grootte, Sector
from inclusie.keuzes import KeuzeField

from .base import TimeStampedModel

kvk_validator = RegexValidator(
    regex=re.compile(r"^\d{8}$"), message=_("Een KvK-nummer bestaat uit precies acht cijfers.")
)


class Organisatie(TimeStampedModel):
    """An organisation in the city: a (possible) Deal partner, an employer, a network."""

    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[kvk_validator],
        help_text=_("Optioneel, acht cijfers."),
    )
    sector = KeuzeField(_("sector"), keuzelijst="sector", max_length=32, default=Sector.OVERIG)
    grootte = models.CharField(_("grootte"), max_length=32, choices=Grootte.choices, blank=True)
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisaties",
    )
    website = models.URLField(_("website"), blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                Lower("naam"),
                "kvk_nummer",
                name="organisatie_unieke_naam_kvk",
                violation_error_message=_(
                    "Er bestaat al een organisatie met deze naam en dit KvK-nummer."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Persoon(TimeStampedModel):
    """A contact person. May be linked to a User who signs in.

    Deliberately holds no field for ethnicity, sexual orientation, religion or
    health (AVG art. 9): what a person brings is recorded as knowledge and reach
    tags elsewhere, never as a characteristic.
    """

    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=32, blank=True)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personen",
    )
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    wijk = models.ForeignKey(
        "inclusie.Wijk",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personen",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persoon",
    )
    toestemming_openbaar = models.BooleanField(
        _("toestemming voor openbare vermelding"),
        default=False,
        help_text=_(
            "Alleen met toestemming tonen we de naam van deze persoon op openbare pagina's."
        ),
    )
    toestemming_openbaar_op = models.DateTimeField(
        _("toestemming vastgelegd op"), null=True, blank=True, editable=False
    )
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Naam en contactgegevens zijn vervangen (bewaartermijn of verzoek)."),
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("persoon-detail", args=[self.pk])

    @property
    def publieke_naam(self) -> str:
        """The name to show in public, or a neutral placeholder without consent."""
        return self.naam if self.toestemming_openbaar else str(_("(naam niet openbaar)"))
