"""The request a view receives once LoginRequiredMiddleware has let it through."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """A request from a signed-in user, so views can hand `request.user` to a service as a User.

    Every page but sign-in is behind LoginRequiredMiddleware, so this is a type, not a check.
    """

    user: User
