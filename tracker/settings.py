"""Settings for the fact tracker, read from the environment (see README, "Configuration")."""

import os
import secrets
from pathlib import Path

import csp.constants as csp
import dj_database_url
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TRACKER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# "production" hardens everything `manage.py check --deploy` looks at (HTTPS only, HSTS, no debug).
PROFILE = os.environ.get("TRACKER_PROFILE", "development").strip().lower()
if PROFILE not in {"development", "production"}:
    raise ValueError(f"TRACKER_PROFILE must be development or production, not {PROFILE!r}.")
PRODUCTION = PROFILE == "production"
DEBUG = env_bool("DEBUG", False) and not PRODUCTION


def local_secret_key() -> str:
    """A random key kept in VAR_DIR, made on first use, so a single-machine install never shares one."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


# Several machines (web, workers) must share one key: set SECRET_KEY there.
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "tracker",
    "core",
    "articles",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.api.body_limit.ApiBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its "too many attempts" answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

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

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to the same file: take the write lock when a transaction
    # starts (no upgrade deadlock), wait for it instead of failing, and let readers run beside a writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20, transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Refuses sign-in attempts once a user name has failed too often from one address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_HOURS", 1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "claims:dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploads: one article file at most this size (bytes); a request body (a pasted text, an API article or
# list) at most that plus room for the other fields. Larger API bodies answer 413.
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
# One article's text at most this many characters, however it comes in; the extractor reads it in
# paragraph-aligned chunks, so this bounds the work, not spaCy's own length limit.
ARTICLE_MAX_CHARS = int(os.environ.get("ARTICLE_MAX_CHARS", 500_000))
# What a file may unpack to before it is refused, read from its headers before anything is unpacked.
DOCX_MAX_UNPACKED_BYTES = int(os.environ.get("DOCX_MAX_UNPACKED_BYTES", 50 * 1024 * 1024))
DOCX_MAX_MEMBERS = int(os.environ.get("DOCX_MAX_MEMBERS", 1000))
DOCX_MAX_PARAGRAPHS = int(os.environ.get("DOCX_MAX_PARAGRAPHS", 20_000))
PDF_MAX_PAGES = int(os.environ.get("PDF_MAX_PAGES", 500))

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True) or PRODUCTION
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True) or PRODUCTION
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if PRODUCTION:
    # Served over HTTPS only, behind a proxy that sets X-Forwarded-Proto (README, "Production").
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REFERRER_POLICY = "same-origin"
    SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The load balancer probes the app itself over plain HTTP, without the proxy's X-Forwarded-Proto.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, fonts and requests only from the app itself; no
# inline script, style or handler anywhere in the pages (htmx's own indicator style is switched off in
# base.html). Redoc alone, which injects its styles at run time, gets inline styles (tracker/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}

# No API body needs more: an article list is 3 deep, a claim change 3.
API_JSON_MAX_DEPTH = 32
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.access.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "core.api.access.TokenAccess",
        "core.api.access.RolePermissions",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["core.api.access.PerTokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": os.environ.get("API_THROTTLE_RATE", "5000/hour")},
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "core.api.csv.CSVRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "core.api.filters.BoundedSearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.NewestFirstCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.handlers.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fact tracker API",
    "DESCRIPTION": "Articles, the factual claims extracted from them, and reviewers' links between claims.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "ExtractionStatusEnum": "articles.models.Article.ExtractionStatus",
        "LanguageEnum": "articles.models.Language",
        "LinkRelationEnum": "claims.models.ClaimLink.Relation",
        "SuggestionRelationEnum": "claims.models.Suggestion.Relation",
        "SuggestionStatusEnum": "claims.models.Suggestion.Status",
        "WebhookDeliveryStatusEnum": "claims.models.WebhookDelivery.Status",
    },
}

# Celery: Redis is the broker; the database row, not the message, is the truth about an article.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must never keep an editor waiting when Redis is down: fail fast, the sweep re-queues.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "visibility_timeout": 3600,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# Two queues, so a backlog of extractions never delays the light tasks (webhooks, sweeps): a worker
# consumes both unless started with -Q (docs/scaling.md); light is where any unrouted task goes.
CELERY_TASK_QUEUES = (Queue("extraction"), Queue("light"))
CELERY_TASK_DEFAULT_QUEUE = "light"
CELERY_TASK_ROUTES = {
    "claims.tasks.article_extract_claims": {"queue": "extraction"},
    "claims.tasks.articles_extract_claims_batch": {"queue": "extraction"},
    "claims.tasks.article_extract_passages": {"queue": "extraction"},
}
EXTRACTION_BATCH_SIZE = int(os.environ.get("EXTRACTION_BATCH_SIZE", 32))
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
EXTRACTION_SWEEP_SECONDS = int(os.environ.get("EXTRACTION_SWEEP_SECONDS", 60))
EXTRACTION_STALE_AFTER_SECONDS = int(os.environ.get("EXTRACTION_STALE_AFTER_SECONDS", 300))
# Each extraction message carries these limits (seconds): past the soft one the article ends failed with
# the reason, so one huge text holds a worker no longer than this; the hard one kills the worker's
# process if the soft one went unheeded. Under EXTRACTION_STALE_AFTER_SECONDS, so the sweep never
# sends an extraction still running again.
EXTRACTION_SOFT_TIME_LIMIT_SECONDS = int(os.environ.get("EXTRACTION_SOFT_TIME_LIMIT_SECONDS", 240))
EXTRACTION_HARD_TIME_LIMIT_SECONDS = int(os.environ.get("EXTRACTION_HARD_TIME_LIMIT_SECONDS", 270))
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-extractions": {
        "task": "claims.tasks.articles_requeue_stale_extractions",
        "schedule": EXTRACTION_SWEEP_SECONDS,
        # The beat process that schedules the sweep also says what is stale, whatever the workers' settings.
        "kwargs": {"stale_after_seconds": EXTRACTION_STALE_AFTER_SECONDS},
    },
    "requeue-stale-webhook-deliveries": {
        "task": "claims.tasks.webhook_deliveries_requeue_stale",
        "schedule": EXTRACTION_SWEEP_SECONDS,
    },
}
# Webhooks: how long one POST to a subscriber may take, and when a never-sent delivery counts as lost.
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", 10))
WEBHOOK_STALE_AFTER_SECONDS = int(os.environ.get("WEBHOOK_STALE_AFTER_SECONDS", 300))
# The publisher named as the author of ClaimReview exports.
NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "Fact tracker")
# Sharing the work: how long after their last sign of life someone still counts as on an article.
PRESENCE_MINUTES = int(os.environ.get("PRESENCE_MINUTES", 5))
# Wire copies: the estimated share of word shingles two articles must have in common (0 to 1).
WIRE_COPY_MIN_SIMILARITY = float(os.environ.get("WIRE_COPY_MIN_SIMILARITY", 0.5))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
