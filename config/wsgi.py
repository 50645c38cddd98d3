"""WSGI entry point for a shared server (production settings by default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")  # noqa: TID251

application = get_wsgi_application()
