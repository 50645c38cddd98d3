"""The security log: who signed in, out, failed to, or was locked out, from where."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

USER_AGENT_MAX_LENGTH = 255


class SecurityEvent(models.Model):
    """One sign-in, sign-out, failed sign-in or lock-out, as an information-governance officer
    would ask about it. Kept when the user is deleted (the username tried stays)."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGNED_OUT = "signed_out", "Signed out"
        SIGN_IN_FAILED = "sign_in_failed", "Wrong username or password"
        LOCKED_OUT = "locked_out", "Locked out after too many wrong passwords"

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
