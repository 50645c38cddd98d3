"""A priority's alignment table: adding, changing and removing its rows."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.performance.forms import AlignmentForm
from apps.performance.models import Priority, PriorityAlignment
from apps.performance.rules import SET_UP_PERFORMANCE
from apps.performance.selectors import alignment_detail, priorities_with_partnership
from apps.performance.services import alignment_remove, alignment_save
from apps.performance.views import form_save


def _alignment_table(priority: Priority) -> str:
    return reverse("performance:priority", args=[priority.pk]) + "#alignment"


def _alignment_page(
    request: AuthenticatedHttpRequest, priority: Priority, alignment: PriorityAlignment | None
) -> HttpResponse:
    initial = AlignmentForm.initial_for(alignment) if alignment is not None else None
    form = AlignmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: alignment_save(
                priority=priority,
                alignment=alignment,
                user=request.user,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            verb = "added" if alignment is None else "saved"
            messages.success(request, f"Alignment with {saved.other_plan} {verb}")
            return redirect(_alignment_table(priority))
    context = {"priority": priority, "alignment": alignment, "form": form}
    return render(request, "performance/alignment_form.html", context)


def alignment_new(request: AuthenticatedHttpRequest, priority_id: int) -> HttpResponse:
    priority = object_get_or_403(
        priorities_with_partnership(),
        user=request.user,
        permission=SET_UP_PERFORMANCE,
        pk=priority_id,
    )
    return _alignment_page(request, priority, None)


def _alignment(request: AuthenticatedHttpRequest, priority_alignment_id: int) -> PriorityAlignment:
    return object_get_or_403(
        alignment_detail(),
        user=request.user,
        permission=SET_UP_PERFORMANCE,
        pk=priority_alignment_id,
    )


def alignment_change(request: AuthenticatedHttpRequest, priority_alignment_id: int) -> HttpResponse:
    alignment = _alignment(request, priority_alignment_id)
    return _alignment_page(request, alignment.priority, alignment)


def alignment_delete(request: AuthenticatedHttpRequest, priority_alignment_id: int) -> HttpResponse:
    """A confirmation page; the row goes only on POST."""
    alignment = _alignment(request, priority_alignment_id)
    priority = alignment.priority
    if request.method == "POST":
        alignment_remove(alignment=alignment, user=request.user)
        messages.success(request, f"Alignment with {alignment.other_plan} removed")
        return redirect(_alignment_table(priority))
    context = {"priority": priority, "alignment": alignment}
    return render(request, "performance/alignment_remove.html", context)
