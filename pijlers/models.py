from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.models import TimeStampedModel
from pijlers.constants import GemeenteRol, LidRol


class Pijler(TimeStampedModel):
    """A thematic table of the Deal; the UI uses the gemeente's own term for it."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in de adresbalk"), max_length=80, unique=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # The four questions of the Deventer nota per pijler.
    ambitie_wat = models.TextField(
        _("wat zijn de ambities?"), blank=True, help_text=_("Wat willen we samen bereiken?")
    )
    ambitie_hoe = models.TextField(
        _("hoe voeren we ze uit?"), blank=True, help_text=_("Wie doet wat, en hoe?")
    )
    ambitie_leren = models.TextField(_("wat kunnen we van elkaar leren?"), blank=True)
    ambitie_nodig = models.TextField(_("wat hebben we nodig?"), blank=True)
    # Arnhem's shape: an owning programme/department and the gemeente's role.
    eigenaar = models.CharField(
        _("eigenaar (programma of afdeling)"),
        max_length=200,
        blank=True,
        help_text=_("Het programma of de afdeling van de gemeente die eigenaar is."),
    )
    gemeente_rol = models.CharField(
        _("rol van de gemeente"), max_length=20, choices=GemeenteRol.choices, blank=True
    )
    actief = models.BooleanField(_("actief"), default=True)
    niet_actief_sinds = models.DateField(
        _("niet actief sinds"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sinds wanneer de pijler niet meer actief is (vult het portaal zelf in)."),
    )

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("pijlers:detail", kwargs={"slug": self.slug})


class Lidmaatschap(TimeStampedModel):
    """A person at a pijler's table: a partner's representative, an ambassador, the kwartiermaker.

    The rule "at least one ambassador per pijler" counts memberships with
    rol=ambassadeur that are current (no end date, or an end date in the future).
    """

    Rol = LidRol

    pijler = models.ForeignKey(
        Pijler, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("pijler")
    )
    persoon = models.ForeignKey(
        "inclusie.Persoon",
        on_delete=models.CASCADE,
        related_name="pijler_lidmaatschappen",
        verbose_name=_("persoon"),
    )
    organisatie = models.ForeignKey(
        "inclusie.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pijler_lidmaatschappen",
        verbose_name=_("namens organisatie"),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.PARTNER)
    sinds = models.DateField(_("lid sinds"), null=True, blank=True)
    tot = models.DateField(_("lid tot"), null=True, blank=True)

    class Meta:
        ordering = ["pijler", "rol", "persoon__naam"]
        verbose_name = _("lidmaatschap van een pijler")
        verbose_name_plural = _("lidmaatschappen van pijlers")
        constraints = [
            models.UniqueConstraint(
                fields=["pijler", "persoon", "rol"], name="pijler_lid_uniek_per_rol"
            )
        ]

    def __str__(self) -> str:
        return f"{self.persoon} ({self.get_rol_display()}) - {self.pijler}"

    @property
    def is_huidig(self) -> bool:
        return self.tot is None or self.tot > timezone.localdate()


def huidig_q(prefix: str = "") -> Q:
    """Memberships current today: no end date or an end date in the future."""
    return Q(**{f"{prefix}tot__isnull": True}) | Q(**{f"{prefix}tot__gt": timezone.localdate()})
