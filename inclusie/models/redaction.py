"""Redaction decisions and previews (Woo 5.1.2e), for any document that is published.

A document (a raadsmededeling, the public minutes of a meeting) is referred to
generically, so one engine and one log serve every kind of publication.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class _DocumentRef(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("soort document"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("document"))
    document = GenericForeignKey("content_type", "object_id")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        abstract = True


class Lakbesluit(_DocumentRef):
    """An adviser's decision in the preview: add a redaction, or lift one (with a reason)."""

    class Actie(models.TextChoices):
        TOEVOEGEN = "toevoegen", _("Gelakt door adviseur")
        OPHEFFEN = "opheffen", _("Lakking opgeheven")

    actie = models.CharField(_("actie"), max_length=16, choices=Actie.choices)
    tekst = models.CharField(_("tekst"), max_length=300)
    sleutel = models.CharField(
        _("plaats in de tekst"),
        max_length=500,
        blank=True,
        help_text=_("Bij opheffen: welk tekstdeel, op welke plek."),
    )
    veld = models.CharField(_("tekstdeel"), max_length=200, blank=True)
    reden = models.TextField(_("reden"), blank=True)

    class Meta(_DocumentRef.Meta):
        verbose_name = _("lakbesluit")
        verbose_name_plural = _("lakbesluiten")
        ordering = ["op", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="lakbesluit_document")]

    def __str__(self) -> str:
        return f"{self.get_actie_display()}: {self.tekst}"


class Lakvoorvertoning(_DocumentRef):
    """A preview someone saw: the fingerprint of the texts and every redaction in it."""

    sleutel = models.CharField(_("vingerafdruk"), max_length=64)
    aantal = models.PositiveIntegerField(_("aantal lakkingen"), default=0)

    class Meta(_DocumentRef.Meta):
        verbose_name = _("bekeken voorvertoning")
        verbose_name_plural = _("bekeken voorvertoningen")
        ordering = ["-op", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="lakvoorvertoning_document")
        ]

    def __str__(self) -> str:
        return self.sleutel[:12]


class Lakregel(_DocumentRef):
    """Publication log: what was redacted in a published document, on which ground."""

    soort = models.CharField(_("soort gegeven"), max_length=32)
    tekst = models.CharField(_("gelakte tekst"), max_length=300)
    aantal = models.PositiveIntegerField(_("aantal keer"), default=1)
    grond = models.CharField(_("Woo-grond"), max_length=20, default="5.1.2e")

    class Meta(_DocumentRef.Meta):
        verbose_name = _("lakregel")
        verbose_name_plural = _("laklog")
        ordering = ["-op", "soort", "tekst"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="lakregel_document")]

    def __str__(self) -> str:
        return f"{self.grond}: {self.tekst}"
