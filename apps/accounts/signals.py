"""Feeds the security log from Django's sign-in signals and django-axes' lock-out signal."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from apps.accounts.models import SecurityEvent
from apps.accounts.services import security_event_record


@receiver(user_logged_in, dispatch_uid="security_log_signed_in")
def _signed_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    security_event_record(kind=SecurityEvent.Kind.SIGNED_IN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="security_log_signed_out")
def _signed_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is not None:  # signing out when not signed in is nothing to record
        security_event_record(kind=SecurityEvent.Kind.SIGNED_OUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security_log_sign_in_failed")
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    security_event_record(
        kind=SecurityEvent.Kind.SIGN_IN_FAILED,
        request=request,
        username=str(credentials.get("username") or ""),
    )


@receiver(user_locked_out, dispatch_uid="security_log_locked_out")
def _locked_out(sender: Any, request: HttpRequest, username: str | None, **kwargs: Any) -> None:
    security_event_record(
        kind=SecurityEvent.Kind.LOCKED_OUT, request=request, username=username or ""
    )
