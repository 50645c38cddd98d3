"""Settings shared by every environment; environment-specific modules import and adjust."""

from __future__ import annotations

from typing import Any

import environ
from csp.constants import NONCE

from config.env import BASE_DIR, ENV

SECRET_KEY = ENV.SECRET_KEY
DEBUG = ENV.DEBUG
ALLOWED_HOSTS = ENV.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = ENV.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_q",
    "apps.core",
    "apps.accounts",
    "apps.partnerships",
    "apps.periods",
    "apps.plans",
    "apps.importers",
    "apps.performance",
    "apps.reports",
    "apps.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
                "apps.core.context_processors.navigation",
            ],
        },
    },
]


def _database() -> dict[str, object]:
    if ENV.DATABASE_URL:
        return environ.Env.db_url_config(ENV.DATABASE_URL)
    (BASE_DIR / "var").mkdir(exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "var" / "saferplan.sqlite3",
        # WAL lets readers carry on while a writer commits; IMMEDIATE avoids upgrade deadlocks.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# NCSC password guidance: length over complexity (long passphrases welcome), no composition
# rules, no forced expiry; common and breached passwords refused (apps/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS: list[dict[str, Any]] = [
    {"NAME": "apps.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "apps.accounts.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "apps.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "apps.accounts.passwords.NumericPasswordValidator"},
    {
        "NAME": "apps.accounts.passwords.BreachedPasswordValidator",
        "OPTIONS": {"enabled": ENV.PASSWORD_BREACH_CHECK},
    },
]
PWNED_PASSWORDS = {"API_TIMEOUT": ENV.PASSWORD_BREACH_CHECK_TIMEOUT}
# Reset and invitation links: a reset link lasts an hour, an invitation seven days.
PASSWORD_RESET_TIMEOUT = 60 * 60
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "plans:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Email (ADR 10): console, SMTP or GOV.UK Notify, chosen by EMAIL_BACKEND in the environment.
EMAIL_BACKEND = ENV.EMAIL_BACKEND
DEFAULT_FROM_EMAIL = ENV.DEFAULT_FROM_EMAIL
SERVER_EMAIL = ENV.DEFAULT_FROM_EMAIL
EMAIL_HOST = ENV.EMAIL_HOST
EMAIL_PORT = ENV.EMAIL_PORT
EMAIL_HOST_USER = ENV.EMAIL_HOST_USER
EMAIL_HOST_PASSWORD = ENV.EMAIL_HOST_PASSWORD
EMAIL_USE_TLS = ENV.EMAIL_USE_TLS
EMAIL_TIMEOUT = ENV.EMAIL_TIMEOUT
NOTIFY_API_KEY = ENV.NOTIFY_API_KEY
NOTIFY_TEMPLATE_ID = ENV.NOTIFY_TEMPLATE_ID
SITE_URL = ENV.SITE_URL.rstrip("/")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = ENV.TIME_ZONE
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j/n/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Performance: the year-on-year change (% of last year's figure) reported as an exception.
PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT = ENV.PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}


# --- Sign-in hardening (issue 11 §3): throttling, session limits, response headers ----------
# Kept in one block; two-factor and single sign-on settings live in their own block.
INSTALLED_APPS = [*INSTALLED_APPS, "axes"]
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1],
    # Ends idle and over-long sessions before anything else sees the user as signed in.
    "apps.core.sessions.SessionTimeoutMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1 :],
    "apps.core.headers.NoStoreMiddleware",
    "apps.core.headers.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a flagged sign-in attempt into the lock-out page.
    "axes.middleware.AxesMiddleware",
]
# First, so a locked-out account or address is refused before its password is even checked.
AUTHENTICATION_BACKENDS = ["apps.accounts.backends.SignInThrottleBackend", *AUTHENTICATION_BACKENDS]

# django-axes: lock an account, and separately an address, after SIGN_IN_FAILURE_LIMIT wrong
# passwords in a row, for SIGN_IN_LOCKOUT_MINUTES; each try during a lock-out starts it again.
AXES_FAILURE_LIMIT = ENV.SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = ENV.SIGN_IN_LOCKOUT_MINUTES / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_LOCKOUT_CALLABLE = "apps.accounts.views.sign_in_locked_out"
AXES_USERNAME_FORM_FIELD = "username"
# The security log (apps.accounts.models.SecurityEvent) records sign-ins; axes keeps only the
# failure counts it needs to throttle.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Sessions: the database backend (so sessions_end_for_user can find a user's other sessions),
# ended after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS at most
# (apps.core.sessions). The cookie lives no longer than the longest session.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_SECONDS = ENV.SESSION_IDLE_MINUTES * 60
SESSION_MAX_SECONDS = ENV.SESSION_MAX_HOURS * 3600
SESSION_WARNING_SECONDS = 120  # the "you will be signed out" warning shows this long before
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
TEMPLATES[0]["OPTIONS"]["context_processors"].append(  # type: ignore[index]
    "apps.core.context_processors.session_timeout"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Sent on every response (apps.core.headers): the browser features SaferPlan never uses.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Content-Security-Policy (django-csp 4), switched on by the production settings: scripts only
# from our own static files, no inline script. Styles from our files, plus the report page's
# one <style> block carrying the request's nonce. Style attributes stay allowed for the RAG
# colours a plan defines (reports paint cells in the plan's own colours); they cannot run
# script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# load_demo creates users with DEMO_PASSWORD; the production settings refuse the default one.
DEMO_PASSWORD = ENV.DEMO_PASSWORD
DEMO_DEFAULT_PASSWORD_REFUSED = False
# --- Two-factor sign-in and single sign-on (issue 11, ADR 12) -------------------------------
# Kept in one block so it merges cleanly beside the other sign-in hardening settings.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# OTPMiddleware tells whether this session confirmed a code (request.user.is_verified()); then,
# after the login wall, a user with an authenticator app must give a code before anything else,
# and a manager or administrator whose partnership requires one must set one up first.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.LoginRequiredMiddleware") + 1,
    "apps.accounts.two_factor.middleware.TwoFactorVerifyMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("apps.accounts.two_factor.middleware.TwoFactorVerifyMiddleware") + 1,
    "apps.partnerships.middleware.TwoFactorRequiredMiddleware",
)
OTP_TOTP_ISSUER = "SaferPlan"
# Single sign-on: the provider is chosen per email domain (apps.accounts.models.IdentityProvider);
# mozilla-django-oidc does the protocol. Users are never created from a provider's answer.
AUTHENTICATION_BACKENDS += ["apps.accounts.single_sign_on.backend.SingleSignOnBackend"]
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:single-sign-on-callback"
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = ENV.OIDC_TIMEOUT
OIDC_CLIENT_SECRETS = ENV.OIDC_CLIENT_SECRETS
# --- end of two-factor sign-in and single sign-on --------------------------------------------


# Background work (ADR 14): django-q2 with the ORM broker, so the queue lives in the same
# database (SQLite by default, PostgreSQL on a shared server) and needs no other service.
# `make run` starts its worker (`manage.py qcluster`) beside the web server.
Q_CLUSTER = {
    "name": "saferplan",
    "orm": "default",
    "workers": ENV.TASK_WORKERS,
    "timeout": ENV.TASK_TIMEOUT_SECONDS,
    # A task not finished this long after it was taken is offered again (must exceed timeout).
    "retry": ENV.TASK_TIMEOUT_SECONDS + 60,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 500,
    "poll": 1,
    "label": "Background tasks",
}
