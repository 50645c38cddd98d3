"""Importer pages: plan documents (documents.py) and plan workbooks (workbooks.py)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


# apps.core.http.AuthenticatedHttpRequest once the plans branch (wt-plans) is merged.
class AuthenticatedHttpRequest(HttpRequest):
    """A request from a signed-in user: every page but sign-in is behind LoginRequiredMiddleware,
    so views hand ``request.user`` to services as a User. A type, not a check."""

    user: User
