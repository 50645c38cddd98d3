"""Settings for `make run` on a developer's or officer's own machine."""

from __future__ import annotations

from config.env import ENV
from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES

DEBUG = ENV.DEBUG if ENV.SECRET_KEY else True
# A fixed key is acceptable only for a local single-user server; production refuses one.
SECRET_KEY = ENV.SECRET_KEY or "local-only-insecure-key-do-not-use-in-production"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# `make run` prints every email (invitations, password resets) to the terminal unless .env
# chooses SMTP or GOV.UK Notify.
EMAIL_BACKEND = ENV.EMAIL_BACKEND

# Serve static files straight from static/ (no collectstatic step on a local machine or in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
