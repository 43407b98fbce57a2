"""WhiteNoise's walk over the static files, once per test process instead of per client.

Every test client loads the middleware chain afresh, and WhiteNoiseMiddleware (with
WHITENOISE_USE_FINDERS, as outside production) lists and stats every static file of
every app when it is built: about 30 ms, paid by each of the ~1000 tests that use a
client. The files do not change during a test run, so the dictionary it builds is
kept per process and handed to the next middleware with the same settings.
"""

from __future__ import annotations

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

_walk = WhiteNoiseMiddleware.add_files_from_finders
_walked: dict[tuple, dict] = {}


def _key(middleware: WhiteNoiseMiddleware) -> tuple:
    """What the dictionary depends on: the static settings and WhiteNoise's own."""
    own = sorted(
        (name, repr(getattr(settings, name)))
        for name in dir(settings)
        if name.startswith("WHITENOISE_")
    )
    return (
        middleware.static_prefix,
        settings.DEBUG,
        tuple(own),
        tuple(map(str, settings.STATICFILES_DIRS)),
        tuple(settings.STATICFILES_FINDERS),
        tuple(settings.INSTALLED_APPS),
    )


def _add_files_from_finders(self: WhiteNoiseMiddleware) -> None:
    key = _key(self)
    if key not in _walked:
        before = dict(self.files)
        _walk(self)
        _walked[key] = {url: f for url, f in self.files.items() if before.get(url) is not f}
    for url, static_file in _walked[key].items():
        self.files.setdefault(url, static_file)


def install() -> None:
    WhiteNoiseMiddleware.add_files_from_finders = _add_files_from_finders
