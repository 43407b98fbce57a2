"""Who is knocking: the client address, the account a sign-in attempt is for, and rate limits.

- `client_ip`: the address of the person, not of our proxy. Behind the proxy
  (BEHIND_TLS_PROXY) it is the X-Real-IP header that deploy/nginx.conf sets from
  the connection (overwriting anything a client sent); otherwise REMOTE_ADDR.
  Nothing a client sends itself (X-Forwarded-For's left part) is ever believed.
- `axes_username`: django-axes counts failed sign-ins per account, so
  "Kwartiermaker", "KWARTIERMAKER" and the e-mail address share one counter.
- `AccountAndAddressHandler`: the account locks after AXES_FAILURE_LIMIT failures;
  one client address only after AXES_IP_FAILURE_LIMIT (an office signs in from one
  address, and one person's typos must not lock out the others).
- `rate_limited`: a fixed-window counter in the shared cache (Redis in production).
"""

from __future__ import annotations

import hashlib
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.http import HttpRequest


def _valid_ip(value: str) -> str | None:
    value = (value or "").strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: from our proxy's X-Real-IP only when behind it, else the socket."""
    if settings.BEHIND_TLS_PROXY:
        real_ip = _valid_ip(request.META.get("HTTP_X_REAL_IP", ""))
        if real_ip:
            return real_ip
        # Our proxy appends the connecting address as the right-most X-Forwarded-For hop;
        # everything left of it is what the client claimed.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hop = _valid_ip(forwarded.rsplit(",", 1)[-1]) if forwarded else None
        if hop:
            return hop
    return _valid_ip(request.META.get("REMOTE_ADDR", ""))


def canonical_username(typed: str | None) -> str:
    """The account's username for whatever was typed (username or e-mail, any case).

    Unknown names are lower-cased, so "Iemand" and "iemand" still share a counter
    (and the answer reveals nothing about which accounts exist).
    """
    from django.contrib.auth import get_user_model

    ident = (typed or "").strip()
    if not ident:
        return ""
    User = get_user_model()
    username = (
        User.objects.filter(Q(username__iexact=ident) | Q(email__iexact=ident))
        .order_by("pk")
        .values_list("username", flat=True)
        .first()
    )
    return username if username is not None else ident.lower()


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """AXES_USERNAME_CALLABLE: count failures per account whatever spelling was typed."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        typed = credentials.get(field)
    else:
        typed = getattr(request, "data", request.POST).get(field)
    return canonical_username(typed)


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Lock an account after AXES_FAILURE_LIMIT failures, an address after AXES_IP_FAILURE_LIMIT.

    AXES_LOCKOUT_PARAMETERS is ["username", "ip_address"]: axes gives the failures per
    account and per address in that order, and locks when the result here reaches
    the failure limit. The address count is scaled so that it reaches the limit
    exactly at AXES_IP_FAILURE_LIMIT.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        if len(counts) != 2:
            return max(counts, default=0)
        account, address = counts
        limit = get_failure_limit(request, credentials)
        ip_limit = max(settings.AXES_IP_FAILURE_LIMIT, limit)
        return max(account, address * limit // ip_limit)


def rate_limited(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event for (scope, key); True once more than `limit` happened in the window.

    The key is hashed: an e-mail address never lands in the cache as plain text.
    """
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        count = 1
    return count > limit
