"""The partnership's members: their roles, the administrator duty, and ending a membership."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships import services
from apps.partnerships.forms import RoleForm
from apps.partnerships.models import Membership
from apps.partnerships.selectors import membership_ended_list, membership_list
from apps.partnerships.views.shared import (
    ADMINISTER,
    confirm_page,
    form_page,
    partnership_for_administrator,
)


def _membership(request: AuthenticatedHttpRequest, membership_id: int) -> Membership:
    return object_get_or_403(
        Membership.objects.select_related("partnership", "user"),
        user=request.user,
        permission=ADMINISTER,
        pk=membership_id,
    )


def _back(membership: Membership) -> dict[str, str]:
    return {
        "back": reverse("partnerships:member-list", args=[membership.partnership_id]),
        "back_text": "Back to members",
    }


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


def member_list(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    context = {
        "partnership": partnership,
        "members": membership_list(partnership=partnership),
        "ended": membership_ended_list(partnership=partnership),
    }
    return render(request, "partnerships/members.html", context)


def member_role(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    membership = _membership(request, membership_id)
    username = membership.user.get_username()
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_role_set(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{username} is now {membership.get_role_display()}")
            return redirect("partnerships:member-list", partnership_id=membership.partnership_id)
    return form_page(
        request,
        form=form,
        title=f"Change {username}’s role",
        partnership=membership.partnership,
        button="Save role",
        **_back(membership),
    )


def member_administrator(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    """Give or take away the administrator duty, after asking."""
    membership = _membership(request, membership_id)
    username = membership.user.get_username()
    giving = not membership.is_administrator
    error = ""
    if request.method == "POST":
        try:
            services.membership_administrator_set(
                membership=membership, is_administrator=giving, by=request.user
            )
        except ValidationError as refused:
            error = _message(refused)
        else:
            done = "is now an administrator" if giving else "is no longer an administrator"
            messages.success(request, f"{username} {done}")
            return redirect("partnerships:member-list", partnership_id=membership.partnership_id)
    if giving:
        title = f"Make {username} an administrator?"
        lines = [
            "Administrators add and change the partnership’s organisations, people and members.",
        ]
        button = "Make administrator"
    else:
        title = f"Stop {username} being an administrator?"
        lines = [
            "They keep their role, but can no longer change organisations, people and members."
        ]
        button = "Stop being administrator"
    return confirm_page(
        request,
        title=title,
        partnership=membership.partnership,
        lines=lines,
        button=button,
        warning=not giving,
        error=error,
        **_back(membership),
    )


def member_end(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    """End a membership, after asking; the history keeps it."""
    membership = _membership(request, membership_id)
    username = membership.user.get_username()
    error = ""
    if request.method == "POST":
        partnership_id = membership.partnership_id
        try:
            services.membership_end(membership=membership, by=request.user)
        except ValidationError as refused:
            error = _message(refused)
        else:
            messages.success(request, f"{username} is no longer a member")
            return redirect("partnerships:member-list", partnership_id=partnership_id)
    return confirm_page(
        request,
        title=f"End {username}’s membership?",
        partnership=membership.partnership,
        lines=[
            f"{username} will no longer see {membership.partnership}.",
            "The actions their person leads and the updates they wrote stay. Nobody signs in "
            "as that person until you link a user to them again.",
        ],
        button="End membership",
        warning=True,
        error=error,
        **_back(membership),
    )
