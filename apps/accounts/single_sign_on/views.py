"""Signing in with the organisation's account: the email page picks the provider, then
mozilla-django-oidc's views (told which provider) send the browser there and take it back."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.generic import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from apps.accounts.single_sign_on.backend import PENDING_PROVIDER_SESSION_KEY, REFUSAL_ATTRIBUTE
from apps.accounts.single_sign_on.forms import SingleSignOnForm
from apps.accounts.single_sign_on.selectors import provider_active, provider_origins
from apps.accounts.two_factor.selectors import SINGLE_SIGN_ON_SESSION_KEY

SIGN_IN_NOT_COMPLETED = (
    "Signing in with your organisation's account did not finish. Try again, or sign in with "
    "your username and password"
)
LOGIN_HINT_SESSION_KEY = "saferplan_single_sign_on_email"


def _page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """The email page. Browsers hold a form's submission, and the redirects after it, to the
    page's Content-Security-Policy form-action: the providers' sign-in pages are added to it
    (django-csp reads `_csp_update`; without django-csp it is ignored)."""
    response = render(request, "accounts/sign_in_organisation.html", context, status=status)
    response._csp_update = {"form-action": ["'self'", *provider_origins()]}  # type: ignore[attr-defined]
    return response


@require_http_methods(["GET", "POST"])
def single_sign_on(request: HttpRequest) -> HttpResponse:
    """Ask for the work email address; its domain chooses the identity provider."""
    form = SingleSignOnForm(request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid():
        assert form.provider is not None
        request.session[PENDING_PROVIDER_SESSION_KEY] = form.provider.pk
        request.session[LOGIN_HINT_SESSION_KEY] = form.cleaned_data["email"]
        url = reverse("accounts:single-sign-on-start")
        return HttpResponseRedirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
    return _page(request, {"form": form, "next": next_url})


class SingleSignOnStartView(OIDCAuthenticationRequestView):
    """Send the browser to the chosen provider's authorisation endpoint."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the provider comes from the session, not settings

    def get(self, request: HttpRequest) -> HttpResponse:
        provider = provider_active(request.session.get(PENDING_PROVIDER_SESSION_KEY))
        if provider is None:
            return redirect("accounts:single-sign-on")
        self.OIDC_OP_AUTH_ENDPOINT = provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        response: HttpResponse = super().get(request)
        return response

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        hint = request.session.get(LOGIN_HINT_SESSION_KEY)
        return {"login_hint": hint} if isinstance(hint, str) else {}


class SingleSignOnCallbackView(OIDCAuthenticationCallbackView):
    """Take the browser back from the provider: signed in, or told plainly why not."""

    def login_success(self) -> HttpResponse:
        provider_id = self.request.session.pop(PENDING_PROVIDER_SESSION_KEY, None)
        self.request.session.pop(LOGIN_HINT_SESSION_KEY, None)
        response: HttpResponse = super().login_success()
        # The organisation's provider asked for its own second factor (ADR 12).
        self.request.session[SINGLE_SIGN_ON_SESSION_KEY] = provider_id
        return response

    def login_failure(self) -> HttpResponse:
        message = getattr(self.request, REFUSAL_ATTRIBUTE, None) or SIGN_IN_NOT_COMPLETED
        self.request.session.pop(PENDING_PROVIDER_SESSION_KEY, None)
        context = {"form": SingleSignOnForm(), "refusal": message, "next": ""}
        return _page(self.request, context, status=403)
