"""A manager or administrator of a partnership that requires two-factor sign-in, who has not
set it up, is sent to set it up and can open nothing else until it is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from apps.accounts.two_factor.middleware import redirect_with_next
from apps.accounts.two_factor.selectors import session_verified, two_factor_enabled
from apps.partnerships.selectors import two_factor_required

# Pages such a user may still open: setting it up, and signing out.
REQUIRED_EXEMPT = frozenset(
    {
        "accounts:two-factor-setup",
        "accounts:two-factor-recovery-codes",
        "accounts:two-factor-verify",
        "accounts:sign-in",
        "accounts:sign-out",
    }
)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        # With an app, TwoFactorVerifyMiddleware asks for its code; an identity provider's
        # sign-in brings the organisation's own second factor.
        if not user.is_authenticated or two_factor_enabled(user) or session_verified(request):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in REQUIRED_EXEMPT:
            return None
        if not two_factor_required(user):
            return None
        return redirect_with_next("accounts:two-factor-setup", request, required="yes")
