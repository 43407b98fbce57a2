import time

import auditlog.middleware


class IdleSessionMiddleware:
    """Sign people out after SESSION_COOKIE_AGE of inactivity, without a write per request.

    Django's SESSION_SAVE_EVERY_REQUEST writes the session row on every page view.
    Touching it at most once a minute keeps the idle timeout (to within a minute)
    and saves a database write on almost every request.
    """

    TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get("_touched", 0) >= self.TOUCH_EVERY:
                session["_touched"] = now
        return response


class LanguageMiddleware:
    """Dutch unless the person chose another language with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would
    serve a Dutch municipality's portal in English to anyone with an English
    browser. Here only the explicit choice (the language cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch = response.headers.get("Vary", "")
        if "Cookie" not in patch:
            response.headers["Vary"] = f"{patch}, Cookie" if patch else "Cookie"
        return response


class RequestSizeLimitMiddleware:
    """Refuse a body larger than REQUEST_MAX_BYTES from its Content-Length, before reading it.

    Sits right after SecurityMiddleware, so nothing (CSRF, sessions, the form) reads
    the body first. Django counts a body without Content-Length as empty, so the
    header is all there is to check; the proxy's client_max_body_size matches.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return self.too_large(request)
        return self.get_response(request)

    @staticmethod
    def too_large(request):
        from django.conf import settings
        from django.http import HttpResponse
        from django.template.defaultfilters import filesizeformat
        from django.template.loader import render_to_string
        from django.utils import translation

        # Rendered without the session or the user: nothing of the request is read.
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(
                "413.html", {"max_size": filesizeformat(settings.UPLOAD_MAX_BYTES)}
            )
        response = HttpResponse(body, status=413)
        response["Connection"] = "close"
        return response


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; nothing personal kept in any cache.

    Signed-in pages and personal downloads (exports, PDFs, calendar files) are for
    one person: `Cache-Control: private, no-store`, so neither a shared proxy nor
    the browser's disk keeps them after sign-out. A response that is the same for
    everyone (`same_for_everyone`: the huisstijl's stylesheet and logo) keeps its own
    header: otherwise every page view fetched the stylesheet again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        personal = not getattr(response, "same_for_everyone", False)
        if personal and user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
        return response


class AuditlogMiddleware(auditlog.middleware.AuditlogMiddleware):
    """django-auditlog, recording the client address we trust (inclusie.security.client_ip).

    The stock middleware believes the left-most X-Forwarded-For, which anyone can send.
    """

    @staticmethod
    def _get_remote_addr(request):
        from inclusie.security import client_ip

        return client_ip(request)
