"""A measure's page (chart, RAG, trend and figures), its comment and chart settings, and
setting up a measure with its target."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.performance.domain.assessment import RULE_WORDS
from apps.performance.domain.chart import ChartPoint, spc_chart_svg
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.units import format_value
from apps.performance.forms import MeasureForm, MeasureSettingsForm
from apps.performance.models import Measure, Priority
from apps.performance.rules import EDIT_PERFORMANCE, SET_UP_PERFORMANCE, VIEW_PERFORMANCE
from apps.performance.selectors import (
    Assessment,
    baseline_text,
    measure_assessment,
    measure_detail,
    measure_history,
    measure_observations,
    priorities_with_partnership,
    target_text,
)
from apps.performance.services import measure_save, measure_settings_save
from apps.performance.views import form_save

NEW_MEASURE_INITIAL = {
    "unit": Measure.Unit.COUNT,
    "frequency": Measure.Frequency.QUARTERLY,
    "amber_band_percent": "5",
    "slight_worsening_percent": "5",
}


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


def measure_view(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=VIEW_PERFORMANCE, pk=measure_id
    )
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
        "can_edit": request.user.has_perm(EDIT_PERFORMANCE, measure),
        "can_set_up": request.user.has_perm(SET_UP_PERFORMANCE, measure),
    }
    return render(request, "performance/measure.html", context)


def measure_settings(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=EDIT_PERFORMANCE, pk=measure_id
    )
    form = MeasureSettingsForm(
        request.POST or None, initial=MeasureSettingsForm.initial_for(measure)
    )
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: measure_settings_save(measure=measure, user=request.user, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, "Comment and settings saved")
            return redirect("performance:measure", measure.pk)
    return render(request, "performance/measure_settings.html", {"measure": measure, "form": form})


def _measure_page(
    request: AuthenticatedHttpRequest, priority: Priority, measure: Measure | None
) -> HttpResponse:
    initial = MeasureForm.initial_for(measure) if measure is not None else NEW_MEASURE_INITIAL
    form = MeasureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: measure_save(
                priority=priority,
                measure=measure,
                user=request.user,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            verb = "added" if measure is None else "saved"
            messages.success(request, f"Measure {saved} {verb}")
            return redirect("performance:measure", saved.pk)
    context = {"priority": priority, "measure": measure, "form": form}
    return render(request, "performance/measure_form.html", context)


def measure_new(request: AuthenticatedHttpRequest, priority_id: int) -> HttpResponse:
    priority = object_get_or_403(
        priorities_with_partnership(),
        user=request.user,
        permission=SET_UP_PERFORMANCE,
        pk=priority_id,
    )
    return _measure_page(request, priority, None)


def measure_change(request: AuthenticatedHttpRequest, measure_id: int) -> HttpResponse:
    measure = object_get_or_403(
        measure_detail(), user=request.user, permission=SET_UP_PERFORMANCE, pk=measure_id
    )
    return _measure_page(request, measure.priority, measure)
