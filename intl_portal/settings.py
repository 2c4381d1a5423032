"""Settings for intl_portal: one module, driven by environment variables.

Every variable is listed in the README. With nothing set the portal runs in
development mode on SQLite with a server-less Celery broker; production
(DJANGO_DEBUG unset or false) refuses to start without a secret key and
allowed hosts.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from intl_portal.common.languages import Language

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# Demo mode: demo accounts and example.org addresses exist; only with `make run`.
DEMO_MODE = env_bool("INTL_PORTAL_DEMO", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
# Django's own advice for a secret key: 50 characters or more, with at least 5 different ones.
MIN_SECRET_KEY_LENGTH = 50
if not DEBUG:
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY is too weak: use {MIN_SECRET_KEY_LENGTH} or more random characters "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    if DEMO_MODE:
        # Demo mode creates log-ins whose passwords are published in the README.
        raise ImproperlyConfigured("INTL_PORTAL_DEMO is for development only: it needs DJANGO_DEBUG on.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
else:
    SECRET_KEY = SECRET_KEY or "development-only-secret-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Absolute address of the portal, for links in e-mails, chat messages and calendar feeds.
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# The domain part of the calendar UIDs stored with new events and deadlines. It is written
# into each row once, so changing it (or the site's address) never changes an existing UID.
CALENDAR_UID_DOMAIN = env_str("CALENDAR_UID_DOMAIN", "intl-portal.calendar")
# How far back the calendar feeds reach: past deadlines and events stay this many days.
CALENDAR_FEED_HISTORY_DAYS = env_int("CALENDAR_FEED_HISTORY_DAYS", 365)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "axes",
    "csp",
    "intl_portal",
    "members",
    "events",
    "budget",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "intl_portal.middleware.ViewerTimezoneMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a locked-out log-in into its own response.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # WhiteNoise serves the collected static files in production; runserver does in development.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "intl_portal.urls"
WSGI_APPLICATION = "intl_portal.wsgi.application"
ASGI_APPLICATION = "intl_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "intl_portal.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user@host:port/name) or the embedded SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Log-in rate limit: five failures per user name and address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Locked per client address (whatever user names it tries) and per user name from that address;
# the address is the client's, not the proxy's (intl_portal/client_address.py).
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "intl_portal.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Internationalisation: English and Simplified Chinese everywhere; instants in UTC.
LANGUAGE_CODE = "en"
LANGUAGES = Language.choices  # the one list: intl_portal/common/languages.py
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# E-mail: SMTP when EMAIL_HOST is set, the console otherwise (the embedded default).
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "intl-portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis when REDIS_URL is set; otherwise a broker on the file system that needs no server.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
if CELERY_BROKER_URL == "filesystem://":
    _broker_dir = BASE_DIR / "var" / "celery-broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        # Broadcast (worker control) files; kombu would otherwise write ./control/.
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
# A broker that goes away is waited for, however long (Celery's default gives up after 100
# retries and the worker exits); a worker that dies anyway is restarted by its supervisor
# (systemd Restart=always; manage.py run_worker under `make run`).
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULE_FILENAME = str(BASE_DIR / "var" / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Deadline reminders: one dispatch pass over the outbox every minute (events/reminders/tasks.py).
    "dispatch-due-reminders": {
        "task": "events.dispatch_due_reminders",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Public conference trackers: every active source read every six hours (events/trackers/tasks.py).
    "sync-trackers": {
        "task": "events.sync_trackers",
        "schedule": float(env_int("TRACKER_SYNC_SECONDS", 6 * 3600)),
        "options": {"expires": 3000},
    },
}
# Tracker import: the longest file read, the HTTP timeout, the User-Agent sent.
TRACKER_MAX_BYTES = env_int("TRACKER_MAX_BYTES", 16 * 1024 * 1024)
TRACKER_HTTP_TIMEOUT = env_int("TRACKER_HTTP_TIMEOUT", 30)
TRACKER_USER_AGENT = env_str("TRACKER_USER_AGENT") or "intl-portal tracker sync"
# A reminder left "sending" by a dead worker is taken up again after this many seconds.
REMINDER_LEASE_SECONDS = env_int("REMINDER_LEASE_SECONDS", 300)
REMINDER_HTTP_TIMEOUT = env_int("REMINDER_HTTP_TIMEOUT", 10)
# The CJK font file the Chinese support letter embeds; empty: found under /usr/share/fonts
# (fonts-noto-cjk). Never fetched from the network.
SUPPORT_LETTER_CJK_FONT = env_str("SUPPORT_LETTER_CJK_FONT", "")
# The hosts a member's own chat bot may post to (a member cannot make the portal call any
# address); group channels, set by coordinators, are not limited. Empty: no personal bots
# of that kind.
REMINDER_PERSONAL_CHAT_HOSTS = {
    "feishu": env_list("REMINDER_FEISHU_HOSTS", ["open.feishu.cn", "open.larksuite.com"]),
    "slack": env_list("REMINDER_SLACK_HOSTS", ["hooks.slack.com"]),
    "wecom": env_list("REMINDER_WECOM_HOSTS", ["qyapi.weixin.qq.com"]),
    "dingtalk": env_list("REMINDER_DINGTALK_HOSTS", ["oapi.dingtalk.com"]),
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "intl_portal.api.parsers.PortalJSONParser",
        "intl_portal.api.parsers.PortalFormParser",
        "intl_portal.api.parsers.PortalMultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "intl_portal.api.filtering.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "intl_portal.api.schema.PortalAutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "intl_portal API",
    "DESCRIPTION": "Events, deadlines, members, budget and the ambassador program.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Separate request and response components, so read-only fields are not asked for.
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "intl_portal.api.docs.document_error_responses",
    ],
    # Several models have a "status" or "kind": name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "EventStatusEnum": "events.models.Event.Status",
        "EventKindEnum": "events.models.Event.Kind",
        "DeadlineKindEnum": "events.models.Deadline.Kind",
        "GoalStatusEnum": "events.models.Goal.Status",
        "GoalKindEnum": "events.models.Goal.Kind",
        "ParticipationStatusEnum": "events.models.Participation.Status",
        "ActionItemStatusEnum": "events.models.ActionItem.Status",
        "IdeaStatusEnum": "events.models.Idea.Status",
        "IdeaKindEnum": "events.models.Idea.Kind",
        "BudgetStatusEnum": "budget.models.Budget.Status",
        "BudgetLineStatusEnum": "budget.models.BudgetLine.Status",
        "ExpenseStatusEnum": "budget.models.Expense.Status",
        "EnrolmentStatusEnum": "members.models.Enrolment.Status",
        "ContributionStatusEnum": "members.models.Contribution.Status",
        "ContributionKindEnum": "members.models.Contribution.Kind",
        "RewardKindEnum": "members.models.Reward.Kind",
        "SwagRequestStatusEnum": "members.models.SwagRequest.Status",
        "CurrencyEnum": "intl_portal.common.currencies.CURRENCY_CHOICES",
        "CountryEnum": "django_countries.countries",
    },
}

# Security headers. The CSP allows nothing from other hosts: the portal serves every asset.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
