"""Settings, all read from the environment (django-environ).

Development and tests get safe defaults (SQLite, Celery eager, console mail).
`DJANGO_ENV=production` turns on the hardened profile and refuses to start
without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

# Secrets that are published (in .env.example, in this file): never good enough for production.
PLACEHOLDER_SECRET_KEYS = {
    "change-me-to-a-long-random-string-of-at-least-fifty-characters",
    "dev-only-insecure-key-change-me-for-anything-real-0123456789",
}

if PRODUCTION:
    missing = [
        name
        for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "PORTAL_BASE_URL")
        if not env.str(name, default="")
    ]
    if missing:
        raise ImproperlyConfigured(
            "Productiemodus (DJANGO_ENV=production) start niet: stel deze omgevingsvariabele(n) in: "
            + ", ".join(missing)
        )
    _secret = env.str("SECRET_KEY").strip()
    if _secret in PLACEHOLDER_SECRET_KEYS or "change-me" in _secret.lower():
        raise ImproperlyConfigured(
            "Productiemodus (DJANGO_ENV=production) start niet: SECRET_KEY is nog de voorbeeldwaarde "
            "uit .env.example. Maak een eigen geheime sleutel, bijvoorbeeld met: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )

DEBUG = env.bool("DEBUG", default=False if PRODUCTION else True)
SECRET_KEY = env.str(
    "SECRET_KEY", default="dev-only-insecure-key-change-me-for-anything-real-0123456789"
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where people reach the portal: every link in a mail starts with this (inclusie.links.portal_url).
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Behind our reverse proxy (deploy/nginx.conf): it terminates TLS and sets X-Forwarded-Proto and
# X-Real-IP on every request, overwriting what a client sent. Only then are those headers trusted.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "django_filters",
    "django_celery_beat",
    "axes",
    "csp",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "inclusie",
    "pijlers",
    "deal",
    "ambassadeurs",
    "klankbord",
    "monitoring",
    "bijeenkomsten",
    "stappenplan",
    "opdracht",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "inclusie.middleware.RequestSizeLimitMiddleware",
    "inclusie.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inclusie.middleware.IdleSessionMiddleware",
    "inclusie.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second factor: django-otp's OTPMiddleware (the device's owner kept in the cache)
    # marks the user verified from the session; ours sends a signed-in but unverified
    # beheerder/wethouder to the code page before any page opens.
    "inclusie.twofactor.middleware.CachedOTPMiddleware",
    "inclusie.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "inclusie.permissions.PermissionMapMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "inclusie.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inclusie.urls"
WSGI_APPLICATION = "inclusie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "inclusie.context_processors.portal",
            ],
            # The portal's number and date filters (|datum, |datum_tijd, |euro) in every
            # template without a {% load %}, so the one date style is the easy one.
            "builtins": ["inclusie.templatetags.opmaak"],
        },
    }
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    # A restarted PostgreSQL must not leave the portal with dead connections.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # A file, not memory, so a Celery worker started by the integration tests sees the test data.
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(BASE_DIR / ".test-db.sqlite3")
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "inclusie.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "inclusie.backends.EmailOrUsernameBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Reset mails per address and per client address within the window (inclusie.views.PasswordResetView).
PASSWORD_RESET_PER_ADDRESS = env.int("PASSWORD_RESET_PER_ADDRESS", default=3)
PASSWORD_RESET_PER_CLIENT = env.int("PASSWORD_RESET_PER_CLIENT", default=10)
PASSWORD_RESET_RATE_WINDOW = 60 * 60

# Idle timeout: the session lives SESSION_IDLE_MINUTES after the last request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = False  # IdleSessionMiddleware refreshes it at most once a minute
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Private files (uploads, reports) are never served directly; views check permission.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# A request body may hold one upload plus the form around it; anything larger is refused with a
# 413 before it is read (RequestSizeLimitMiddleware; the proxy's client_max_body_size matches).
REQUEST_MAX_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024
# Form fields without files: Django refuses more than this (a form is never megabytes of text).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploads above this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Inclusie Portaal <noreply@inclusie.example>"
)

# Celery: Redis from REDIS_URL; unset means eager (tasks run in the request).
REDIS_URL = env.str("REDIS_URL", default="")


def _redis_cache_url(broker_url: str) -> str:
    """The broker's Redis on the next database number, so clearing the cache never drops tasks."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(broker_url)
    db = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{db + 1}"))


