"""A measure's figures: adding and changing one, importing a CSV file, and exporting one."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.performance.forms import ImportForm, ObservationForm
from apps.performance.models import Measure, Observation
from apps.performance.rules import EDIT_PERFORMANCE, VIEW_PERFORMANCE
from apps.performance.selectors import (
    measure_detail,
    measure_observations,
    observation_detail,
    observations_as_rows,
)
from apps.performance.services import observation_add, observation_edit, observations_import_csv
from apps.performance.services.imports import CSV_HEADINGS
from apps.performance.views import form_save


def _figures(measure: Measure) -> str:
    return reverse("performance:measure", args=[measure.pk]) + "#figures"


def _observation_form_page(
    request: AuthenticatedHttpRequest, measure: Measure, observation: Observation | None
) -> HttpResponse:
    initial = ObservationForm.initial_for(observation) if observation is not None else {}
    form = ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = request.user
        if observation is None:
            saved = form_save(
                form, lambda: observation_add(measure=measure, user=user, **form.cleaned_data)
            )
            verb = "added"
        else:
            saved = form_save(
                form,
                lambda: observation_edit(observation=observation, user=user, **form.cleaned_data),
            )
            verb = "changed"
        if saved is not None:
            messages.success(request, f"Figure for {saved.period_label} {verb}")
            return redirect(_figures(measure))
    context = {"measure": measure, "form": form, "observation": observation}
    return render(request, "performance/observation_form.html", context)


def observation_new(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=EDIT_PERFORMANCE, pk=measure_id
    )
    return _observation_form_page(request, measure, None)


def observation_change(request: AuthenticatedHttpRequest, observation_id: int) -> HttpResponse:
    observation = object_get_or_403(
        observation_detail(), user=request.user, permission=EDIT_PERFORMANCE, pk=observation_id
    )
    return _observation_form_page(request, observation.measure, observation)


def observations_import(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=EDIT_PERFORMANCE, pk=measure_id
    )
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = observations_import_csv(
                measure=measure,
                data=form.cleaned_data["file"].read(),
                user=request.user,
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request, f"Imported: {result.added} figures added, {result.updated} replaced"
            )
            return redirect(_figures(measure))
    context = {"measure": measure, "form": form, "problems": problems}
    return render(request, "performance/observations_import.html", context)


def observations_export(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=VIEW_PERFORMANCE, pk=measure_id
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"{measure.priority.code} {measure.code} {measure.title}")[:80]
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    writer.writerows(observations_as_rows(measure_observations(measure=measure)))
    return response
