"""The one report-row pipeline: request, claim with a lease, render, finish or fail, sweep.

Every background PDF is a row of a concrete `inclusie.models.ReportRow` subclass
(monitoring's Rapport, the stappenplan's VerkenningRapport). The app registers how
its rows are rendered (`register_report_kind` in its AppConfig.ready()); the core
owns everything else, so exactly-once rendering is solved in one place:

- the task is acknowledged late and rejected when its worker is lost
  (CELERY_TASK_ACKS_LATE, CELERY_TASK_REJECT_ON_WORKER_LOST), so a message is
  redelivered rather than dropped;
- `report_claim` takes the row with one conditional UPDATE that also sets a lease
  longer than the hard time limit; a redelivered or duplicate message finds the row
  taken or done and returns without rendering;
- `report_render` writes the result only if the claim still holds, so a worker whose
  lease expired cannot finish a report a second time;
- the beat sweep (`inclusie.tasks.requeue_reports`) republishes rows left queued
  (broker down) or running with an expired lease (worker killed).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from inclusie.constants import ReportStatus
from inclusie.models import ReportRow


@dataclass(frozen=True)
class Rendered:
    """What a renderer returns: the PDF, its file name and extra fields to store."""

    pdf: bytes
    filename: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportKind:
    model: type[ReportRow]
    render: Callable[[Any], Rendered]
    # Called inside the transaction that finishes the row (e.g. to queue a mail), once.
    on_done: Callable[[Any], None] | None = None


_kinds: dict[str, ReportKind] = {}


def register_report_kind(kind: ReportKind) -> None:
    _kinds[kind.model._meta.label_lower] = kind


def report_kinds() -> list[ReportKind]:
    return list(_kinds.values())


def report_kind(label: str) -> ReportKind:
    return _kinds[label.lower()]


# --- tunables -------------------------------------------------------------------------


def _number(name: str, default: float) -> float:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name)
    return default if value is None else float(value)


def lease_seconds() -> float:
    """How long a claimed report may run before another worker may take it over.

    Longer than the hard time limit of a task, so a lease only expires when the
    worker that held it is gone (killed, out of memory, machine lost).
    """
    return _number("RAPPORT_LEASE_SECONDS", getattr(settings, "CELERY_TASK_TIME_LIMIT", 300) + 60)


def requeue_after_seconds() -> float:
    """A row still queued this long after its last change is published again."""
    return _number("RAPPORT_REQUEUE_SECONDS", lease_seconds())


# --- services -------------------------------------------------------------------------


def report_enqueue(row: ReportRow) -> None:
    """Queue the render of a saved row after the current transaction commits."""
    from inclusie.tasks import enqueue, render_report

    enqueue(render_report, row._meta.label_lower, row.pk)


def report_claim(*, model: type[ReportRow], pk: int) -> str | None:
    """Atomically take a report for rendering; None if it is done or someone else holds it.

    One conditional UPDATE: a queued row, or a running row whose lease has expired
    (its worker died). A redelivered task therefore never renders twice.
    """
    now = timezone.now()
    token = uuid.uuid4().hex
    taken = (
        model._default_manager.filter(pk=pk)
        .filter(Q(status=ReportStatus.QUEUED) | Q(status=ReportStatus.RUNNING, lease_tot__lt=now))
        .update(
            status=ReportStatus.RUNNING,
            claim=token,
            lease_tot=now + timedelta(seconds=lease_seconds()),
            pogingen=F("pogingen") + 1,
            updated_at=now,
        )
    )
    return token if taken else None


def report_render(*, model: type[ReportRow], pk: int, token: str) -> bool:
    """Render a claimed report and finish it, if our claim still holds. True if done."""
    from inclusie.pdf import pdf_metadata

    kind = report_kind(model._meta.label_lower)
    row = model._default_manager.get(pk=pk)
    started = time.monotonic()
    rendered = kind.render(row)
    seconds = time.monotonic() - started
    pages = pdf_metadata(rendered.pdf)["pages"]
    with transaction.atomic():
        locked = model._default_manager.select_for_update().filter(pk=pk, claim=token).first()
        if locked is None or locked.status != ReportStatus.RUNNING:
            return False  # our lease expired and another worker took over
        locked.bestand.save(rendered.filename, ContentFile(rendered.pdf), save=False)
        for name, value in rendered.fields.items():
            setattr(locked, name, value)
        locked.status = ReportStatus.DONE
        locked.paginas = pages
        locked.rendertijd = round(seconds, 3)
        locked.klaar_op = timezone.now()
        locked.fout = ""
        locked.lease_tot = None
        locked.save()
        if kind.on_done is not None:
            kind.on_done(locked)
    return True


def report_fail(*, model: type[ReportRow], pk: int, token: str, error: str, retry: bool) -> None:
    """Record a failure; with `retry` the row goes back to the queue for the next attempt."""
    model._default_manager.filter(pk=pk, claim=token, status=ReportStatus.RUNNING).update(
        status=ReportStatus.QUEUED if retry else ReportStatus.FAILED,
        fout=error[:2000],
        lease_tot=None,
        updated_at=timezone.now(),
    )


def reports_to_requeue(
    *, model: type[ReportRow], min_age_seconds: float | None = None
) -> list[int]:
    """Rows queued longer than the requeue interval, or running with an expired lease."""
    now = timezone.now()
    age = requeue_after_seconds() if min_age_seconds is None else min_age_seconds
    return list(
        model._default_manager.filter(
            Q(status=ReportStatus.QUEUED, updated_at__lte=now - timedelta(seconds=age))
            | Q(status=ReportStatus.RUNNING, lease_tot__lt=now)
        ).values_list("pk", flat=True)[:200]
    )


def report_retry(*, row: ReportRow) -> ReportRow:
    """Put a failed report back in the queue."""
    with transaction.atomic():
        updated = (
            type(row)
            ._default_manager.filter(pk=row.pk, status=ReportStatus.FAILED)
            .update(status=ReportStatus.QUEUED, fout="", updated_at=timezone.now())
        )
        if updated:
            report_enqueue(row)
    row.refresh_from_db()
    return row
