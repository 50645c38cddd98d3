"""Settings for a shared server behind TLS. Everything secret comes from the environment."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from config.env import ENV
from config.settings.base import *  # noqa: F403

if not ENV.SECRET_KEY or len(ENV.SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")

if ENV.EMAIL_BACKEND.endswith("NotifyEmailBackend") and not (
    ENV.NOTIFY_API_KEY and ENV.NOTIFY_TEMPLATE_ID
):
    raise ImproperlyConfigured("Set NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID to send through Notify.")

DEBUG = False
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = ENV.SECURE_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if ENV.BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


# --- Sign-in hardening (issue 11 §3) --------------------------------------------------------
# Content-Security-Policy (the policy is in base.py) on every response.
MIDDLEWARE = [*MIDDLEWARE, "csp.middleware.CSPMiddleware"]  # noqa: F405
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
DEMO_DEFAULT_PASSWORD_REFUSED = True
if ENV.BEHIND_PROXY:
    # The address django-axes counts failures for is the client's, as the proxy reports it.
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
