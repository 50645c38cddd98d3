"""Reads for priorities: the priority with its measures and figures prefetched, its quarterly
table, its narratives and its alignments."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from apps.partnerships.models import Partnership
from apps.performance.domain.periods import (
    financial_quarter,
    financial_year,
    financial_year_label,
)
from apps.performance.domain.units import format_value
from apps.performance.models import (
    Measure,
    Observation,
    Priority,
    PriorityAlignment,
    PriorityReport,
)
from apps.performance.selectors.assessment import Assessment, measure_assessment
from apps.performance.selectors.measures import baseline_text, target_text

QUARTERS = (1, 2, 3, 4)


def _measures_with_observations() -> Prefetch:
    return Prefetch(
        "measures",
        queryset=Measure.objects.prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("period_start"))
        ),
    )


def priority_detail() -> QuerySet[Priority]:
    return Priority.objects.select_related("partnership", "sponsor_organisation").prefetch_related(
        _measures_with_observations(), "alignments"
    )


def priorities_with_partnership() -> QuerySet[Priority]:
    """For the set-up pages, which need only the partnership (for permission and the form)."""
    return Priority.objects.select_related("partnership")


def alignment_detail() -> QuerySet[PriorityAlignment]:
    return PriorityAlignment.objects.select_related("priority__partnership")


def partnership_priorities(*, partnership: Partnership) -> list[Priority]:
    return list(
        partnership.priorities.select_related("sponsor_organisation").prefetch_related(
            _measures_with_observations()
        )
    )


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


def priority_report_latest(*, priority: Priority) -> PriorityReport | None:
    """The newest dated narrative (undated ones come last), to start the next one from."""
    return PriorityReport.objects.filter(priority=priority).first()