# The cache is shared by every gunicorn worker and Celery process when Redis is there: dropping
# the public Deal page or the gemeente profile from it reaches all of them.
REDIS_CACHE_URL = env.str(
    "REDIS_CACHE_URL", default=_redis_cache_url(REDIS_URL) if REDIS_URL else ""
)
if REDIS_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "inclusie.cache.RedisCache",  # Django's, reusing its Redis client
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": "inclusie",
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are read on every signed-in request: from the shared cache when there is one
# (cached_db: Redis first, the database as the durable copy, so a Redis restart signs no
# one out). A per-process cache (locmem) would let one gunicorn worker keep a session
# another worker ended, so without Redis the database alone holds them.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_CACHE_URL
    else "django.contrib.sessions.backends.db"
)
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Fail fast when the broker is down: the request has already stored its work as a row.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Named periodic tasks; the DatabaseScheduler copies them into the database,
# where the beheerder can change them in /admin/.
CELERY_BEAT_SCHEDULE = {
    "notificaties-opnieuw-versturen": {
        "task": "inclusie.tasks.send_waiting_notificaties",
        "schedule": 300.0,
    },
    # Meetings: reminder mail before an action item's due date (idempotent).
    "acties-herinneren": {
        "task": "bijeenkomsten.tasks.send_actie_herinneringen",
        "schedule": 3600.0,
    },
    # Report rows (monitoring and verkenning) left queued (broker down) or running with an
    # expired lease (worker died). The twice-yearly snapshot is a PeriodicTask row the
    # beheerder edits (monitoring/schedule.py).
    "rapporten-opnieuw-in-wachtrij": {
        "task": "inclusie.tasks.requeue_reports",
        "schedule": 120.0,
    },
}

# Rows per page of every list (inclusie.list_views.FilteredListView); one setting.
PAGE_SIZE = env.int("PAGE_SIZE", default=25)

# Our own crispy template pack (inclusie/templates/nlds/): NL Design System form fields.
CRISPY_ALLOWED_TEMPLATE_PACKS = ("nlds",)
CRISPY_TEMPLATE_PACK = "nlds"

# django-axes: lock out after repeated failed sign-ins per account and address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# Per account (whatever spelling was typed: inclusie.security.axes_username) and, separately and
# with a higher limit, per client address (a whole office may sign in from one address).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=30)
AXES_HANDLER = "inclusie.security.AccountAndAddressHandler"
AXES_USERNAME_CALLABLE = "inclusie.security.axes_username"
AXES_CLIENT_IP_CALLABLE = "inclusie.security.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# django-csp 4: strict policy with nonces.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent on every response (SecurityHeadersMiddleware): the portal uses none of these features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

if BEHIND_TLS_PROXY:
    # Only our proxy reaches the portal and it always sets this header (deploy/nginx.conf).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True
    # Health checks from the orchestrator arrive over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="demo-inclusie-2026")

# Second factor (django-otp, TOTP + recovery codes). The demo beheerder and wethouder are
# enrolled with DEMO_TOTP_SECRET (base32) so testers and tests can compute codes; a system
# check stops production when any account still has the demo secret.
DEMO_TOTP_SECRET_DEFAULT = "INCLUSIEPORTAALDEMOSLEUTEL234567"  # noqa: S105 - public demo secret
DEMO_TOTP_SECRET = env.str(
    "DEMO_TOTP_SECRET", default="" if PRODUCTION else DEMO_TOTP_SECRET_DEFAULT
)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Inclusie Portaal")
CSRF_FAILURE_VIEW = "inclusie.views.csrf_failure"
WHITENOISE_USE_FINDERS = not PRODUCTION
