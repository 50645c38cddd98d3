"""Settings for the test suite: fast, local, no side effects beyond the test database."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403
from config.settings.base import AUTH_PASSWORD_VALIDATORS as AUTH_PASSWORD_VALIDATORS_BASE
from config.settings.base import STORAGES

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "SaferPlan <no-reply@saferplan.test>"
SITE_URL = "http://testserver"
# No network in tests: the breached-password check is tested with its HTTP client replaced.
AUTH_PASSWORD_VALIDATORS = [
    {**validator, "OPTIONS": {"enabled": False}}
    if str(validator["NAME"]).endswith("BreachedPasswordValidator")
    else validator
    for validator in AUTH_PASSWORD_VALIDATORS_BASE
]
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from static/ (no collectstatic step on a local machine or in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run at once, in the process that queues them, so a test sees their effect.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
