"""Reads for performance pages, prefetched so query counts do not grow with the observations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from apps.partnerships.models import Partnership
from apps.performance.assessment import (
    Assessment,
    format_value,
    measure_assessment,
    significant_change_percent,
)
from apps.performance.models import Measure, Observation, Priority, PriorityReport
from apps.performance.periods import (
    financial_quarter,
    financial_year,
    financial_year_label,
)
from apps.performance.spc import Signal
from apps.performance.trend import Direction

QUARTERS = (1, 2, 3, 4)


def _measures_with_observations() -> Prefetch:
    return Prefetch(
        "measures",
        queryset=Measure.objects.prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("period_start"))
        ),
    )


def measure_detail() -> QuerySet[Measure]:
    return Measure.objects.select_related("priority__partnership")


def observation_detail() -> QuerySet[Observation]:
    return Observation.objects.select_related("measure__priority__partnership")


def priority_detail() -> QuerySet[Priority]:
    return Priority.objects.select_related("partnership", "sponsor_organisation").prefetch_related(
        _measures_with_observations(), "alignments"
    )


def partnership_priorities(*, partnership: Partnership) -> list[Priority]:
    return list(
        partnership.priorities.select_related("sponsor_organisation").prefetch_related(
            _measures_with_observations()
        )
    )


def measure_observations(*, measure: Measure) -> list[Observation]:
    return list(measure.observations.select_related("entered_by").order_by("period_start"))


@dataclass
class TableRow:
    """One measure in the 002 Appendix 2 table: target, baseline and what each quarter showed."""

    measure: Measure
    assessment: Assessment
    target: str
    baseline: str
    quarters: dict[int, list[str]]
    outside_year: str  # the latest figure when none falls in the year (annual, rolling)

    @property
    def quarter_cells(self) -> list[list[str]]:
        return [self.quarters[q] for q in QUARTERS]


@dataclass
class PriorityTable:
    year_label: str
    rows: list[TableRow] = field(default_factory=list)
    years: list[tuple[int, str]] = field(default_factory=list)  # every year with figures


def _cell(observation: Observation, unit: str, monthly: bool) -> str:
    text = format_value(observation.value, unit)
    if observation.numerator is not None and observation.denominator is None:
        text += f" ({format_value(observation.numerator, Measure.Unit.COUNT)})"
    if observation.comparator_value is not None:
        text += f" (comparator {format_value(observation.comparator_value, unit)})"
    if observation.target_value is not None:
        text += f", target {format_value(observation.target_value, unit)}"
    return f"{observation.period_start:%B}: {text}" if monthly else text


def _due(measure: Measure) -> str:
    due = measure.target_due
    return f" by {due.day} {due:%B %Y}" if due is not None else ""


def target_text(measure: Measure) -> str:
    """The target as printed, or else in words made from its kind, so a measure set up on the
    pages reads as clearly as one loaded from a document."""
    if measure.target_text:
        return measure.target_text
    down = measure.polarity == "down"
    if measure.target_kind == "change_from_baseline" and measure.target_value is not None:
        wanted = "reduction" if down else "increase"
        return f"A {measure.target_value.normalize():f}% {wanted} on the baseline{_due(measure)}"
    if measure.target_kind == "comparator":
        side = "Below" if down else "Above"
        return f"{side} {measure.target_comparator_name or 'the comparator'}"
    if measure.target_kind == "direction":
        return "A downward trend" if down else "An upward trend"
    if measure.target_value is not None:
        return format_value(measure.target_value, measure.unit) + _due(measure)
    return "No target set"


def baseline_text(measure: Measure) -> str:
    value = format_value(measure.baseline_value, measure.unit)
    label = f"({measure.baseline_label})" if value and measure.baseline_label else ""
    return " ".join(p for p in (value, label) if p) or measure.baseline_label or "Not given"


def priority_table(*, priority: Priority, year: int | None = None) -> PriorityTable:
    """The quarterly table for a financial year: the latest year with figures unless given."""
    measures = list(priority.measures.all())
    starts = [o.period_start for m in measures for o in m.observations.all()]
    quarterly = {Measure.Frequency.QUARTERLY, Measure.Frequency.MONTHLY}
    in_quarters = [
        o.period_start for m in measures if m.frequency in quarterly for o in m.observations.all()
    ]
    years = sorted({financial_year(start) for start in in_quarters or starts})
    if year not in years:
        year = years[-1] if years else 0
    table = PriorityTable(
        year_label=financial_year_label(year) if starts else "",
        years=[(y, financial_year_label(y)) for y in years],
    )
    for measure in measures:
        observations = list(measure.observations.all())
        monthly = measure.frequency == Measure.Frequency.MONTHLY
        quarters: dict[int, list[str]] = {q: [] for q in QUARTERS}
        for observation in observations:
            if financial_year(observation.period_start) == year:
                quarters[financial_quarter(observation.period_start)].append(
                    _cell(observation, measure.unit, monthly)
                )
        outside = ""
        if observations and not any(quarters.values()):
            latest = observations[-1]
            outside = f"{latest.period_label}: {_cell(latest, measure.unit, False)}"
        table.rows.append(
            TableRow(
                measure=measure,
                assessment=measure_assessment(measure, observations),
                target=target_text(measure),
                baseline=baseline_text(measure),
                quarters=quarters,
                outside_year=outside,
            )
        )
    return table


def priority_reports(*, priority: Priority) -> list[PriorityReport]:
    return list(priority.reports.all())


REPORT_CHANGES = {"+": "written", "~": "changed", "-": "deleted"}


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


POSITIVE, NEGATIVE, OTHER = "positive", "negative", "other"


@dataclass
class ExceptionEntry:
    priority: Priority
    measure: Measure
    assessment: Assessment
    kind: str  # POSITIVE, NEGATIVE or OTHER (a change where neither direction is better)
    reasons: list[str]

    @property
    def current(self) -> str:
        latest = self.assessment.latest
        assert latest is not None  # an exception always has a latest figure
        return f"{format_value(latest.value, self.measure.unit)} ({latest.period_label})"

    @property
    def change_text(self) -> str:
        change = self.assessment.vs_last_year
        if change is None:
            return ""
        if change.is_percentage:
            sign = "+" if change.difference > 0 else "−" if change.difference < 0 else ""
            return f"{sign}{abs(change.difference).normalize():f}% pts"
        percent = self.assessment.year_on_year_percent
        if percent is None:
            return ""
        sign = "+" if percent > 0 else "−" if percent < 0 else ""
        return f"{sign}{abs(percent).quantize(Decimal('0.1'))}%"


_SIGNAL_KIND = {Signal.IMPROVEMENT: POSITIVE, Signal.CONCERN: NEGATIVE, Signal.NEITHER: OTHER}
_DIRECTION_KIND = {Direction.IMPROVING: POSITIVE, Direction.WORSENING: NEGATIVE}


def exception_for(priority: Priority, assessment: Assessment) -> ExceptionEntry | None:
    """An exception when the latest point is a special cause or the year-on-year change is at
    least the significant-change setting (as a % of last year's value, for percentages too)."""
    reasons: list[str] = []
    kind = None
    signal = assessment.latest_signal
    if signal is not None:
        kind = _SIGNAL_KIND[signal]
        rules = ", ".join(assessment.latest_rules)
        reasons.append(f"{assessment.variation_words} ({rules})")
    percent = assessment.year_on_year_percent
    threshold = significant_change_percent()
    change = assessment.vs_last_year
    if change is not None and percent is not None and abs(percent) >= threshold:
        kind = kind or _DIRECTION_KIND.get(change.direction, OTHER)
        words = assessment.trend_words[-1]
        reasons.append(
            f"{words}: a change of {threshold.normalize():f}% or more of last year's figure"
        )
    if kind is None:
        return None
    return ExceptionEntry(priority, assessment.measure, assessment, kind, reasons)


def exception_report(*, partnership: Partnership) -> dict[str, list[ExceptionEntry]]:
    """Positive and negative exceptions (003 sections 6–7), and changes with no better way."""
    report: dict[str, list[ExceptionEntry]] = {POSITIVE: [], NEGATIVE: [], OTHER: []}
    for priority, rows in performance_summary(partnership=partnership):
        for row in rows:
            entry = exception_for(priority, row.assessment)
            if entry is not None:
                report[entry.kind].append(entry)
    return report


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    who: str
    what: str


def _who(user: Any) -> str:
    return user.get_username() if user is not None else "the system"


MEASURE_CHANGES = {"+": "Measure created", "~": "Measure settings changed", "-": "Measure deleted"}


def measure_history(*, measure: Measure) -> list[HistoryLine]:
    """Changes to the measure's settings and its figures, newest first."""
    lines = []
    for record in Observation.history.filter(measure_id=measure.pk).select_related("history_user"):
        verb = {"+": "added", "~": "changed", "-": "deleted"}[record.history_type]
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


def observations_as_rows(observations: Sequence[Observation]) -> list[list[str]]:
    """The export columns, the same as the import reads, so a file round-trips."""

    def text(value: Decimal | None) -> str:
        return "" if value is None else f"{value.normalize():f}"

    return [
        [
            o.period_label,
            text(o.value),
            text(o.comparator_value),
            text(o.numerator),
            text(o.denominator),
            o.note,
        ]
        for o in observations
    ]
