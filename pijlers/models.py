from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie.models import TimeStampedModel


class Pijler(TimeStampedModel):
    """A thematic table of the Deal; the UI uses the gemeente's own term for it."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in de adresbalk"), max_length=80, unique=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")

    def __str__(self) -> str:
        return self.naam
