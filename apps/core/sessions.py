"""Session limits: a signed-in session ends after a spell without requests (SESSION_IDLE_SECONDS)
and after SESSION_MAX_SECONDS whatever the activity, as a council's IT policy asks."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

SIGNED_IN_AT = "saferplan_signed_in_at"
LAST_ACTIVITY = "saferplan_last_activity"
SIGNED_OUT_REASON = "saferplan_signed_out_reason"

SIGNED_OUT_IDLE = "You were signed out after {minutes} minutes without activity"
SIGNED_OUT_TOO_LONG = "You were signed out because you had been signed in for {hours} hours"

# Writing the session on every request would cost a database write per page; a minute's
# slack on a thirty-minute clock does not matter.
ACTIVITY_RESOLUTION_SECONDS = 60


def _now() -> int:
    return int(time.time())


@receiver(user_logged_in, dispatch_uid="session_clock_start")
def _start_clock(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_ACTIVITY] = now


def _expiry_reason(session: Any, now: int) -> str:
    signed_in_at = session.get(SIGNED_IN_AT, now)
    last_activity = session.get(LAST_ACTIVITY, now)
    if now - signed_in_at >= settings.SESSION_MAX_SECONDS:
        return SIGNED_OUT_TOO_LONG.format(hours=settings.SESSION_MAX_SECONDS // 3600)
    if now - last_activity >= settings.SESSION_IDLE_SECONDS:
        return SIGNED_OUT_IDLE.format(minutes=settings.SESSION_IDLE_SECONDS // 60)
    return ""


def session_time_left(request: HttpRequest) -> int:
    """Seconds until this session ends, by whichever limit comes first."""
    now = _now()
    session = request.session
    idle_end = session.get(LAST_ACTIVITY, now) + settings.SESSION_IDLE_SECONDS
    hard_end = session.get(SIGNED_IN_AT, now) + settings.SESSION_MAX_SECONDS
    return max(0, min(idle_end, hard_end) - now)


class SessionTimeoutMiddleware:
    """Signs out a session that has been idle or open too long, and sends the visitor to sign
    in again with the reason; otherwise notes the activity."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = _now()
            session = request.session
            reason = _expiry_reason(session, now)
            if reason:
                logout(request)
                request.session[SIGNED_OUT_REASON] = reason
                return redirect_to_login(request.get_full_path())
            session.setdefault(SIGNED_IN_AT, now)
            if now - session.get(LAST_ACTIVITY, 0) >= ACTIVITY_RESOLUTION_SECONDS:
                session[LAST_ACTIVITY] = now
        return self.get_response(request)
