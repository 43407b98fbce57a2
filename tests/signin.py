"""Signing in as a test, second factor included (never switched off in tests).

`sign_in(client, user)` is force_login plus what the code page would do: for a
role that requires the second factor (or an enrolled account) the session is
marked verified with the user's authenticator device, via django_otp.login's
session key. `totp_code()` computes the code an authenticator app would show.
"""

from __future__ import annotations

import base64
import time

from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from inclusie.twofactor import services


def totp_code(secret: str | None = None, *, at: float | None = None) -> str:
    """The six digits an authenticator app shows for `secret` (base32) at time `at`."""
    secret = (secret or settings.DEMO_TOTP_SECRET).replace(" ", "").upper()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def device_for(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = services.demo_enrol(user=user, secret=settings.DEMO_TOTP_SECRET_DEFAULT)
    return device


def sign_in(client, user):
    """force_login, then pass the second factor when the account has one to pass."""
    client.force_login(user)
    if services.role_requires(user) or services.is_enrolled(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device_for(user).persistent_id
        session.save()
    return client
