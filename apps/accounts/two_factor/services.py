"""Writes for two-factor sign-in: set up an authenticator app, confirm it with a code, issue
single-use recovery codes, check a code at sign-in, and turn it all off."""

from __future__ import annotations

import math
import re

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.two_factor.selectors import two_factor_pending_device

RECOVERY_CODE_COUNT = 10
CODE_MISSING = "Enter the 6-digit code from your authenticator app"
CODE_INCORRECT = "The code is not correct: enter the 6-digit code your authenticator app shows now"
CODE_OR_RECOVERY_MISSING = "Enter the 6-digit code from your authenticator app, or a recovery code"
CODE_OR_RECOVERY_INCORRECT = (
    "The code is not correct: enter the 6-digit code your authenticator app shows now, "
    "or one of your recovery codes"
)
TOO_MANY_TRIES = (
    "You have entered a wrong code {count} {times}. Wait {seconds} {second_word}, then enter "
    "the code your authenticator app shows"
)
ALREADY_ON = "Two-factor sign-in is already on for your account"
NOT_ON = "Two-factor sign-in is not on for your account"

_SIX_DIGITS = re.compile(r"^\d{6}$")
_DEVICE_NAME = "Authenticator app"


def _code_clean(code: str) -> str:
    """What people type, as the device compares it: spaces and hyphens dropped, lower case."""
    return re.sub(r"[\s-]", "", code).lower()


def _throttled(device: Device) -> str | None:
    """Why the device refuses a try for now (each wrong code doubles the wait), or None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    details = details or {}
    count = int(details.get("failure_count", 1))
    locked_until = details.get("locked_until")
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return TOO_MANY_TRIES.format(
        count=count,
        times="time" if count == 1 else "times",
        seconds=seconds,
        second_word="second" if seconds == 1 else "seconds",
    )


@transaction.atomic
def two_factor_setup_start(*, user: User) -> TOTPDevice:
    """The authenticator app the user is setting up: the one started earlier if there is one
    (so reloading the page keeps the same QR code), else a new one with a fresh secret."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValidationError(ALREADY_ON)
    device = two_factor_pending_device(user)
    if device is None:
        device = TOTPDevice(user=user, name=_DEVICE_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


def two_factor_setup_confirm(*, user: User, code: str) -> list[str]:
    """Turn two-factor sign-in on once the user proves their app shows the right codes; returns
    the new recovery codes, to be shown once."""
    device = two_factor_pending_device(user)
    if device is None:
        raise ValidationError(ALREADY_ON)
    code = _code_clean(code)
    if not code:
        raise ValidationError({"code": CODE_MISSING})
    refusal = _throttled(device)
    if refusal:
        raise ValidationError({"code": refusal})
    # A wrong code counts towards the device's throttle, so it is not rolled back.
    if not _SIX_DIGITS.fullmatch(code) or not device.verify_token(code):
        raise ValidationError({"code": CODE_INCORRECT})
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return recovery_codes_regenerate(user=user)


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Ten new single-use recovery codes, replacing any the user had. Only their use is stored
    in a form that can be checked, so they are returned for showing once."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValidationError(NOT_ON)
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_check(*, user: User, code: str) -> Device:
    """The device that accepts this code: the authenticator app for six digits, otherwise a
    recovery code, which is used up. Refused with a message naming what to enter."""
    code = _code_clean(code)
    if not code:
        raise ValidationError({"code": CODE_OR_RECOVERY_MISSING})
    devices: list[Device]
    if _SIX_DIGITS.fullmatch(code):
        devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    else:
        devices = list(StaticDevice.objects.filter(user=user, confirmed=True))
    # Each try is its own transaction: a wrong code's count towards the throttle must stay
    # when the refusal is raised.
    for device in devices:
        with transaction.atomic():
            device = type(device).objects.select_for_update().get(pk=device.pk)
            refusal = _throttled(device)
            accepted = refusal is None and device.verify_token(code)
        if refusal:
            raise ValidationError({"code": refusal})
        if accepted:
            return device
    raise ValidationError({"code": CODE_OR_RECOVERY_INCORRECT})


def two_factor_disable(*, user: User, code: str) -> None:
    """Turn two-factor sign-in off, once the user gives a current code or a recovery code."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValidationError(NOT_ON)
    two_factor_check(user=user, code=code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
