"""The provider's settings, made for one run: its own throwaway SQLite database and address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def provider_settings(*, database: Path, site_url: str) -> dict[str, Any]:
    return {
        "DEBUG": False,
        "SECRET_KEY": "oidc-provider-test-only",
        "ALLOWED_HOSTS": ["127.0.0.1"],
        "ROOT_URLCONF": "tests.oidc_provider_site.urls",
        "INSTALLED_APPS": [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "oidc_provider",
        ],
        "MIDDLEWARE": [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [HERE / "templates"],
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                    ]
                },
            }
        ],
        "DATABASES": {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": database}},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "USE_TZ": True,
        "LOGIN_URL": "/login/",
        # Its own cookie names, so the provider's session never overwrites SaferPlan's even
        # when both answer on the same host name.
        "SESSION_COOKIE_NAME": "provider_sessionid",
        "CSRF_COOKIE_NAME": "provider_csrftoken",
        "SITE_URL": site_url,
        "OIDC_USERINFO": "tests.oidc_provider_site.userinfo.userinfo",
        "OIDC_IDTOKEN_INCLUDE_CLAIMS": True,
    }
