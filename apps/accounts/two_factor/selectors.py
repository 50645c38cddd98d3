"""Reads about two-factor sign-in: whether a user has it on, and the device being set up."""

from __future__ import annotations

from base64 import b32encode

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

# A session signed in through the organisation's identity provider, which asks for its own
# second factor; SaferPlan does not ask for another (ADR 12).
SINGLE_SIGN_ON_SESSION_KEY = "saferplan_single_sign_on_provider"


_ENABLED_ATTRIBUTE = "_saferplan_two_factor"


def two_factor_enabled(user: User | AnonymousUser) -> bool:
    """Whether the user confirmed an authenticator app, so signing in asks for a code (looked
    up once per request and kept on the user)."""
    if not user.is_authenticated:
        return False
    cached: bool | None = getattr(user, _ENABLED_ATTRIBUTE, None)
    if cached is None:
        cached = TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
        setattr(user, _ENABLED_ATTRIBUTE, cached)
    return cached


def session_verified(request: HttpRequest) -> bool:
    """Whether this session's sign-in is complete: a code was given (django-otp's
    OTPMiddleware keeps the device) or the organisation's identity provider signed it in."""
    is_verified = getattr(request.user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    return bool(request.session.get(SINGLE_SIGN_ON_SESSION_KEY))


def two_factor_pending_device(user: User) -> TOTPDevice | None:
    """The authenticator app the user started to set up and has not confirmed with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()


def recovery_codes_left(user: User) -> int:
    """How many unused recovery codes the user has."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return 0 if device is None else device.token_set.count()


def secret_for_typing(device: TOTPDevice) -> str:
    """The device's secret in base32 (what authenticator apps ask for), in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
