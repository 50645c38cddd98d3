"""Plan pages. Views parse the request, check permission, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from apps.partnerships.models import Membership
from apps.partnerships.roles import role_in
from apps.plans.filters import PlanFilters, plan_actions_filtered
from apps.plans.forms import UpdateForm
from apps.plans.models import Action, Plan
from apps.plans.selectors import (
    action_detail,
    action_history,
    action_is_overdue,
    action_list_for_user,
    plan_filter_options,
    plan_live_action_count,
    plan_structure,
    today,
)
from apps.plans.services import action_add_update


def _load_action(action_id: int) -> Action:
    return get_object_or_404(action_detail(), pk=action_id)


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    # Only the signed-in person's own actions are listed, so membership is the permission.
    actions = action_list_for_user(user=request.user)
    now = today()
    rows = [(action, action_is_overdue(action, on=now)) for action in actions]
    return render(request, "plans/my_actions.html", {"actions": actions, "rows": rows})


def _updatable_ids(user: Any, plan: Plan, actions: list[Action]) -> set[int]:
    """Which of these actions the user may update, from data already loaded (no queries)."""
    role = role_in(user, plan.partnership_id)
    if role == Membership.Role.MANAGER:
        return {a.pk for a in actions}
    person = getattr(user, "person", None)
    if role != Membership.Role.LEAD or person is None:
        return set()
    return {a.pk for a in actions if any(p.pk == person.pk for p in a.lead_people.all())}


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("partnership"), pk=plan_id)
    if not request.user.has_perm("plans.view_plan", plan):
        raise PermissionDenied
    filters = PlanFilters.from_query(request.GET)
    actions = list(plan_actions_filtered(plan=plan, filters=filters))
    now = today()
    context = {
        "plan": plan,
        "filters": filters,
        "themes": plan_structure(plan=plan, actions=actions, keep_empty=not filters.active),
        "options": plan_filter_options(plan=plan),
        "shown": len(actions),
        "total": plan_live_action_count(plan=plan),
        "overdue_ids": {a.pk for a in actions if action_is_overdue(a, on=now)},
        "updatable_ids": _updatable_ids(request.user, plan, actions),
        "can_manage": request.user.has_perm("plans.manage_plan", plan),
    }
    return render(request, "plans/plan.html", context)


@login_required
def action_view(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _load_action(action_id)
    if not request.user.has_perm("plans.view_action", action):
        raise PermissionDenied
    context = {
        "action": action,
        "plan": action.objective.theme.plan,
        "overdue": action_is_overdue(action),
        "updates": list(action.updates.select_related("author", "rating")),
        "history": action_history(action=action),
        "can_update": request.user.has_perm("plans.add_update", action),
        "can_manage": request.user.has_perm("plans.change_action", action),
    }
    return render(request, "plans/action.html", context)


@login_required
def add_update(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _load_action(action_id)
    if not request.user.has_perm("plans.add_update", action):
        raise PermissionDenied
    plan = action.objective.theme.plan
    if request.method == "POST":
        form = UpdateForm(request.POST, plan=plan)
        if form.is_valid():
            try:
                action_add_update(
                    action=action,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    status=form.cleaned_data["status"],
                    rating=form.cleaned_data["rating"],
                    period_label=form.cleaned_data["period_label"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, f"Update added to action {action.number}")
                return redirect("plans:action", action_id=action.pk)
    else:
        form = UpdateForm(
            plan=plan,
            initial={"status": action.status, "rating": str(action.rating_id or "")},
        )
    return render(request, "plans/add_update.html", {"action": action, "plan": plan, "form": form})
