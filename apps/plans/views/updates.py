"""Adding an update to an action: what an action lead does each reporting period."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.plans.forms.updates import UpdateForm
from apps.plans.selectors import action_detail, action_updates
from apps.plans.services import action_add_update


def _safe_next(request: HttpRequest) -> str:
    """Where to go after a form, if the request names a page on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else ""


def add_update(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = object_get_or_403(
        action_detail(), user=request.user, permission="plans.add_update", pk=action_id
    )
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
        "latest": action_updates(action=action).first(),
        "next": next_url,
    }
    return render(request, "plans/add_update.html", context)
