"""Celery tasks of monitoring: the twice-yearly snapshot.

Report rows are rendered by the core's pipeline (inclusie/reports.py,
inclusie.tasks.render_report); monitoring registers its renderer in apps.py.
"""

from __future__ import annotations

from celery import shared_task

from monitoring.periods import Period


@shared_task
def make_snapshot(period: str | None = None, draft_reports: bool = True) -> str:
    """Beat (twice a year): freeze the half year that just ended and draft both reports.

    An existing snapshot of that half year is left as it is (never recomputed here).
    """
    from monitoring.constants import RapportSoort
    from monitoring.services import reports, snapshots

    chosen = Period.parse(period) if period else Period.last_completed()
    snapshots.snapshot_ensure(period=chosen)
    if draft_reports:
        for soort in (RapportSoort.RAADSMEDEDELING, RapportSoort.MONITORING):
            reports.rapport_request(soort=soort, period=chosen)
    return chosen.code
