"""The partnership's performance summary: every priority's measures with baseline, current
figure and trend, prefetched so query counts do not grow with the observations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from apps.partnerships.models import Partnership
from apps.performance.domain.units import format_value
from apps.performance.models import Measure, Priority
from apps.performance.selectors.assessment import Assessment, measure_assessment
from apps.performance.selectors.measures import baseline_text
from apps.performance.selectors.priorities import partnership_priorities


@dataclass
class SummaryRow:
    priority: Priority
    measure: Measure
    assessment: Assessment
    baseline: str
    current: str
    trend: str


def performance_summary(
    *, partnership: Partnership, priorities: Sequence[Priority] | None = None
) -> list[tuple[Priority, list[SummaryRow]]]:
    """The 003 section 5 table: theme, measure, baseline, current, trend, comment.

    `priorities` (measures and observations prefetched) narrows it to a report's choice."""
    groups = []
    if priorities is None:
        priorities = partnership_priorities(partnership=partnership)
    for priority in priorities:
        rows = []
        for measure in priority.measures.all():
            assessment = measure_assessment(measure, list(measure.observations.all()))
            latest = assessment.latest
            current = (
                f"{format_value(latest.value, measure.unit)} ({latest.period_label})"
                if latest is not None
                else "No figures yet"
            )
            trend = assessment.trend_words[-1] if assessment.trend_words else "Not available"
            rows.append(
                SummaryRow(priority, measure, assessment, baseline_text(measure), current, trend)
            )
        groups.append((priority, rows))
    return groups
