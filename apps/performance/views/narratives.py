"""Writing a priority's narrative for a reporting period."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.performance.forms import PriorityReportForm
from apps.performance.rules import EDIT_PERFORMANCE
from apps.performance.selectors import priority_detail, priority_report_latest
from apps.performance.services import priority_report_save
from apps.performance.views import form_save


def priority_report_edit(request: AuthenticatedHttpRequest, priority_id: int) -> HttpResponse:
    priority = object_get_or_403(
        priority_detail(), user=request.user, permission=EDIT_PERFORMANCE, pk=priority_id
    )
    latest = priority_report_latest(priority=priority)
    initial = PriorityReportForm.initial_for(latest) if latest is not None else {}
    form = PriorityReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = form_save(
            form,
            lambda: priority_report_save(priority=priority, user=request.user, **form.cleaned_data),
        )
        if report is not None:
            messages.success(request, f"Report for {report.period_label} saved")
            return redirect("performance:priority", priority.pk)
    return render(request, "performance/report_form.html", {"priority": priority, "form": form})
