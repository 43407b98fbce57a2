import time


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
