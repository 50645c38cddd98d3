"""The one reader of the process environment: every setting SaferPlan takes from outside.

Settings modules read attributes of ``ENV``; nothing else touches ``os.environ``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

_env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


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


ENV = Settings()
