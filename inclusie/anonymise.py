"""Replacing a person's name and contact details while keeping the rows (and so the counts)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from inclusie.models import Persoon, User

ANONIEM = "Geanonimiseerd persoon {pk}"


@transaction.atomic
def persoon_anonymise(*, persoon: Persoon) -> bool:
    """Name, e-mail, phone and function replaced; links and counts stay. False if done before."""
    if persoon.geanonimiseerd_op is not None:
        return False
    persoon.naam = ANONIEM.format(pk=persoon.pk)
    persoon.email = ""
    persoon.telefoon = ""
    persoon.functie = ""
    persoon.toestemming_openbaar = False
    persoon.geanonimiseerd_op = timezone.now()
    persoon.save()
    if persoon.user_id:
        user_anonymise(user=persoon.user)
    return True


@transaction.atomic
def user_anonymise(*, user: User) -> bool:
    """The account can no longer sign in and no longer carries a name or address."""
    if not user.is_active and user.email.endswith("@geanonimiseerd.invalid"):
        return False
    user.email = f"account-{user.pk}@geanonimiseerd.invalid"
    user.username = None
    user.naam = ""
    user.is_active = False
    user.is_staff = False
    user.set_unusable_password()
    user.save()
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return True
