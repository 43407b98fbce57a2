"""Monitoring report rows: request and render; the pipeline itself is inclusie/reports.py."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from inclusie.dutch import getal
from inclusie.models import GemeenteProfiel, User
from inclusie.reports import Rendered, report_enqueue, report_retry
from monitoring.constants import RapportSoort
from monitoring.models import Raadsmededeling, Rapport
from monitoring.periods import Period
from monitoring.services.raadsmededeling import (
    pdf_appendix,
    raadsmededeling_context,
    raadsmededeling_draft,
)
from monitoring.services.snapshots import snapshot_ensure


def monitoring_context(period: Period) -> dict:
    """The monitoringsrapportage: indicators with duiding and history, stories, chains,
    and the portal's figures as charts with tables (nothing empty, nothing all-zero)."""
    from inclusie.pdf import letterhead
    from monitoring.charts import as_data_uri
    from monitoring.selectors import dashboard_context

    ctx = dashboard_context(period)
    for ind in ctx.get("indicatoren", []):
        history = [h for h in ind.get("historie", []) if h[1] is not None]
        ind["historie"] = [(p, getal(w)) for p, w in history]
        ind["chart_src"] = as_data_uri(str(ind["chart"])) if ind.get("chart") and history else ""
        ind["basis"] = getal(ind["basiswaarde"]) if ind.get("basiswaarde") is not None else ""
    gemeente = GemeenteProfiel.load()
    return {
        **ctx,
        "gemeente": gemeente,
        "briefhoofd": letterhead(gemeente),
        "nu": period.code,
        "toen": period.previous().code,
        "bijlage": pdf_appendix(period),
    }


def render_report_pdf(*, soort: str, period: Period, mededeling: Raadsmededeling | None) -> bytes:
    from inclusie.pdf import render_to_pdf

    snapshot_ensure(period=period)
    if soort == RapportSoort.RAADSMEDEDELING:
        assert mededeling is not None
        return render_to_pdf(
            "pdf/raadsmededeling.html",
            raadsmededeling_context(mededeling),
            title=_("Raadsmededeling %(nr)s: %(onderwerp)s")
            % {"nr": mededeling.nummer, "onderwerp": mededeling.onderwerp},
            footer=_("Raadsmededeling %(nr)s") % {"nr": mededeling.nummer},
        )
    return render_to_pdf(
        "pdf/monitoringsrapportage.html",
        monitoring_context(period),
        title=_("Monitoringsrapportage %(label)s") % {"label": period.label},
        footer=_("Monitoringsrapportage %(code)s") % {"code": period.code},
    )


@transaction.atomic
def rapport_request(
    *,
    soort: str,
    period: Period,
    by: User | None = None,
    mededeling: Raadsmededeling | None = None,
    enqueue_task: bool = True,
) -> Rapport:
    """Store a report request and queue it. A missing snapshot (and draft) is made first.

    The row is committed even when the broker is down; the beat sweep publishes it later.
    """
    snapshot_ensure(period=period, by=by)
    if soort == RapportSoort.RAADSMEDEDELING and mededeling is None:
        mededeling = Raadsmededeling.objects.filter(periode=period.code).order_by(
            "-jaar", "-volgnummer"
        ).first() or raadsmededeling_draft(period=period, by=by)
    rapport = Rapport(
        soort=soort, periode=period.code, raadsmededeling=mededeling, aangevraagd_door=by
    )
    rapport.full_clean()
    rapport.save()
    if enqueue_task:
        report_enqueue(rapport)
    return rapport


def rapport_render(rapport: Rapport) -> Rendered:
    """The renderer registered for Rapport rows (monitoring/apps.py)."""
    pdf = render_report_pdf(
        soort=rapport.soort,
        period=Period.parse(rapport.periode),
        mededeling=rapport.raadsmededeling,
    )
    return Rendered(pdf=pdf, filename=f"{rapport.soort}-{rapport.periode}-{rapport.pk}.pdf")


def rapport_ready(rapport: Rapport) -> None:
    """Called once, in the transaction that finishes the row."""
    _notify_ready(rapport)


def _notify_ready(rapport: Rapport) -> None:
    """Mail the requester (and the wethouder) that the report is ready; once per report."""
    from inclusie.constants import Role
    from inclusie.links import portal_url
    from inclusie.services import notificatie_queue

    recipients = {u.pk: u for u in User.objects.filter(role=Role.WETHOUDER, is_active=True)}
    requester = rapport.aangevraagd_door
    if requester is not None and requester.is_active:
        recipients[requester.pk] = requester
    for user in recipients.values():
        notificatie_queue(
            ontvanger=user,
            onderwerp=_("%(soort)s %(periode)s staat klaar")
            % {"soort": rapport.get_soort_display(), "periode": rapport.periode},
            tekst=_(
                "De %(soort)s over %(periode)s staat klaar in het Inclusie Portaal:\n%(url)s\n\n"
                "Het dashboard van dit halfjaar staat ook klaar."
            )
            % {
                "soort": rapport.get_soort_display().lower(),
                "periode": rapport.periode,
                "url": portal_url(reverse("monitoring:rapport-detail", args=[rapport.pk])),
            },
        )


def rapport_retry(*, rapport: Rapport) -> Rapport:
    """Put a failed report back in the queue (from the report page)."""
    report_retry(row=rapport)
    return rapport
