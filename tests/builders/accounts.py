"""Two-factor sign-in for tests: turn it on through the services, and compute the codes an
authenticator app would show, from the device's key or from the secret the page prints."""

from __future__ import annotations

from base64 import b32decode
from dataclasses import dataclass

from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.two_factor.services import two_factor_setup_confirm, two_factor_setup_start


def totp_code(key: bytes, *, steps_ahead: int = 0) -> str:
    """The 6-digit code an authenticator app shows now (or `steps_ahead` 30-second steps on:
    a device refuses a code of a step it has already accepted)."""
    return f"{totp(key, drift=steps_ahead):06d}"


def code_from_secret(secret: str, *, steps_ahead: int = 0) -> str:
    """The code for the base32 secret the set-up page prints for typing (spaces allowed)."""
    text = secret.replace(" ", "").upper()
    return totp_code(b32decode(text + "=" * (-len(text) % 8)), steps_ahead=steps_ahead)


@dataclass
class TwoFactor:
    device: TOTPDevice
    recovery_codes: list[str]

    def code(self, *, steps_ahead: int = 1) -> str:
        """A code the device has not seen yet (setting it up used up the current step's)."""
        return totp_code(self.device.bin_key, steps_ahead=steps_ahead)


def two_factor_on(user: User) -> TwoFactor:
    """Turn on two-factor sign-in for the user, as the set-up page does."""
    device = two_factor_setup_start(user=user)
    codes = two_factor_setup_confirm(user=user, code=totp_code(device.bin_key))
    device.refresh_from_db()
    return TwoFactor(device=device, recovery_codes=codes)
