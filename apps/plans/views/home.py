"""The signed-in user's own pages: their partnerships and plans, and the actions they lead."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.partnerships.models import Membership
from apps.partnerships.selectors import administers, roles_for
from apps.plans.selectors import (
    action_is_overdue,
    action_list_for_user,
    agency_actions_for_user,
    partnership_list_with_plans,
    today,
)


def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Listing only the user's own memberships is the permission check for this page.
    partnerships = partnership_list_with_plans(user=request.user)
    # Administrators get a link to the partnership's people and agencies (cached roles: no query).
    administered = {
        entry.partnership.pk
        for entry in partnerships
        if administers(request.user, entry.partnership.pk)
    }
    context = {"partnerships": partnerships, "administered": administered}
    return render(request, "plans/home.html", context)


def my_actions(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Only the signed-in person's own actions are listed, so being signed in is the permission.
    actions = action_list_for_user(user=request.user)
    now = today()
    context = {
        "actions": actions,
        "overdue_ids": {a.pk for a in actions if action_is_overdue(a, on=now)},
        # Every action listed is led by the user, and leading is what lets a lead update.
        "updatable_ids": {a.pk for a in actions if request.user.has_perm("plans.add_update", a)},
        "next": reverse("plans:my-actions"),
        "coordinates": Membership.Role.COORDINATOR in roles_for(request.user).values(),
    }
    return render(request, "plans/my_actions.html", context)


def agency_actions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Your agency's actions, for an agency coordinator. Only the organisations the user
    coordinates for are listed, so being signed in is the permission (others see none)."""
    agencies = agency_actions_for_user(user=request.user)
    now = today()
    context = {
        "agencies": agencies,
        "overdue_ids": {a.pk for g in agencies for a in g.actions if action_is_overdue(a, on=now)},
        "next": reverse("plans:agency-actions"),
    }
    return render(request, "plans/agency_actions.html", context)
