"""A plan's own pages: its actions, filtered from the query string, and its settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.plans.forms.plans import PlanSettingsForm
from apps.plans.models import Plan
from apps.plans.selectors import (
    PlanFilters,
    action_ids_user_may_update,
    action_is_overdue,
    plan_action_count,
    plan_actions_filtered,
    plan_filter_options,
    plan_status_summary,
    plan_structure,
    today,
)
from apps.plans.services import plan_change_settings
from apps.plans.views.pages import form_page


def plan_detail(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = object_get_or_403(
        Plan.objects.select_related("partnership"),
        user=request.user,
        permission="plans.view_plan",
        pk=plan_id,
    )
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


def plan_settings(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = object_get_or_403(
        Plan.objects.select_related("partnership", "predecessor"),
        user=request.user,
        permission="plans.manage_plan",
        pk=plan_id,
    )
    initial = {
        "title": plan.title,
        "period_label": plan.period_label,
        "status": plan.status,
        "predecessor": plan.predecessor_id,
    }
    form = PlanSettingsForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = plan_change_settings(
                plan=plan,
                user=request.user,
                title=form.cleaned_data["title"],
                period_label=form.cleaned_data["period_label"],
                status=form.cleaned_data["status"],
                predecessor=form.cleaned_data["predecessor"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            notes = ["Plan settings saved"]
            if result.archived is not None:
                notes.append(f"“{result.archived}” has been archived")
            if result.matching is not None:
                notes.append(
                    f"{result.matching.matched} actions matched to the earlier edition's: "
                    "check the matches"
                )
            messages.success(request, ". ".join(notes))
            return redirect("plans:plan", plan_id=plan.pk)
    return form_page(request, form, "Plan settings", None, button="Save settings", plan=plan)
