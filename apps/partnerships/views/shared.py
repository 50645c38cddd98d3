"""What every administrator's page shares: loading the partnership (404, then 403 unless the
user administers it), the form and confirmation pages, and the overview page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership

ADMINISTER = "partnerships.administer_partnership"


def partnership_for_administrator(
    request: AuthenticatedHttpRequest, partnership_id: int
) -> Partnership:
    return object_get_or_403(
        Partnership, user=request.user, permission=ADMINISTER, pk=partnership_id
    )


def form_page(
    request: AuthenticatedHttpRequest,
    *,
    form: forms.Form,
    title: str,
    partnership: Partnership,
    back: str,
    back_text: str,
    button: str,
    **extra: Any,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "partnership": partnership,
        "back": back,
        "back_text": back_text,
        "button": button,
        **extra,
    }
    return render(request, "partnerships/form.html", context)


def confirm_page(
    request: AuthenticatedHttpRequest,
    *,
    title: str,
    partnership: Partnership,
    lines: list[str],
    back: str,
    back_text: str,
    button: str,
    warning: bool = False,
    error: str = "",
) -> HttpResponse:
    """A question with one button (deactivate, end a membership): no JavaScript needed."""
    context = {
        "title": title,
        "partnership": partnership,
        "lines": lines,
        "back": back,
        "back_text": back_text,
        "button": button,
        "warning": warning,
        "error": error,
    }
    return render(request, "partnerships/confirm.html", context, status=400 if error else 200)


def people_and_agencies(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    context = {
        "partnership": partnership,
        "organisations": partnership.organisations.filter(active=True).count(),
        "people": partnership.people.filter(active=True).count(),
        "members": partnership.memberships.count(),
    }
    return render(request, "partnerships/index.html", context)
