"""The exception report: measures whose latest figure is a special cause, or which changed on
last year by at least the significant-change setting."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from apps.partnerships.models import Partnership
from apps.performance.domain.spc import Signal
from apps.performance.domain.trend import Direction
from apps.performance.domain.units import format_value
from apps.performance.models import Measure, Priority
from apps.performance.selectors.assessment import Assessment
from apps.performance.selectors.summary import performance_summary

POSITIVE, NEGATIVE, OTHER = "positive", "negative", "other"


def significant_change_percent() -> Decimal:
    """How big a year-on-year change must be to be reported as an exception."""
    return Decimal(str(settings.PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT))


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
