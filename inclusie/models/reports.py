"""The report row: every background PDF (monitoring, verkenning) is a row first."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie.constants import ReportStatus

from .base import TimeStampedModel


def report_upload_to(instance: ReportRow, filename: str) -> str:
    return f"{instance.upload_dir}/{filename}"


class ReportRow(TimeStampedModel):
    """A report request rendered by the one Celery task of inclusie.reports.

    The row is the truth: it is committed before the task is queued, claimed with one
    conditional UPDATE that sets a lease, and finished only while that claim holds.
    A concrete report adds what it is about and registers how it is rendered
    (inclusie.reports.register_report_kind); its pages show the status with
    templates/inclusie/_report_status.html, which uses the three URL methods below.
    """

    upload_dir = "rapporten"
    # Whether the requester gets a mail when the report is ready (shown on the status).
    mails_when_ready = False

    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claim = models.CharField(_("claim"), max_length=64, blank=True, editable=False)
    lease_tot = models.DateTimeField(_("bezig tot uiterlijk"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    bestand = models.FileField(_("PDF"), upload_to=report_upload_to, blank=True)
    paginas = models.PositiveSmallIntegerField(_("pagina's"), null=True, blank=True)
    rendertijd = models.FloatField(_("rendertijd (s)"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def bezig(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    def status_url(self) -> str:
        """The URL that answers an htmx request with the status partial."""
        raise NotImplementedError

    def download_url(self) -> str:
        raise NotImplementedError

    def retry_url(self) -> str | None:
        """Where a failed report is queued again; None when a new request is the way."""
        return None
