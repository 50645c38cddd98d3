"""A priority's page (its quarterly table, narrative and alignment), and setting up a priority
with its links to the partnership's plans."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership
from apps.performance.forms import PriorityForm
from apps.performance.models import Priority, TrafficLight
from apps.performance.rules import EDIT_PERFORMANCE, SET_UP_PERFORMANCE, VIEW_PERFORMANCE
from apps.performance.selectors import (
    priorities_with_partnership,
    priority_detail,
    priority_report_history,
    priority_reports,
    priority_table,
)
from apps.performance.services import priority_save
from apps.performance.views import form_save


def priority_view(request: AuthenticatedHttpRequest, priority_id: int) -> HttpResponse:
    priority = object_get_or_403(
        priority_detail(), user=request.user, permission=VIEW_PERFORMANCE, pk=priority_id
    )
    reports = priority_reports(priority=priority)
    year = request.GET.get("year", "")
    context = {
        "priority": priority,
        "table": priority_table(priority=priority, year=int(year) if year.isdigit() else None),
        "history": priority_report_history(priority=priority),
        "report": reports[0] if reports else None,
        "earlier_reports": reports[1:],
        "lights": TrafficLight,
        "can_edit": request.user.has_perm(EDIT_PERFORMANCE, priority),
        "can_set_up": request.user.has_perm(SET_UP_PERFORMANCE, priority),
    }
    return render(request, "performance/priority.html", context)


def _priority_page(
    request: AuthenticatedHttpRequest, partnership: Partnership, priority: Priority | None
) -> HttpResponse:
    initial = PriorityForm.initial_for(priority) if priority is not None else None
    form = PriorityForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: priority_save(
                partnership=partnership,
                priority=priority,
                user=request.user,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            verb = "added" if priority is None else "saved"
            messages.success(request, f"Priority {saved.code} {verb}")
            return redirect("performance:priority", saved.pk)
    context = {"partnership": partnership, "priority": priority, "form": form}
    return render(request, "performance/priority_form.html", context)


def priority_new(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=SET_UP_PERFORMANCE, pk=partnership_id
    )
    return _priority_page(request, partnership, None)


def priority_change(request: AuthenticatedHttpRequest, priority_id: int) -> HttpResponse:
    priority = object_get_or_403(
        priorities_with_partnership(),
        user=request.user,
        permission=SET_UP_PERFORMANCE,
        pk=priority_id,
    )
    return _priority_page(request, priority.partnership, priority)
