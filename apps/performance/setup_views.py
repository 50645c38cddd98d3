"""Pages that set up a performance framework: priorities, alignments and measures.

Views check the set-up permission, hand the form's data to setup_services and render; a
service's errors are shown against the fields they name, with the GOV.UK error summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Priority, PriorityAlignment
from apps.performance.selectors import measure_detail
from apps.performance.setup_forms import AlignmentForm, MeasureForm, PriorityForm
from apps.performance.setup_services import (
    alignment_remove,
    alignment_save,
    measure_save,
    priority_save,
)

SET_UP = "performance.set_up_performance"
NEW_MEASURE_INITIAL = {
    "unit": Measure.Unit.COUNT,
    "frequency": Measure.Frequency.QUARTERLY,
    "amber_band_percent": "5",
    "slight_worsening_percent": "5",
}


def _check(request: HttpRequest, obj: Model) -> None:
    if not request.user.has_perm(SET_UP, obj):
        raise PermissionDenied


def _saved(form: Any, save: Callable[[], Any]) -> Any | None:
    """The saved object, or None with the service's errors put on the form."""
    try:
        return save()
    except ValidationError as error:
        form.add_service_error(error)
        return None


def _priorities() -> Any:
    return Priority.objects.select_related("partnership")


def _priority_page(
    request: HttpRequest, partnership: Partnership, priority: Priority | None
) -> HttpResponse:
    initial = PriorityForm.initial_for(priority) if priority is not None else None
    form = PriorityForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        saved = _saved(
            form,
            lambda: priority_save(
                partnership=partnership, user=request.user, priority=priority, **form.cleaned_data
            ),
        )
        if saved is not None:
            verb = "added" if priority is None else "saved"
            messages.success(request, f"Priority {saved.code} {verb}")
            return redirect("performance:priority", saved.pk)
    context = {"partnership": partnership, "priority": priority, "form": form}
    return render(request, "performance/priority_form.html", context)


def priority_new(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, pk=partnership_id)
    _check(request, partnership)
    return _priority_page(request, partnership, None)


def priority_change(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_object_or_404(_priorities(), pk=priority_id)
    _check(request, priority)
    return _priority_page(request, priority.partnership, priority)


def _alignment_page(
    request: HttpRequest, priority: Priority, alignment: PriorityAlignment | None
) -> HttpResponse:
    initial = None
    if alignment is not None:
        initial = {name: getattr(alignment, name) for name in AlignmentForm.base_fields}
    form = AlignmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _saved(
            form,
            lambda: alignment_save(
                priority=priority, user=request.user, alignment=alignment, **form.cleaned_data
            ),
        )
        if saved is not None:
            verb = "added" if alignment is None else "saved"
            messages.success(request, f"Alignment with {saved.other_plan} {verb}")
            return redirect(reverse("performance:priority", args=[priority.pk]) + "#alignment")
    context = {"priority": priority, "alignment": alignment, "form": form}
    return render(request, "performance/alignment_form.html", context)


def alignment_new(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_object_or_404(_priorities(), pk=priority_id)
    _check(request, priority)
    return _alignment_page(request, priority, None)


def _alignment(priority_alignment_id: int) -> PriorityAlignment:
    queryset = PriorityAlignment.objects.select_related("priority__partnership")
    return get_object_or_404(queryset, pk=priority_alignment_id)


def alignment_change(request: HttpRequest, priority_alignment_id: int) -> HttpResponse:
    alignment = _alignment(priority_alignment_id)
    _check(request, alignment)
    return _alignment_page(request, alignment.priority, alignment)


def alignment_delete(request: HttpRequest, priority_alignment_id: int) -> HttpResponse:
    """A confirmation page; the row goes only on POST."""
    alignment = _alignment(priority_alignment_id)
    _check(request, alignment)
    priority = alignment.priority
    if request.method == "POST":
        alignment_remove(alignment=alignment, user=request.user)
        messages.success(request, f"Alignment with {alignment.other_plan} removed")
        return redirect(reverse("performance:priority", args=[priority.pk]) + "#alignment")
    context = {"priority": priority, "alignment": alignment}
    return render(request, "performance/alignment_remove.html", context)


def _measure_page(
    request: HttpRequest, priority: Priority, measure: Measure | None
) -> HttpResponse:
    initial = MeasureForm.initial_for(measure) if measure is not None else NEW_MEASURE_INITIAL
    form = MeasureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _saved(
            form,
            lambda: measure_save(
                priority=priority, user=request.user, measure=measure, **form.cleaned_data
            ),
        )
        if saved is not None:
            verb = "added" if measure is None else "saved"
            messages.success(request, f"Measure {saved} {verb}")
            return redirect("performance:measure", saved.pk)
    context = {"priority": priority, "measure": measure, "form": form}
    return render(request, "performance/measure_form.html", context)


def measure_new(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_object_or_404(_priorities(), pk=priority_id)
    _check(request, priority)
    return _measure_page(request, priority, None)


def measure_change(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, measure)
    return _measure_page(request, measure.priority, measure)
