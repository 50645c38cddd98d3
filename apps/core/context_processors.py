"""Values every page template needs: the service navigation for the signed-in user, and what the
idle time-out warning needs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from apps.core.sessions import session_time_left


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {"navigation_items": []}
    items = [
        ("Partnerships", reverse("plans:home")),
        ("My actions", reverse("plans:my-actions")),
        ("Change password", reverse("accounts:password-change")),
        ("Two-factor sign-in", reverse("accounts:two-factor")),
    ]
    return {
        "navigation_items": [
            {"text": text, "href": href, "current": request.path == href} for text, href in items
        ]
    }


def session_timeout(request: HttpRequest) -> dict[str, Any]:
    """What the idle time-out warning needs to know (templates/includes/session_timeout.html)."""
    if not request.user.is_authenticated:
        return {}
    return {
        "session_seconds_left": session_time_left(request),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
        "session_warning_minutes": settings.SESSION_WARNING_SECONDS // 60,
    }
