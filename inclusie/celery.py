"""Celery application. The broker comes from REDIS_URL; without it tasks run eagerly."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inclusie.settings")

app = Celery("inclusie")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
