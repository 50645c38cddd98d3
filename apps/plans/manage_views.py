"""Manager-only pages that change the plan itself. Each checks `plans.change_action` or
`plans.manage_plan`, then hands the form's data to a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from apps.plans import services
from apps.plans.manage_forms import (
    ActionForm,
    MoveForm,
    PlanSettingsForm,
    RetireForm,
    by_when_warning,
)
from apps.plans.models import Action, Objective, Plan
from apps.plans.services.plans import plan_change_settings


def _action_for_manager(request: HttpRequest, action_id: int) -> Action:
    action = get_object_or_404(
        Action.objects.select_related("objective__theme__plan__partnership", "rating"),
        pk=action_id,
    )
    if not request.user.has_perm("plans.change_action", action):
        raise PermissionDenied
    return action


def _initial(action: Action) -> dict[str, Any]:
    return {
        "number": action.number,
        "method": action.method,
        "text": action.text,
        "sub_items": "\n".join(action.sub_items),
        "due_text": action.due_text,
        "status": action.status,
        "rating": str(action.rating_id or ""),
        "lead_people": [str(p.pk) for p in action.lead_people.all()],
        "lead_organisations": [str(o.pk) for o in action.lead_organisations.all()],
        "tags": [str(t.pk) for t in action.tags.all()],
    }


def _saved(message: str, action: Action) -> str:
    """The success message, with the by-when warning when it could not be interpreted."""
    warning = by_when_warning(action.due_text)
    return f"{message}. {warning}" if warning else message


def _form_page(
    request: HttpRequest, form: Any, title: str, action: Action | None, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "plans/manage_form.html",
        {"form": form, "title": title, "action": action, **extra},
    )


def action_edit(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _action_for_manager(request, action_id)
    plan = action.objective.theme.plan
    form = ActionForm(request.POST or None, plan=plan, initial=_initial(action))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_edit(action=action, user=request.user, **form.service_arguments())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _saved(f"Action {action.number} saved", action))
            return redirect("plans:action", action_id=action.pk)
    return _form_page(request, form, f"Edit action {action.number}", action, button="Save action")


def action_add(request: HttpRequest, objective_id: int) -> HttpResponse:
    objective = get_object_or_404(
        Objective.objects.select_related("theme__plan__partnership"), pk=objective_id
    )
    plan = objective.theme.plan
    if not request.user.has_perm("plans.manage_plan", plan):
        raise PermissionDenied
    form = ActionForm(request.POST or None, plan=plan, initial={"status": "not_started"})
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_create(
                objective=objective, user=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                _saved(f"Action {action.number} added to objective {objective.number}", action),
            )
            return redirect("plans:action", action_id=action.pk)
    return _form_page(
        request,
        form,
        f"Add an action to objective {objective.number}",
        None,
        button="Add action",
        objective=objective,
    )


def action_move(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _action_for_manager(request, action_id)
    form = MoveForm(
        request.POST or None,
        plan=action.objective.theme.plan,
        initial={"objective": action.objective_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_move(
                action=action, user=request.user, objective=form.cleaned_data["objective"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Action {action.number} moved")
            return redirect("plans:action", action_id=action.pk)
    return _form_page(request, form, f"Move action {action.number}", action, button="Move action")


def action_retire(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _action_for_manager(request, action_id)
    form = RetireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_retire(
                action=action, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Action {action.number} retired")
            return redirect("plans:plan", plan_id=action.objective.theme.plan_id)
    return _form_page(
        request, form, f"Retire action {action.number}", action, button="Retire action"
    )


def plan_settings(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("partnership", "predecessor"), pk=plan_id)
    if not request.user.has_perm("plans.manage_plan", plan):
        raise PermissionDenied
    initial = {
        "title": plan.title,
        "period_label": plan.period_label,
        "status": plan.status,
        "predecessor": plan.predecessor_id,
    }
    form = PlanSettingsForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = plan_change_settings(plan=plan, user=request.user, **form.cleaned_data)
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
    return _form_page(request, form, "Plan settings", None, button="Save settings", plan=plan)
