"""Reads for one measure: the measure and its figures, and its target and baseline in words."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import QuerySet

from apps.performance.domain.assessment import NO_TARGET
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.domain.units import amount_text, format_value
from apps.performance.models import Measure, Observation


def measure_detail() -> QuerySet[Measure]:
    return Measure.objects.select_related("priority__partnership")


def observation_detail() -> QuerySet[Observation]:
    return Observation.objects.select_related("measure__priority__partnership")


def measure_observations(*, measure: Measure) -> list[Observation]:
    return list(measure.observations.select_related("entered_by").order_by("period_start"))


def _due(measure: Measure) -> str:
    due = measure.target_due
    return f" by {due.day} {due:%B %Y}" if due is not None else ""


def target_text(measure: Measure) -> str:
    """The target as printed, or else in words made from its kind, so a measure set up on the
    pages reads as clearly as one loaded from a document."""
    if measure.target_text:
        return measure.target_text
    down = measure.polarity == Polarity.DOWN
    if measure.target_kind == TargetKind.CHANGE_FROM_BASELINE and measure.target_value is not None:
        wanted = "reduction" if down else "increase"
        return f"A {measure.target_value.normalize():f}% {wanted} on the baseline{_due(measure)}"
    if measure.target_kind == TargetKind.COMPARATOR:
        side = "Below" if down else "Above"
        return f"{side} {measure.target_comparator_name or 'the comparator'}"
    if measure.target_kind == TargetKind.DIRECTION:
        return "A downward trend" if down else "An upward trend"
    if measure.target_value is not None:
        return format_value(measure.target_value, measure.unit) + _due(measure)
    return NO_TARGET


def baseline_text(measure: Measure) -> str:
    value = format_value(measure.baseline_value, measure.unit)
    label = f"({measure.baseline_label})" if value and measure.baseline_label else ""
    return " ".join(p for p in (value, label) if p) or measure.baseline_label or "Not given"


def observations_as_rows(observations: Sequence[Observation]) -> list[list[str]]:
    """The export columns, the same as the import reads, so a file round-trips."""
    return [
        [
            o.period_label,
            amount_text(o.value),
            amount_text(o.comparator_value),
            amount_text(o.numerator),
            amount_text(o.denominator),
            o.note,
        ]
        for o in observations
    ]
