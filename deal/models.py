from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie.models import TimeStampedModel


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
