"""Pages for two-factor sign-in: set it up, see recovery codes, give a code when signing in,
turn it off."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from apps.accounts.models import SecurityEvent
from apps.accounts.services import security_event_record
from apps.accounts.two_factor import services
from apps.accounts.two_factor.forms import CodeForm, CodeOrRecoveryForm
from apps.accounts.two_factor.qr import qr_svg
from apps.accounts.two_factor.selectors import (
    recovery_codes_left,
    secret_for_typing,
    two_factor_enabled,
)

# The recovery codes just made, kept in the session only until the next page shows them.
NEW_CODES_SESSION_KEY = "saferplan_new_recovery_codes"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the login wall lets no anonymous visitor this far
    return user


def _record(request: HttpRequest, kind: str) -> None:
    """Note a change to the user's two-factor sign-in, or a code refused, in the security log
    their partnership's administrators read."""
    security_event_record(kind=kind, request=request, user=_user(request))


def _next_url(request: HttpRequest) -> str | None:
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def two_factor_overview(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "enabled": two_factor_enabled(user),
        "codes_left": recovery_codes_left(user),
    }
    return render(request, "accounts/two_factor.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if two_factor_enabled(user):
        return redirect("accounts:two-factor")
    device = services.two_factor_setup_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.two_factor_setup_confirm(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_service_error(error)
        else:
            _record(request, SecurityEvent.Kind.TWO_FACTOR_ON)
            device.refresh_from_db()
            otp_login(request, device)  # the code just given completes this session's sign-in
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect("accounts:two-factor-recovery-codes")
    context = {
        "form": form,
        "qr_code": qr_svg(device.config_url, title="QR code for your authenticator app"),
        "secret": secret_for_typing(device),
        "required": request.GET.get("required") == "yes",
    }
    return render(request, "accounts/two_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not two_factor_enabled(user):
        return redirect("accounts:two-factor")
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = services.recovery_codes_regenerate(user=user)
        _record(request, SecurityEvent.Kind.RECOVERY_CODES_NEW)
        return redirect("accounts:two-factor-recovery-codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    context = {"codes": codes, "codes_left": recovery_codes_left(user)}
    return render(request, "accounts/two_factor_recovery_codes.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    next_url = _next_url(request)
    if not two_factor_enabled(user):
        return redirect(next_url or "plans:home")
    form = CodeOrRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.two_factor_check(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            _record(request, SecurityEvent.Kind.TWO_FACTOR_FAILED)
            form.add_service_error(error)
        else:
            if isinstance(device, StaticDevice):
                _record(request, SecurityEvent.Kind.RECOVERY_CODE_USED)
            request.session.cycle_key()
            otp_login(request, device)
            return redirect(next_url or "plans:home")
    context = {"form": form, "next": next_url or ""}
    return render(request, "accounts/two_factor_verify.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not two_factor_enabled(user):
        return redirect("accounts:two-factor")
    form = CodeOrRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.two_factor_disable(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            _record(request, SecurityEvent.Kind.TWO_FACTOR_FAILED)
            form.add_service_error(error)
        else:
            _record(request, SecurityEvent.Kind.TWO_FACTOR_OFF)
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            messages.success(request, "Two-factor sign-in is off")
            return redirect("accounts:two-factor")
    return render(request, "accounts/two_factor_disable.html", {"form": form})
