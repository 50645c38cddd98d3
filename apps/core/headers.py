"""Response headers every page gets: nothing a signed-in user saw, and no download, is kept
in a shared or browser cache; and the browser features SaferPlan never uses are switched off."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def _is_download(response: HttpResponse) -> bool:
    return response.get("Content-Disposition", "").startswith("attachment")


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user and on every download,
    so a shared computer's back button or cache does not show a plan to the next person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or _is_download(response):
            patch_cache_control(response, private=True, no_store=True)
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """The header's value: `camera=()` for a feature allowed nowhere, `x=(self)` and so on."""
    return ", ".join(
        f"{feature}=({' '.join(origins)})" for feature, origins in sorted(policy.items())
    )


class PermissionsPolicyMiddleware:
    """Sends PERMISSIONS_POLICY as the Permissions-Policy header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))
        if header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = header
        return response
