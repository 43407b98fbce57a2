"""Production refuses to start while any account still has the demo TOTP secret."""

from django.conf import settings
from django.core.checks import Error, register
from django.db import DatabaseError


@register("security")
def demo_totp_secret_check(app_configs=None, **kwargs):
    if not settings.PRODUCTION:
        return []
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from inclusie.twofactor.services import key_from_base32

    secrets = {settings.DEMO_TOTP_SECRET_DEFAULT, settings.DEMO_TOTP_SECRET} - {""}
    keys = [key_from_base32(s) for s in secrets]
    try:
        count = TOTPDevice.objects.filter(key__in=keys).count()
    except DatabaseError:
        return []  # no tables yet (first migrate): no account can hold the demo secret
    if count:
        return [
            Error(
                f"{count} account(s) use the demo TOTP secret (DEMO_TOTP_SECRET); "
                "production refuses to start.",
                hint="Reset their second factor in /beheer/gebruikers/ (or delete the "
                "TOTP device in /admin/) and let them enrol again.",
                id="inclusie.E201",
            )
        ]
    return []
