"""Report rows and PDF rendering: request, claim with a lease, render, fail, requeue."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inclusie.dutch import getal
from inclusie.models import GemeenteProfiel, User
from monitoring import conf
from monitoring.constants import (
    RapportSoort,
    RapportStatus,
)
from monitoring.models import (
    Raadsmededeling,
    Rapport,
)
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
        from inclusie.tasks import enqueue
        from monitoring.tasks import render_rapport

        enqueue(render_rapport, rapport.pk)
    return rapport


def rapport_claim(*, rapport_id: int) -> str | None:
    """Atomically take a report for rendering; None if it is done or someone else holds it.

    One conditional UPDATE: a queued row, or a running row whose lease has expired
    (its worker died). A redelivered task therefore never renders twice.
    """
    now = timezone.now()
    token = uuid.uuid4().hex
    taken = (
        Rapport.objects.filter(pk=rapport_id)
        .filter(Q(status=RapportStatus.QUEUED) | Q(status=RapportStatus.RUNNING, lease_tot__lt=now))
        .update(
            status=RapportStatus.RUNNING,
            claim=token,
            lease_tot=now + timedelta(seconds=conf.lease_seconds()),
            pogingen=F("pogingen") + 1,
            updated_at=now,
        )
    )
    return token if taken else None


def rapport_render(*, rapport_id: int, token: str) -> bool:
    """Render a claimed report and finish it, if our claim still holds. Returns True if done."""
    rapport = Rapport.objects.select_related("raadsmededeling").get(pk=rapport_id)
    started = time.monotonic()
    delay = conf.render_delay_seconds()
    if delay:
        time.sleep(delay)
    pdf = render_report_pdf(
        soort=rapport.soort,
        period=Period.parse(rapport.periode),
        mededeling=rapport.raadsmededeling,
    )
    seconds = time.monotonic() - started
    from inclusie.pdf import pdf_metadata

    pages = pdf_metadata(pdf)["pages"]
    with transaction.atomic():
        locked = Rapport.objects.select_for_update().filter(pk=rapport_id, claim=token).first()
        if locked is None or locked.status != RapportStatus.RUNNING:
            return False  # our lease expired and another worker took over
        name = f"{locked.soort}-{locked.periode}-{locked.pk}.pdf"
        locked.bestand.save(name, ContentFile(pdf), save=False)
        locked.status = RapportStatus.DONE
        locked.paginas = pages
        locked.rendertijd = round(seconds, 3)
        locked.klaar_op = timezone.now()
        locked.fout = ""
        locked.lease_tot = None
        locked.save()
        _notify_ready(locked)
    return True


def _notify_ready(rapport: Rapport) -> None:
    """Mail the requester (and the wethouder) that the report is ready; once per report."""
    from inclusie.constants import Role
    from inclusie.links import portal_url
    from inclusie.services import notificatie_queue

    recipients = {u.pk: u for u in User.objects.filter(role=Role.WETHOUDER, is_active=True)}
    if rapport.aangevraagd_door_id and rapport.aangevraagd_door.is_active:
        recipients[rapport.aangevraagd_door_id] = rapport.aangevraagd_door
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


def rapport_fail(*, rapport_id: int, token: str, error: str, retry: bool) -> None:
    """Record a failure; with `retry` the row goes back to the queue for the next attempt."""
    Rapport.objects.filter(pk=rapport_id, claim=token, status=RapportStatus.RUNNING).update(
        status=RapportStatus.QUEUED if retry else RapportStatus.FAILED,
        fout=error[:2000],
        lease_tot=None,
        updated_at=timezone.now(),
    )


def rapporten_to_requeue(*, min_age_seconds: float | None = None) -> list[int]:
    """Rows queued longer than the requeue interval, or running with an expired lease."""
    now = timezone.now()
    age = conf.requeue_after_seconds() if min_age_seconds is None else min_age_seconds
    return list(
        Rapport.objects.filter(
            Q(status=RapportStatus.QUEUED, updated_at__lte=now - timedelta(seconds=age))
            | Q(status=RapportStatus.RUNNING, lease_tot__lt=now)
        ).values_list("pk", flat=True)[:200]
    )


def rapport_retry(*, rapport: Rapport) -> Rapport:
    """Put a failed report back in the queue (from the report page)."""
    from inclusie.tasks import enqueue
    from monitoring.tasks import render_rapport

    with transaction.atomic():
        updated = Rapport.objects.filter(pk=rapport.pk, status=RapportStatus.FAILED).update(
            status=RapportStatus.QUEUED, fout="", updated_at=timezone.now()
        )
        if updated:
            enqueue(render_rapport, rapport.pk)
    rapport.refresh_from_db()
    return rapport
