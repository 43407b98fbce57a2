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


# --- the schedule in words ---------------------------------------------------------
#
# The beheerder never sees crontab fields: the form offers a day, months and a time, and
# the page says "elk jaar op 2 januari en 2 juli om 06:30". Any crontab (one edited in
# /admin/ or by a later version) still gets words, or a plain fallback.


def _numbers(field: str, low: int, high: int) -> list[int] | None:
    """ "1,7" -> [1, 7]; "1-3" -> [1, 2, 3]; "*/6" -> [low, low+6, ...]; "*" -> None."""
    field = field.strip()
    if field == "*":
        return None
    values: set[int] = set()
    for part in field.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/", 1)
            step = int(step_text)
            if step < 1:
                raise ValueError(field)
        if part == "*":
            start, end = low, high
        elif "-" in part:
            start_text, end_text = part.split("-", 1)
            start, end = int(start_text), int(end_text)
        else:
            start = end = int(part)
        if start < low or end > high or start > end:
            raise ValueError(field)
        values.update(range(start, end + 1, step))
    return sorted(values)


def _join(items: list[str]) -> str:
    from django.utils.translation import gettext

    if len(items) <= 1:
        return "".join(items)
    return gettext("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def crontab_in_words(
    *, minute: str, hour: str, day_of_month: str, month_of_year: str, day_of_week: str = "*"
) -> str:
    """A crontab as a sentence: "elk jaar op 2 januari en 2 juli om 06:30"."""
    from django.utils.dates import MONTHS, WEEKDAYS
    from django.utils.translation import gettext

    raw = f"{minute} {hour} {day_of_month} {month_of_year} {day_of_week}"
    try:
        minutes = _numbers(minute, 0, 59)
        hours = _numbers(hour, 0, 23)
        days = _numbers(day_of_month, 1, 31)
        months = _numbers(month_of_year, 1, 12)
        weekdays = _numbers(day_of_week.replace("7", "0"), 0, 6)
    except ValueError:
        return gettext("volgens de crontab %(crontab)s") % {"crontab": raw}
    if minutes is None or hours is None or len(minutes) * len(hours) > 6:
        return gettext("volgens de crontab %(crontab)s") % {"crontab": raw}

    times = _join([f"{h:02d}:{m:02d}" for h in hours for m in minutes])
    if weekdays is not None:
        if days is not None:  # cron runs on either: too rare to put in words
            return gettext("volgens de crontab %(crontab)s") % {"crontab": raw}
        # cron counts Sunday as 0, Django's WEEKDAYS start on Monday. Each language
        # capitalises its day names its own way ("maandag", "Monday"): no lower().
        names = _join([str(WEEKDAYS[(d - 1) % 7]) for d in weekdays])
        if months is None:
            return gettext("elke %(dagen)s om %(tijd)s") % {"dagen": names, "tijd": times}
        return gettext("elke %(dagen)s in %(maanden)s om %(tijd)s") % {
            "dagen": names,
            "maanden": _join([str(MONTHS[m]) for m in months]),
            "tijd": times,
        }
    if days is None:
        if months is None:
            return gettext("elke dag om %(tijd)s") % {"tijd": times}
        return gettext("elke dag in %(maanden)s om %(tijd)s") % {
            "maanden": _join([str(MONTHS[m]) for m in months]),
            "tijd": times,
        }
    day_list = _join([str(d) for d in days])
    if months is None:
        return gettext("elke maand op dag %(dagen)s om %(tijd)s") % {
            "dagen": day_list,
            "tijd": times,
        }
    if len(days) * len(months) <= 4:
        dates = _join([f"{d} {MONTHS[m]}" for m in months for d in days])
        return gettext("elk jaar op %(datums)s om %(tijd)s") % {"datums": dates, "tijd": times}
    return gettext("elk jaar op dag %(dagen)s van %(maanden)s om %(tijd)s") % {
        "dagen": day_list,
        "maanden": _join([str(MONTHS[m]) for m in months]),
        "tijd": times,
    }


def in_words(task) -> str:
    """The task's schedule as a sentence, "(uitgeschakeld)" when it is off."""
    from django.utils.translation import gettext

    c = task.crontab
    if c is None:
        return gettext("geen vaste planning")
    text = crontab_in_words(
        minute=c.minute,
        hour=c.hour,
        day_of_month=c.day_of_month,
        month_of_year=c.month_of_year,
        day_of_week=c.day_of_week,
    )
    return text if task.enabled else gettext("%(planning)s (uitgeschakeld)") % {"planning": text}
