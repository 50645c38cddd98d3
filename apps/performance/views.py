"""Performance pages. Views check permission, call a selector or service, and render."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from apps.partnerships.models import Partnership
from apps.performance.assessment import (
    RULE_WORDS,
    Assessment,
    format_value,
    measure_assessment,
)
from apps.performance.chart import ChartPoint, spc_chart_svg
from apps.performance.forms import (
    ImportForm,
    MeasureSettingsForm,
    ObservationForm,
    PriorityReportForm,
)
from apps.performance.models import Measure, Observation, PriorityReport, TrafficLight
from apps.performance.rag import TargetKind
from apps.performance.selectors import (
    NEGATIVE,
    OTHER,
    POSITIVE,
    baseline_text,
    exception_report,
    measure_detail,
    measure_history,
    measure_observations,
    observation_detail,
    observations_as_rows,
    performance_summary,
    priority_detail,
    priority_report_history,
    priority_reports,
    priority_table,
    target_text,
)
from apps.performance.services import (
    CSV_HEADINGS,
    SETTINGS_FIELDS,
    measure_settings_save,
    observation_add,
    observation_edit,
    observations_import_csv,
    priority_report_save,
)

VIEW, EDIT = "performance.view_performance", "performance.edit_performance"
SET_UP = "performance.set_up_performance"


def _check(request: HttpRequest, permission: str, obj: Model) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _chart(measure: Measure, assessment: Assessment) -> str:
    observations = assessment.observations
    has_value_target = measure.target_kind == TargetKind.VALUE
    target = measure.target_value if has_value_target else None
    description = (
        f"{len(observations)} figures from {observations[0].period_label} to "
        f"{observations[-1].period_label}. {assessment.variation_words}. "
        if observations
        else "No figures yet. "
    )
    if assessment.spc is not None and observations:
        segment = assessment.spc.latest_segment
        if segment.upper_limit is not None and segment.lower_limit is not None:
            description += (
                f"Mean {format_value(segment.mean, measure.unit, 2)}, process limits "
                f"{format_value(segment.lower_limit, measure.unit, 2)} to "
                f"{format_value(segment.upper_limit, measure.unit, 2)}. "
            )
    special = [
        p.period for p in (assessment.spc.points if assessment.spc else ()) if p.special_cause
    ]
    description += (
        f"Special cause points: {', '.join(special)}." if special else "No special cause points."
    )
    svg = spc_chart_svg(
        title=f"Statistical process control chart: {measure.title}",
        points=[ChartPoint(o.period_label, o.value) for o in observations],
        spc=assessment.spc,
        target=target,
        period_targets=[o.target_value for o in observations],
        description=description,
    )
    return mark_safe(svg)  # every text in the SVG is escaped by spc_chart_svg


def measure_view(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, VIEW, measure)
    observations = measure_observations(measure=measure)
    assessment = measure_assessment(measure, observations)
    spc_points = {p.index: p for p in assessment.spc.points} if assessment.spc else {}
    rows = [
        (o, p, [RULE_WORDS[r.value] for r in p.rules] if p else [], rag)
        for i, (o, rag) in enumerate(
            zip(assessment.observations, assessment.period_ratings, strict=True)
        )
        for p in [spc_points.get(i)]
    ]
    context = {
        "measure": measure,
        "priority": measure.priority,
        "assessment": assessment,
        "chart": _chart(measure, assessment) if observations else "",
        "rows": rows,
        "target": target_text(measure),
        "baseline": baseline_text(measure),
        "history": measure_history(measure=measure),
        "can_edit": request.user.has_perm(EDIT, measure),
        "can_set_up": request.user.has_perm(SET_UP, measure),
    }
    return render(request, "performance/measure.html", context)


def measure_settings(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, EDIT, measure)
    initial = {name: getattr(measure, name) for name in SETTINGS_FIELDS}
    initial["spc_two_of_three_counts_beyond_limits"] = str(
        measure.spc_two_of_three_counts_beyond_limits
    )
    form = MeasureSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            measure_settings_save(measure=measure, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Comment and settings saved")
            return redirect("performance:measure", measure.pk)
    return render(request, "performance/measure_settings.html", {"measure": measure, "form": form})


def _observation_form_page(
    request: HttpRequest, measure: Measure, observation: Observation | None
) -> HttpResponse:
    initial = {}
    if observation is not None:
        initial = {
            name: getattr(observation, name)
            for name in ObservationForm.base_fields
            if getattr(observation, name) is not None
        }
        for name, value in list(initial.items()):
            if name != "note" and name != "period_label":
                initial[name] = f"{value.normalize():f}"
    form = ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if observation is None:
                saved = observation_add(
                    measure=measure,
                    user=request.user,
                    period_label=form.cleaned_data["period_label"],
                    **form.service_fields(),
                )
                messages.success(request, f"Figure for {saved.period_label} added")
            else:
                saved = observation_edit(
                    observation=observation,
                    user=request.user,
                    period_label=form.cleaned_data["period_label"],
                    **form.service_fields(),
                )
                messages.success(request, f"Figure for {saved.period_label} changed")
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect(reverse("performance:measure", args=[measure.pk]) + "#figures")
    context = {"measure": measure, "form": form, "observation": observation}
    return render(request, "performance/observation_form.html", context)


def observation_new(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, EDIT, measure)
    return _observation_form_page(request, measure, None)


def observation_change(request: HttpRequest, observation_id: int) -> HttpResponse:
    observation = get_object_or_404(observation_detail(), pk=observation_id)
    _check(request, EDIT, observation)
    return _observation_form_page(request, observation.measure, observation)


def observations_import(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, EDIT, measure)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = observations_import_csv(
                measure=measure, user=request.user, data=form.cleaned_data["file"].read()
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request, f"Imported: {result.added} figures added, {result.updated} replaced"
            )
            return redirect(reverse("performance:measure", args=[measure.pk]) + "#figures")
    context = {"measure": measure, "form": form, "problems": problems}
    return render(request, "performance/observations_import.html", context)


def observations_export(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = get_object_or_404(measure_detail(), pk=measure_id)
    _check(request, VIEW, measure)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"{measure.priority.code} {measure.code} {measure.title}")[:80]
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    writer.writerows(observations_as_rows(measure_observations(measure=measure)))
    return response


def priority_view(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_object_or_404(priority_detail(), pk=priority_id)
    _check(request, VIEW, priority)
    reports = priority_reports(priority=priority)
    year = request.GET.get("year", "")
    context = {
        "priority": priority,
        "table": priority_table(priority=priority, year=int(year) if year.isdigit() else None),
        "history": priority_report_history(priority=priority),
        "report": reports[0] if reports else None,
        "earlier_reports": reports[1:],
        "lights": TrafficLight,
        "can_edit": request.user.has_perm(EDIT, priority),
        "can_set_up": request.user.has_perm(SET_UP, priority),
    }
    return render(request, "performance/priority.html", context)


def priority_report_edit(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_object_or_404(priority_detail(), pk=priority_id)
    _check(request, EDIT, priority)
    latest = PriorityReport.objects.filter(priority=priority).first()  # newest dated first
    initial = {}
    if latest is not None:
        initial = {name: getattr(latest, name) for name in PriorityReportForm.base_fields}
    form = PriorityReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            report = priority_report_save(
                priority=priority, period_label=data.pop("period_label"), **data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Report for {report.period_label} saved")
            return redirect("performance:priority", priority.pk)
    return render(request, "performance/report_form.html", {"priority": priority, "form": form})


def summary_view(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, pk=partnership_id)
    _check(request, VIEW, partnership)
    context = {
        "partnership": partnership,
        "groups": performance_summary(partnership=partnership),
        "can_set_up": request.user.has_perm(SET_UP, partnership),
    }
    return render(request, "performance/summary.html", context)


def exceptions_view(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, pk=partnership_id)
    _check(request, VIEW, partnership)
    report = exception_report(partnership=partnership)
    context = {
        "partnership": partnership,
        "positive": report[POSITIVE],
        "negative": report[NEGATIVE],
        "other": report[OTHER],
    }
    return render(request, "performance/exceptions.html", context)
