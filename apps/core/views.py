"""The partnership home page and the error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.plans.selectors import partnership_list_with_plans


@login_required
def home(request: HttpRequest) -> HttpResponse:
    # Listing only the user's own memberships is the permission check for this page.
    partnerships = partnership_list_with_plans(user=request.user)
    return render(request, "core/home.html", {"partnerships": partnerships})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
