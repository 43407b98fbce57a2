from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp.middleware import OTPMiddleware

from inclusie import fragments
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
    """django-otp's middleware, with the session's device kept in the shared cache.

    A verified beheerder or wethouder would otherwise read the device row on every
    page. Any write (a new device, a confirmation, a failed code's throttle) changes the
    data version (inclusie.fragments), so the next request reads it afresh.
    """

    def _device_from_persistent_id(self, persistent_id: str):
        return fragments.read_through(
            f"otp-apparaat:{persistent_id}",
            lambda: super(CachedOTPMiddleware, self)._device_from_persistent_id(persistent_id),
        )
