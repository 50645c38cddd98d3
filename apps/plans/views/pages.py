"""The one page every manager's form is shown on."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.plans.models import Action


def form_page(
    request: HttpRequest, form: forms.Form, title: str, action: Action | None, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "plans/manage_form.html",
        {"form": form, "title": title, "action": action, **extra},
    )
