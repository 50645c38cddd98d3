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


ENV = Settings()
