"""Settings for the archive of official visits, read from the environment (see README, Configuration)."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from common.country_codes import HISTORIC_STATES

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set unless DEBUG is on.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "common",
    "orgs",
    "people",
    "visits",
    "summaries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost of ours: compresses what the rest produced (never answers with a secret: BREACH).
    "common.compression.SafeGZipMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "common.throttling.RateLimitHeaders",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "common.csp.ContentSecurityPolicyMiddleware",
    # Innermost: a cached page skips only the view; everything above still runs for it (ETag, 304, CSP,
    # gzip, CORS). The API caches inside its views instead, after its throttle (common/response_cache.py).
    "common.response_cache.ResponseCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Default: a SQLite file in the project folder, so `make run` needs no server.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while an import or a worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "media/"

# Uploads: an import file may be large; article bodies are capped in the services.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=12 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
# The API reads request bodies itself (DATA_UPLOAD_MAX_MEMORY_SIZE does not apply there).
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=2 * 1024 * 1024)

# Historic states (ISO 3166-3 former codes) and Kosovo, used by the HSG records.
COUNTRIES_OVERRIDE = HISTORIC_STATES

# Security headers; production (DEBUG off) passes `manage.py check --deploy`.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Trust X-Forwarded-Proto only behind a proxy that sets it (and strips a client's own): off by default,
# or any client could claim HTTPS.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("TRUST_X_FORWARDED_PROTO", default=False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Celery: without a broker, tasks run eagerly in the calling process (the embedded default).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or None
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Reliability (nothing lost, nothing stuck). A message a killed worker held comes back after the
# visibility timeout, which must exceed every task's hard time limit (the import job's, 1900 s) or a
# running task is delivered twice; meanwhile the sweep (beat, every minute) queues again any source
# pending or parsing past SOURCE_SWEEP_AFTER_SECONDS (above parse_source's 180 s limit). A broker that
# is down fails a publish within about two seconds, so the API can answer 503 instead of hanging.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2100),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
SOURCE_SWEEP_AFTER_SECONDS = env.int("SOURCE_SWEEP_AFTER_SECONDS", default=300)
CELERY_BEAT_SCHEDULE = {
    "sweep-sources": {"task": "visits.tasks.sweep_sources", "schedule": 60.0},
    "expire-import-previews": {"task": "visits.tasks.expire_import_previews", "schedule": 86400.0},
    # A safety net: writes queue their own rebuild; this one also renews summaries past half their max age.
    "refresh-summaries": {
        "task": "summaries.tasks.refresh_summaries",
        "schedule": 300.0,
        "kwargs": {"older_than": 43200},
    },
}
# Summary tables behind the statistics, country, pair and coverage pages (summaries/__init__.py): how long
# stale counts may still be shown after a write (0 without a worker: the next page rebuilds them), how
# long writes are gathered before the worker rebuilds, and the age past which they are rebuilt anyway.
# Unset: 0 while tasks run eagerly, 30 with a worker (decided when asked: summaries/services.py).
SUMMARY_STALE_SECONDS = env.int("SUMMARY_STALE_SECONDS", default=None)
SUMMARY_DEBOUNCE_SECONDS = env.int("SUMMARY_DEBOUNCE_SECONDS", default=5)
SUMMARY_MAX_AGE_SECONDS = env.int("SUMMARY_MAX_AGE_SECONDS", default=86400)
# API writes: with this on, a PUT, PATCH or DELETE without If-Match answers 428 (see common/api.py).
API_REQUIRE_IF_MATCH = env.bool("API_REQUIRE_IF_MATCH", default=False)
# Content-Security-Policy of the pages (common/csp.py): our own scripts, styles and images only; the
# hash is templates/500.html's inline style (that page must render without static files).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'sha256-4oWZ1jItoDzEK673rImVEdUejT4iKebN7HY4gvDPsV0='; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

# Readers' correction suggestions per client ("N/second|minute|hour|day"), counted in the cache.
SUGGESTION_THROTTLE = env.str("SUGGESTION_THROTTLE", default="10/hour")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["common.permissions.ModelPermissionsOrAnonReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "common.filters.StrictFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Counted in the cache (CACHE_URL): with Redis, one limit per client across every web process.
    "DEFAULT_THROTTLE_CLASSES": [
        "common.throttling.AnonThrottle",
        "common.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="600/hour"),
        "user": env.str("API_THROTTLE_USER", default="5000/hour"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Archive of official visits API",
    "DESCRIPTION": "Who visited whom, when, where, and whom they met; every record tied to its source.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # OAS 3.1: a null is a type ({"oneOf": [{"$ref": ...}, {"type": "null"}]}), not `nullable` beside allOf.
    "OAS_VERSION": "3.1.0",
    # Operation ids and tags from the resource: `visits_list`, tag `visits` (not `v1_visits_list`).
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "LICENSE": {
        "name": "Records: as their sources allow; the archive's own work: CC0 1.0.",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    # Relative: the API is on the host that serves this document.
    "SERVERS": [{"url": "/", "description": "This archive."}],
    # common/schema.py: the Error component, the Token scheme's prefix, enum member names.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.schema.postprocess",
    ],
    # One schema name per choice set shared by several models.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "common.countries.COUNTRY_CODES",
        "DatePrecisionEnum": "common.models.DatePrecision",
        "ReviewStateEnum": "common.models.ReviewState",
        "VisitKindEnum": "visits.models.VisitKind",
        "VisitStatusEnum": "visits.models.VisitStatus",
        "OrganisationKindEnum": "orgs.models.OrganisationKind",
        "SourceKindEnum": "visits.models.Source.Kind",
        "SourceStatusEnum": "visits.models.Source.Status",
        "ParticipantRoleEnum": "visits.models.Participant.Role",
        "IdentifierSchemeEnum": "people.models.Identifier.Scheme",
    },
}

# CACHE_URL: redis://host:6379/1 in production (rate limits, suggestion limits and cached answers shared by
# every process); unset, each process keeps its own in-memory cache (fine for one process).
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    # Django's Redis backend, with its clients kept and counters in one round trip (common/cache.py).
    CACHES = {"default": {"BACKEND": "common.cache.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL and not CACHE_URL.startswith("locmem"):
    raise ImproperlyConfigured(f"CACHE_URL must be redis://… or unset, not {CACHE_URL!r}.")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Cached answers for anonymous readers (common/response_cache.py), keyed on the data version every write
# moves on: never stale. Seconds an answer is kept (0: off); the default is on only with a shared cache, as
# an in-process cache would not see another process's writes. Browsers and proxies may keep a public
# answer RESPONSE_CACHE_MAX_AGE seconds.
RESPONSE_CACHE_SECONDS = env.int(
    "RESPONSE_CACHE_SECONDS", default=300 if "RedisCache" in CACHES["default"]["BACKEND"] else 0
)
RESPONSE_CACHE_MAX_AGE = env.int("RESPONSE_CACHE_MAX_AGE", default=60)
# A streamed answer (an export) is kept only if it ends within this many bytes.
RESPONSE_CACHE_MAX_BYTES = env.int("RESPONSE_CACHE_MAX_BYTES", default=2_000_000)

# CORS: other sites' browser apps may read the public API (GET/HEAD/OPTIONS); CORS_ALLOWED_ORIGINS
# (comma-separated) narrows it, unset allows any origin. No credentials: reads are public, tokens go in
# a header a page sets itself.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = (
    "ETag",
    "Last-Modified",
    "Link",
    "Location",
    "Retry-After",
    "X-Total-Count",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

SIMPLE_HISTORY_REVERT_DISABLED = False
