"""Plan pages. Views parse the request, check permission, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

from apps.plans.filters import PlanFilters, plan_actions_filtered
from apps.plans.forms import UpdateForm
from apps.plans.models import Action, Plan
from apps.plans.selectors import (
    action_detail,
    action_history,
    action_ids_user_may_update,
    action_is_overdue,
    action_list_for_user,
    partnership_list_with_plans,
    plan_action_count,
    plan_filter_options,
    plan_status_summary,
    plan_structure,
    today,
)
from apps.plans.services import action_add_update


@login_required
def home(request: HttpRequest) -> HttpResponse:
    # Listing only the user's own memberships is the permission check for this page.
    partnerships = partnership_list_with_plans(user=request.user)
    return render(request, "plans/home.html", {"partnerships": partnerships})


def _load_action(action_id: int) -> Action:
    return get_object_or_404(action_detail(), pk=action_id)


def _safe_next(request: HttpRequest) -> str:
    """Where to go after a form, if the request names a page on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else ""


def my_actions(request: HttpRequest) -> HttpResponse:
    # Only the signed-in person's own actions are listed, so being signed in is the permission.
    actions = action_list_for_user(user=request.user)
    now = today()
    context = {
        "actions": actions,
        "overdue_ids": {a.pk for a in actions if action_is_overdue(a, on=now)},
        # Every action listed is led by the user, and leading is what lets a lead update.
        "updatable_ids": {a.pk for a in actions if request.user.has_perm("plans.add_update", a)},
        "next": reverse("plans:my-actions"),
    }
    return render(request, "plans/my_actions.html", context)


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
        "summary": plan_status_summary(plan=plan),
        "shown": len(actions),
        "total": plan_action_count(plan=plan, include_retired=filters.retired),
        "overdue_ids": {a.pk for a in actions if action_is_overdue(a, on=now)},
        "updatable_ids": action_ids_user_may_update(user=request.user, plan=plan, actions=actions),
        "can_manage": request.user.has_perm("plans.manage_plan", plan),
    }
    # The filter form asks htmx for the results alone; without JavaScript the whole page loads.
    partial = request.headers.get("HX-Request") == "true"
    template = "plans/_plan_results.html" if partial else "plans/plan.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


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


def add_update(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _load_action(action_id)
    if not request.user.has_perm("plans.add_update", action):
        raise PermissionDenied
    plan = action.objective.theme.plan
    next_url = _safe_next(request)
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
                    internal=form.cleaned_data["internal"],
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"Update added to action {action.number}")
                return redirect(next_url or reverse("plans:action", args=[action.pk]))
    else:
        form = UpdateForm(
            plan=plan,
            initial={"status": action.status, "rating": str(action.rating_id or "")},
        )
    context = {
        "action": action,
        "plan": plan,
        "form": form,
        "latest": action.updates.select_related("author", "rating").first(),
        "next": next_url,
    }
    return render(request, "plans/add_update.html", context)
