"""Read queries shared by views, exports and reports."""

from django.db import connection

from inclusie.filters import OrganisatieFilter, PersoonFilter
from inclusie.models import Organisatie, Persoon, User


def organisatie_list(*, params=None):
    qs = Organisatie.objects.select_related("wijk").order_by("naam")
    return OrganisatieFilter(params, queryset=qs)


def persoon_list(*, params=None):
    qs = Persoon.objects.select_related("organisatie", "user").order_by("naam")
    return PersoonFilter(params, queryset=qs)


def audit_log(*, params=None):
    from auditlog.models import LogEntry

    from inclusie.filters import AuditLogFilter

    qs = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    return AuditLogFilter(params, queryset=qs)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:  # noqa: BLE001 - any database error means "down" for the health check
        return False


def broker_status() -> str:
    """'eager' without a broker, else 'ok' or 'down' after a short ping."""
    from django.conf import settings

    if not settings.REDIS_URL:
        return "eager"
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        return "ok" if client.ping() else "down"
    except redis.RedisError:
        return "down"


def user_list(*, params=None):
    return User.objects.order_by("role", "naam")


def referentie_list(*, params=None, lijst):
    """A beheer reference list (inclusie.registry.ReferenceList), filtered by name and status."""
    from inclusie.beheer import filter_for

    qs = lijst.get_model().objects.filter(**lijst.where)
    return filter_for(lijst)(params, queryset=qs)
