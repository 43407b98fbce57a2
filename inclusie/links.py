"""Absolute links for mails and calendar files: they start with PORTAL_BASE_URL.

A mail is written by a Celery worker or a beat task, where there is no request
to take a host from; and a request's Host header is not ours to trust. So every
link that leaves the portal is built here, from the one setting.
"""

from __future__ import annotations

from django.conf import settings


def portal_url(path: str = "/") -> str:
    """`/bijeenkomsten/3/` -> `https://inclusie.gemeente.nl/bijeenkomsten/3/`."""
    if not path.startswith("/"):
        path = "/" + path
    return settings.PORTAL_BASE_URL.rstrip("/") + path
