"""An action's page, and the manager's pages that change an action: edit, add, move, retire."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.plans import services
from apps.plans.forms.actions import ActionForm, MoveForm, RetireForm, by_when_warning
from apps.plans.models import Action, Objective, Status
from apps.plans.selectors import action_detail, action_history, action_is_overdue, action_updates
from apps.plans.views.pages import form_page


def action_view(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = object_get_or_403(
        action_detail(), user=request.user, permission="plans.view_action", pk=action_id
    )
    context = {
        "action": action,
        "plan": action.objective.theme.plan,
        "overdue": action_is_overdue(action),
        "updates": list(action_updates(action=action)),
        "history": action_history(action=action),
        "can_update": request.user.has_perm("plans.add_update", action),
        "can_manage": request.user.has_perm("plans.change_action", action),
    }
    return render(request, "plans/action.html", context)


def _action_for_manager(request: AuthenticatedHttpRequest, action_id: int) -> Action:
    return object_get_or_403(
        Action.objects.select_related("objective__theme__plan__partnership", "rating"),
        user=request.user,
        permission="plans.change_action",
        pk=action_id,
    )


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


def action_edit(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
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
    return form_page(request, form, f"Edit action {action.number}", action, button="Save action")


def action_add(request: AuthenticatedHttpRequest, objective_id: int) -> HttpResponse:
    objective = object_get_or_403(
        Objective.objects.select_related("theme__plan__partnership"),
        user=request.user,
        permission="plans.manage_plan",
        pk=objective_id,
    )
    plan = objective.theme.plan
    form = ActionForm(request.POST or None, plan=plan, initial={"status": Status.NOT_STARTED})
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
    return form_page(
        request,
        form,
        f"Add an action to objective {objective.number}",
        None,
        button="Add action",
        objective=objective,
    )


def action_move(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
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
    return form_page(request, form, f"Move action {action.number}", action, button="Move action")


def action_retire(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
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
    return form_page(
        request, form, f"Retire action {action.number}", action, button="Retire action"
    )
