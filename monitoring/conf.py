"""Tunables of the report pipeline, overridable in settings or the environment."""

from __future__ import annotations

import os

from django.conf import settings


def _number(name: str, default: float) -> float:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return float(value)


def lease_seconds() -> float:
    """How long a claimed report may run before another worker may take it over.

    Longer than the hard time limit of a task, so a lease only expires when the
    worker that held it is gone (killed, out of memory, machine lost).
    """
    return _number("RAPPORT_LEASE_SECONDS", getattr(settings, "CELERY_TASK_TIME_LIMIT", 300) + 60)


def requeue_after_seconds() -> float:
    """A row still queued this long after its last change is published again."""
    return _number("RAPPORT_REQUEUE_SECONDS", lease_seconds())


def render_delay_seconds() -> float:
    """Fault-test hook only: pause inside the render so a test can kill the worker."""
    return _number("RAPPORT_RENDER_DELAY", 0)
