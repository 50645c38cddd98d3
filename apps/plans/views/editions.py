"""Pages about a plan's editions: what changed since the earlier one (any member), and for
managers, rolling a plan forward and reviewing how its actions were matched."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.plans.forms.editions import PredecessorForm, RollForwardForm
from apps.plans.models import Action, Plan
from apps.plans.selectors import (
    plan_action_count,
    plan_changes,
    plan_completed_actions,
    plan_earlier_actions,
)
from apps.plans.services import (
    action_choose_predecessor,
    plan_match_predecessor_actions,
    plan_roll_forward,
)

NO_EARLIER_EDITION_PAGE = "This plan has no earlier edition"


def _plan(request: AuthenticatedHttpRequest, plan_id: int, permission: str) -> Plan:
    return object_get_or_403(
        Plan.objects.select_related("partnership", "predecessor"),
        user=request.user,
        permission=permission,
        pk=plan_id,
    )


def what_changed(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    context = {
        "plan": plan,
        "changes": plan_changes(plan=plan),
        "can_manage": request.user.has_perm("plans.manage_plan", plan),
    }
    return render(request, "plans/what_changed.html", context)


def roll_forward(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.manage_plan")
    completed = plan_completed_actions(plan=plan)
    form = RollForwardForm(
        request.POST if request.method == "POST" else None,
        completed=completed,
        initial={"title": plan.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            new_plan = plan_roll_forward(
                plan=plan,
                user=request.user,
                title=form.cleaned_data["title"],
                period_label=form.cleaned_data["period_label"],
                carry_completed=form.chosen_actions(),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                f"“{new_plan}” created as a draft with {plan_action_count(plan=new_plan)} "
                f"actions. “{plan}” is now archived.",
            )
            return redirect("plans:plan", plan_id=new_plan.pk)
    return render(
        request,
        "plans/roll_forward.html",
        {"plan": plan, "form": form, "completed": completed},
    )


def matches(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.manage_plan")
    if plan.predecessor is None:
        # A plan without an earlier edition has no such page, whoever asks.
        raise Http404(NO_EARLIER_EDITION_PAGE)
    if request.method == "POST":
        result = plan_match_predecessor_actions(plan=plan, user=request.user)
        messages.success(
            request,
            f"Matched again: {result.matched} actions matched automatically, "
            f"{result.unmatched} not matched, {result.kept} kept as decided.",
        )
        return redirect("plans:plan-matches", plan_id=plan.pk)
    return render(
        request, "plans/edition_matches.html", {"plan": plan, "changes": plan_changes(plan=plan)}
    )


def action_predecessor(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = object_get_or_403(
        Action.objects.select_related(
            "objective__theme__plan__partnership",
            "objective__theme__plan__predecessor",
            "predecessor__objective",
        ),
        user=request.user,
        permission="plans.change_action",
        pk=action_id,
    )
    plan = action.objective.theme.plan
    if plan.predecessor is None:
        raise Http404(NO_EARLIER_EDITION_PAGE)
    current = str(action.predecessor_id) if action.predecessor_id else "new"
    form = PredecessorForm(
        request.POST if request.method == "POST" else None,
        earlier_actions=plan_earlier_actions(plan=plan),
        initial={"predecessor": current},
    )
    if request.method == "POST" and form.is_valid():
        try:
            displaced = action_choose_predecessor(
                action=action, predecessor=form.chosen(), user=request.user
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            message = f"Action {action.number} of objective {action.objective.number} saved"
            if displaced is not None:
                message += (
                    f"; action {displaced.number} of objective {displaced.objective.number}"
                    " no longer has an earlier action"
                )
            messages.success(request, message)
            url = reverse("plans:plan-matches", args=[plan.pk])
            return redirect(f"{url}#objective-{action.objective.number}")
    return render(
        request,
        "plans/edition_matches_choose.html",
        {"plan": plan, "action": action, "form": form},
    )
