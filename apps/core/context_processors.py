"""Values every page template needs: the service navigation for the signed-in user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {"navigation_items": []}
    items = [
        ("Partnerships", reverse("plans:home")),
        ("My actions", reverse("plans:my-actions")),
        ("Two-factor sign-in", reverse("accounts:two-factor")),
    ]
    return {
        "navigation_items": [
            {"text": text, "href": href, "current": request.path == href} for text, href in items
        ]
    }
