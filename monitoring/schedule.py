"""The twice-yearly snapshot schedule, a django-celery-beat PeriodicTask the beheerder edits.

It is created once (post_migrate, get_or_create) and deliberately NOT listed in
CELERY_BEAT_SCHEDULE: the DatabaseScheduler rewrites entries from that setting on
every beat start, which would undo the beheerder's changes.
"""

from __future__ import annotations

from django.db import transaction

TASK_NAME = "monitoring-halfjaar-momentopname"
TASK = "monitoring.tasks.make_snapshot"
DEFAULT = {"minute": "30", "hour": "6", "day_of_month": "2", "month_of_year": "1,7"}


def ensure_schedule(**_kwargs):
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    if PeriodicTask.objects.filter(name=TASK_NAME).exists():
        return
    crontab, _created = CrontabSchedule.objects.get_or_create(
        day_of_week="*", timezone="Europe/Amsterdam", **DEFAULT
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": TASK,
            "crontab": crontab,
            "description": "Momentopname van het afgelopen halfjaar en concepten van beide rapporten.",
        },
    )


def current():
    from django_celery_beat.models import PeriodicTask

    ensure_schedule()
    return PeriodicTask.objects.select_related("crontab").get(name=TASK_NAME)


@transaction.atomic
def update(*, dag: int, maanden: str, uur: int, minuut: int, actief: bool):
    from django_celery_beat.models import CrontabSchedule

    task = current()
    crontab, _created = CrontabSchedule.objects.get_or_create(
        minute=str(minuut),
        hour=str(uur),
        day_of_month=str(dag),
        month_of_year=maanden,
        day_of_week="*",
        timezone="Europe/Amsterdam",
    )
    task.crontab = crontab
    task.enabled = actief
    task.save()
    return task
