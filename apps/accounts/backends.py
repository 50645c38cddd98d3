"""The sign-in throttle: django-axes refuses a locked-out account or address before any
password is checked."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class SignInThrottleBackend(AxesStandaloneBackend):
    """Throttle every sign-in that arrives over the web; ignore checks made without a request.

    A password checked from the command line or by code (the test client's `login`) cannot be
    attacked from outside, and django-axes would otherwise refuse it outright.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
