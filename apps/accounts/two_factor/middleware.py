"""After the password, a user with an authenticator app gives a code before any other page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from apps.accounts.two_factor.selectors import session_verified, two_factor_enabled

# Pages a signed-in user may open before giving their code.
VERIFY_EXEMPT = frozenset({"accounts:two-factor-verify", "accounts:sign-in", "accounts:sign-out"})


def redirect_with_next(view_name: str, request: HttpRequest, **extra: str) -> HttpResponse:
    """Send the user to `view_name`, to come back to the page they asked for (GET only)."""
    query = dict(extra)
    if request.method == "GET":
        query["next"] = request.get_full_path()
    url = reverse(view_name)
    return HttpResponseRedirect(f"{url}?{urlencode(query)}" if query else url)


class TwoFactorVerifyMiddleware:
    """Hold a signed-in session that has not given its code at the code page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or session_verified(request):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in VERIFY_EXEMPT:
            return None
        if not two_factor_enabled(user):
            return None
        return redirect_with_next("accounts:two-factor-verify", request)
