"""Who changed a measure, its figures or a priority's narrative, and when, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from apps.performance.domain.units import format_value
from apps.performance.models import Measure, Observation, Priority, PriorityReport

REPORT_CHANGES = {"+": "written", "~": "changed", "-": "deleted"}
FIGURE_CHANGES = {"+": "added", "~": "changed", "-": "deleted"}
MEASURE_CHANGES = {"+": "Measure created", "~": "Measure settings changed", "-": "Measure deleted"}


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    who: str
    what: str


def _who(user: User | None) -> str:
    return user.get_username() if user is not None else "the system"


def priority_report_history(*, priority: Priority) -> list[HistoryLine]:
    """Who wrote or changed each period's narrative, newest first."""
    records = PriorityReport.history.filter(priority_id=priority.pk).select_related("history_user")
    return [
        HistoryLine(
            r.history_date,
            _who(r.history_user),
            f"Narrative for {r.period_label} {REPORT_CHANGES[r.history_type]}",
        )
        for r in records.order_by("-history_date")
    ]


def measure_history(*, measure: Measure) -> list[HistoryLine]:
    """Changes to the measure's settings and its figures, newest first."""
    lines = []
    for record in Observation.history.filter(measure_id=measure.pk).select_related("history_user"):
        verb = FIGURE_CHANGES[record.history_type]
        value = format_value(record.value, measure.unit)
        lines.append(
            HistoryLine(
                record.history_date,
                _who(record.history_user),
                f"Figure for {record.period_label} {verb} ({value})",
            )
        )
    for record in measure.history.select_related("history_user"):
        what = MEASURE_CHANGES[record.history_type]
        lines.append(HistoryLine(record.history_date, _who(record.history_user), what))
    return sorted(lines, key=lambda line: line.when, reverse=True)
