"""Demo step: the demo beheerder and wethouder are enrolled with DEMO_TOTP_SECRET."""

from django.conf import settings

from inclusie.models import User
from inclusie.twofactor import services


def seed(ctx) -> None:
    secret = settings.DEMO_TOTP_SECRET
    if not secret:
        ctx.log("  geen DEMO_TOTP_SECRET: tweestapsverificatie niet klaargezet")
        return
    for user in User.objects.filter(
        username__in=["beheerder", "wethouder"], role__in=services.REQUIRED_ROLES
    ):
        services.demo_enrol(user=user, secret=secret)
        ctx.log(f"  {user.username}: authenticator-app gekoppeld (sleutel DEMO_TOTP_SECRET)")
