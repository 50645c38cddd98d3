"""Accounts' own rows: the security log (who signed in, out, failed to, or was locked out, from
where) and the identity providers that sign in people of an email domain (single sign-on with
OpenID Connect, ADR 12). Users are django.contrib.auth's; authenticator apps and recovery
codes are django-otp's."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history import register
from simple_history.models import HistoricalRecords

USER_AGENT_MAX_LENGTH = 255


class SecurityEvent(models.Model):
    """One sign-in, sign-out, failed sign-in, lock-out or change to two-factor sign-in, as an
    information-governance officer would ask about it. Kept when the user is deleted (the
    username tried stays)."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGNED_OUT = "signed_out", "Signed out"
        SIGN_IN_FAILED = "sign_in_failed", "Wrong username or password"
        LOCKED_OUT = "locked_out", "Locked out after too many wrong passwords"
        TWO_FACTOR_ON = "two_factor_on", "Turned on two-factor sign-in"
        TWO_FACTOR_OFF = "two_factor_off", "Turned off two-factor sign-in"
        TWO_FACTOR_FAILED = "two_factor_failed", "Wrong two-factor code"
        RECOVERY_CODE_USED = "recovery_code_used", "Signed in with a recovery code"
        RECOVERY_CODES_NEW = "recovery_codes_new", "Made new recovery codes"

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    username = models.CharField(max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="security_events",
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=USER_AGENT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["user", "-occurred_at"], name="security_event_user_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.username} at {self.occurred_at:%Y-%m-%d %H:%M}"


# A provider names the environment variable holding its client secret, never the secret
# itself; the prefix keeps a row from naming SECRET_KEY or DATABASE_URL instead.
CLIENT_SECRET_VARIABLE_PREFIX = "OIDC_CLIENT_SECRET_"
CLIENT_SECRET_VARIABLE_INVALID = (
    "Enter the name of an environment variable starting OIDC_CLIENT_SECRET_, in capital "
    "letters, digits and underscores, for example OIDC_CLIENT_SECRET_NOTTS_POLICE"
)
DOMAIN_INVALID = "Enter an email domain, for example notts.police.uk"
_VARIABLE = re.compile(rf"^{CLIENT_SECRET_VARIABLE_PREFIX}[A-Z0-9_]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def client_secret_variable_validate(value: str) -> None:
    if not _VARIABLE.fullmatch(value):
        raise ValidationError(CLIENT_SECRET_VARIABLE_INVALID)


def domain_validate(value: str) -> None:
    if not _DOMAIN.fullmatch(value):
        raise ValidationError(DOMAIN_INVALID)


class IdentityProvider(models.Model):
    """An organisation's OpenID Connect provider (Microsoft Entra ID or any other), with the
    endpoints its discovery document gave when it was added."""

    class SigningAlgorithm(models.TextChoices):
        RS256 = "RS256", "RS256"
        ES256 = "ES256", "ES256"

    name = models.CharField(max_length=200, unique=True)
    issuer = models.URLField(max_length=500)
    authorization_endpoint = models.URLField(max_length=500)
    token_endpoint = models.URLField(max_length=500)
    userinfo_endpoint = models.URLField(max_length=500)
    jwks_uri = models.URLField(max_length=500)
    client_id = models.CharField(max_length=255)
    client_secret_variable = models.CharField(
        max_length=100, validators=[client_secret_variable_validate]
    )
    signing_algorithm = models.CharField(
        max_length=10, choices=SigningAlgorithm.choices, default=SigningAlgorithm.RS256
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IdentityProviderDomain(models.Model):
    """An email domain whose people sign in through the provider (one provider per domain)."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(max_length=253, unique=True, validators=[domain_validate])
    history = HistoricalRecords()

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


# History of the users who sign in: who changed a user's name, email, or active and staff flags.
# The password hash never goes into history (a copy of every old hash is a gift to an attacker),
# nor the time of each sign-in, which the security log records.
register(User, app="apps.accounts", excluded_fields=["password", "last_login"])
