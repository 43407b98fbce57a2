from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie.constants import NotificatieStatus

from .base import TimeStampedModel


class Notificatie(TimeStampedModel):
    """An e-mail to a user, stored first and sent by a Celery task.

    The row is the truth: if the broker is down the mail is not lost, a later
    run picks up rows still waiting.
    """

    Status = NotificatieStatus

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvanger"),
        on_delete=models.CASCADE,
        related_name="notificaties",
        null=True,
        blank=True,
    )
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Voor iemand zonder account (een externe genodigde); anders leeg."),
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WACHTEND
    )
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ontvanger__isnull=False) | ~models.Q(email=""),
                name="notificatie_ontvanger_of_email",
            )
        ]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def adres(self) -> str:
        """Where the mail goes: the account's address, else the stored one."""
        return self.ontvanger.email if self.ontvanger_id else self.email


class NotificatieBijlage(models.Model):
    """A small generated attachment of a mail (e.g. the .ics of an invitation)."""

    notificatie = models.ForeignKey(
        Notificatie,
        verbose_name=_("notificatie"),
        on_delete=models.CASCADE,
        related_name="bijlagen",
    )
    naam = models.CharField(_("bestandsnaam"), max_length=200)
    mimetype = models.CharField(_("type"), max_length=100)
    inhoud = models.TextField(_("inhoud"))

    class Meta:
        verbose_name = _("bijlage bij notificatie")
        verbose_name_plural = _("bijlagen bij notificaties")
        ordering = ["notificatie", "pk"]

    def __str__(self) -> str:
        return self.naam
