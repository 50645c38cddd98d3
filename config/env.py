"""The one reader of the process environment: every setting SaferPlan takes from outside.

Settings modules read attributes of ``ENV``; nothing else touches ``os.environ``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


# Where email goes: printed to the terminal, an SMTP relay, or GOV.UK Notify. Tests use locmem.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "notify": "apps.core.email.NotifyEmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def email_backend(name: str) -> str:
    """The Django email backend for an EMAIL_BACKEND of console, smtp, notify or locmem."""
    try:
        return EMAIL_BACKENDS[name.strip().lower()]
    except KeyError:
        choices = ", ".join(EMAIL_BACKENDS)
        raise ImproperlyConfigured(
            f"Set EMAIL_BACKEND to one of {choices}, not {name!r}."
        ) from None


class Settings:
    """Typed view of the environment, with safe local defaults."""

    SECRET_KEY: str = _env.str("SECRET_KEY", default="")
    DEBUG: bool = _env.bool("DEBUG", default=False)
    ALLOWED_HOSTS: list[str] = _env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
    CSRF_TRUSTED_ORIGINS: list[str] = _env.list("CSRF_TRUSTED_ORIGINS", default=[])
    DATABASE_URL: str = _env.str("DATABASE_URL", default="")
    DEMO_PASSWORD: str = _env.str("DEMO_PASSWORD", default="demo")
    TIME_ZONE: str = _env.str("TIME_ZONE", default="Europe/London")
    SECURE_HSTS_SECONDS: int = _env.int("SECURE_HSTS_SECONDS", default=31536000)
    # Behind a TLS-terminating proxy the production settings trust X-Forwarded-Proto.
    BEHIND_PROXY: bool = _env.bool("BEHIND_PROXY", default=True)
    # A measure whose latest figure changed on the same period last year by at least this
    # percentage of last year's figure is reported as an exception.
    PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT: Decimal = Decimal(
        _env.str("PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT", default="10")
    )

    # Sign-in hardening (issue 11): wrong passwords allowed per account and per address before
    # a lock-out, how long it lasts, and how long a session lasts idle and at most.
    SIGN_IN_FAILURE_LIMIT: int = _env.int("SIGN_IN_FAILURE_LIMIT", default=5)
    SIGN_IN_LOCKOUT_MINUTES: int = _env.int("SIGN_IN_LOCKOUT_MINUTES", default=15)
    SESSION_IDLE_MINUTES: int = _env.int("SESSION_IDLE_MINUTES", default=30)
    SESSION_MAX_HOURS: int = _env.int("SESSION_MAX_HOURS", default=12)
    # Address links in emails start with when nobody's request says it (the invite command).
    SITE_URL: str = _env.str("SITE_URL", default="http://127.0.0.1:8000")
    EMAIL_BACKEND: str = email_backend(_env.str("EMAIL_BACKEND", default="console"))
    DEFAULT_FROM_EMAIL: str = _env.str(
        "DEFAULT_FROM_EMAIL", default="SaferPlan <no-reply@saferplan.example.org>"
    )
    EMAIL_HOST: str = _env.str("EMAIL_HOST", default="localhost")
    EMAIL_PORT: int = _env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER: str = _env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD: str = _env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS: bool = _env.bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT: int = _env.int("EMAIL_TIMEOUT", default=10)
    NOTIFY_API_KEY: str = _env.str("NOTIFY_API_KEY", default="")
    NOTIFY_TEMPLATE_ID: str = _env.str("NOTIFY_TEMPLATE_ID", default="")
    # Passwords on a breached list (Pwned Passwords range API, k-anonymity: only 5 characters
    # of the password's SHA-1 leave the server) are refused. If the API cannot be reached in
    # this many seconds the check falls open to Django's list of common passwords.
    PASSWORD_BREACH_CHECK: bool = _env.bool("PASSWORD_BREACH_CHECK", default=True)
    PASSWORD_BREACH_CHECK_TIMEOUT: float = _env.float("PASSWORD_BREACH_CHECK_TIMEOUT", default=2.0)
    # --- Single sign-on (ADR 12) -----------------------------------------------------------
    # Each identity provider's client secret, in a variable of its own named
    # OIDC_CLIENT_SECRET_<NAME>; the provider's row names the variable, never the secret.
    OIDC_CLIENT_SECRETS: dict[str, str] = {
        name: value
        for name, value in _env.ENVIRON.items()
        if name.startswith("OIDC_CLIENT_SECRET_") and value
    }
    # Seconds to wait for a provider's token, keys and user information.
    OIDC_TIMEOUT: int = _env.int("OIDC_TIMEOUT", default=10)
    # --- end of single sign-on ---------------------------------------------------------------
    # --- Background tasks (ADR 14) ---------------------------------------------------------
    # Worker processes for the task queue, and seconds a task may run before it is stopped.
    TASK_WORKERS: int = _env.int("TASK_WORKERS", default=2)
    TASK_TIMEOUT_SECONDS: int = _env.int("TASK_TIMEOUT_SECONDS", default=600)


ENV = Settings()
