"""Writes and checks for the second factor. Views and the middleware call these."""

from __future__ import annotations

import base64
from datetime import timedelta

import segno
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from inclusie.constants import Role

REQUIRED_ROLES = frozenset({Role.BEHEERDER, Role.WETHOUDER})
RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator-app"
RECOVERY_NAME = "herstelcodes"
# Session keys, set when the password step succeeds (signals.py).
SESSION_REQUIRED = "twofactor_required"  # this account had a confirmed device at sign-in
SESSION_IDENT = "twofactor_ident"  # what the person typed as username, for the lockout


def role_requires(user) -> bool:
    """Must this account pass the second factor, whatever it has enrolled?"""
    return bool(user.role in REQUIRED_ROLES or user.is_staff or user.is_superuser)


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_verification(request) -> bool:
    """Signed in with the password, but the second factor is still to come."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is None or is_verified():
        # No OTPMiddleware on this request (a RequestFactory in a test, a rendering
        # helper): nothing to decide here; the middleware stack enforces it for HTTP.
        return False
    return role_requires(user) or bool(request.session.get(SESSION_REQUIRED))


def key_from_base32(secret: str) -> str:
    """A base32 secret (as authenticator apps show it) as django-otp's hex key."""
    cleaned = secret.replace(" ", "").upper()
    cleaned += "=" * (-len(cleaned) % 8)
    return base64.b32decode(cleaned).hex()


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to read out and type over."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def otpauth_uri(device: TOTPDevice) -> str:
    return device.config_url


def qr_svg(uri: str, *, title: str) -> str:
    """The QR code as inline SVG (no external request, allowed by the strict CSP)."""
    return segno.make(uri, error="m").svg_inline(
        scale=5, border=2, title=title, svgclass="twofactor-qr", lineclass=None, omitsize=False
    )


def _audit(*, user, by, change: str) -> None:
    LogEntry.objects.log_create(
        instance=user,
        action=LogEntry.Action.UPDATE,
        changes={"tweestapsverificatie": ["", change]},
        actor=by,
        force_log=True,
    )


def _bump_version(*, user, request=None) -> None:
    """Sign this user out of every other session (the version is part of the session hash)."""
    user.tweestaps_versie += 1
    user.save(update_fields=["tweestaps_versie"])
    if request is not None and request.user.pk == user.pk:
        update_session_auth_hash(request, user)


@transaction.atomic
def enrolment_start(*, user) -> TOTPDevice:
    """The (unconfirmed) device this enrolment shows as a QR code; reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


@transaction.atomic
def enrolment_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a new authenticator app with its first code.

    Replaces any earlier app, makes fresh recovery codes, marks this session verified
    and signs the user out everywhere else. Returns the recovery codes, or None when
    the code was wrong.
    """
    user = request.user
    # The person sees this device's secret on the page, so a typo here is no attack: no back-off.
    device.throttle_reset(commit=False)
    if not device.verify_token(token.strip()):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_renew(user=user)
    _bump_version(user=user, request=request)
    _audit(user=user, by=user, change="authenticator-app gekoppeld")
    from django_otp import login as otp_login

    otp_login(request, device)
    request.session[SESSION_REQUIRED] = True
    return codes


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """Ten new one-time recovery codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def second_factor_reset(*, user, by, request=None) -> None:
    """Remove the user's authenticator app and recovery codes (logged).

    The user is signed out everywhere; at the next sign-in a role that requires the
    second factor enrols again.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _bump_version(user=user, request=request if by.pk == user.pk else None)
    change = "uitgezet" if by.pk == user.pk else "gereset door beheerder"
    _audit(user=user, by=by, change=change)


def _ident(request) -> str:
    return request.session.get(SESSION_IDENT) or request.user.get_username()


def _device_locked(user) -> bool:
    """Our own per-account counter: django-otp counts wrong codes on the device itself,
    and a successful password does not reset it (axes does reset its own count)."""
    limit = settings.AXES_FAILURE_LIMIT
    cooloff = timedelta(hours=float(settings.AXES_COOLOFF_TIME))
    since = timezone.now() - cooloff
    for model in (TOTPDevice, StaticDevice):
        if model.objects.filter(
            user=user,
            throttling_failure_count__gte=limit,
            throttling_failure_timestamp__gte=since,
        ).exists():
            return True
    return False


def is_locked(request) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    return _device_locked(request.user) or AxesProxyHandler.is_locked(
        request, credentials={"username": _ident(request)}
    )


def verify(*, request, token: str, recovery: bool = False):
    """Check a code against the user's app (or a recovery code). Returns the device or None.

    A wrong code counts as a failed sign-in for django-axes (the same per-account
    limit as wrong passwords) and on the device (which backs off exponentially).
    """
    from django_otp import login as otp_login

    user = request.user
    token = "".join(token.split()).lower()
    model = StaticDevice if recovery else TOTPDevice
    for device in model.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return device
    user_login_failed.send(
        sender=__name__, credentials={"username": _ident(request)}, request=request
    )
    return None


def demo_enrol(*, user, secret: str) -> TOTPDevice:
    """Enrol a demo account with a known secret (seed_demo only)."""
    key = key_from_base32(secret)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None and device.key == key:
        return device
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_NAME, key=key, confirmed=True)
