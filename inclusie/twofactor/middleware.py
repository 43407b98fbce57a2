from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from inclusie import fragments
from inclusie.backends import USER_KEY
from inclusie.twofactor import services

# The only pages a signed-in but unverified person may open.
EXEMPT_URL_NAMES = (
    "twofactor-verify",
    "twofactor-enrol",
    "logout",
    "huisstijl-thema",  # the code page wears the huisstijl too
    "huisstijl-logo",
)


class SecondFactorMiddleware:
    """After the password, before any page: the second factor.

    Runs after AuthenticationMiddleware and django-otp's OTPMiddleware. A person whose
    account needs the second factor and whose session is not verified gets the code
    page (or the enrolment page if they have no app yet) for every other URL: pages,
    downloads, htmx requests and /admin/ alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt: tuple[str, ...] | None = None

    def exempt_paths(self) -> tuple[str, ...]:
        if self._exempt is None:
            self._exempt = tuple(reverse(name) for name in EXEMPT_URL_NAMES)
        return self._exempt

    def __call__(self, request):
        if services.needs_verification(request):
            path = request.path_info
            if not (path.startswith(settings.STATIC_URL) or path in self.exempt_paths()):
                target = (
                    "twofactor-verify" if services.is_enrolled(request.user) else "twofactor-enrol"
                )
                return HttpResponseRedirect(
                    f"{reverse(target)}?next={quote(request.get_full_path())}"
                )
        return self.get_response(request)


class CachedOTPMiddleware(OTPMiddleware):
    """django-otp's middleware without reading the device row on every page.

    What a page needs to know is only whether the session's device still exists,
    is confirmed and belongs to this person: that owner is kept in the shared cache
    under the data version (any write - a new device, a used code, a throttle - reads it
    afresh). The device itself is read from the database only when something uses it,
    so code that checks or saves it never works on a copy that is out of date.
    """

    def _verify_user_sync(self, request, user):
        persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
        device_key = f"otp-apparaat:{persistent_id}"
        user_id = request.session.get(SESSION_KEY)
        if user_id is not None:  # the person and their device in one round trip
            fragments.prefetch([USER_KEY.format(user_id), *([device_key] if persistent_id else [])])
        self._init_user_fields(user)
        if user.is_authenticated:
            if persistent_id:
                owner = fragments.read_through(device_key, lambda: self._owner(persistent_id))
                if owner == user.pk:
                    user.otp_device = SimpleLazyObject(
                        partial(self._device_from_persistent_id, persistent_id)
                    )
                else:
                    del request.session[DEVICE_ID_SESSION_KEY]
        return user

    def _owner(self, persistent_id: str) -> int | None:
        """The id of the person whose confirmed device this is, or None."""
        device = self._device_from_persistent_id(persistent_id)
        return device.user_id if device is not None and device.confirmed else None
