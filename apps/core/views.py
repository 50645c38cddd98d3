"""The error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.core.permissions import Refused


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Only a reason written for people (Refused) is shown; other refusals stay generic.
    reason = exception.reason if isinstance(exception, Refused) else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
