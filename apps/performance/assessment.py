"""One measure's latest position: SPC, RAG with its reason, and trend, from stored observations.

Maps the Measure model onto the plain computation modules (spc, rag, trend) and back into
words; it reads only the observations it is given, so callers control the queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from apps.performance.models import Measure, Observation
from apps.performance.periods import year_before
from apps.performance.rag import RagResult, RagRules, Target, TargetKind, rag_assess
from apps.performance.spc import Signal, SpcOptions, SpcResult, spc_calculate
from apps.performance.trend import (
    AGAINST_LAST_YEAR,
    AGAINST_PREVIOUS,
    Change,
    Direction,
    Number,
    Polarity,
    change_between,
    format_number,
    to_decimal,
)

DEFAULT_SIGNIFICANT_CHANGE_PERCENT = Decimal(10)
NO_TARGET = "No target set"
TARGET_NOT_SET_FOR_PERIOD = "No target value for this period"
NO_OBSERVATIONS = "No figures yet"

VARIATION_WORDS = {
    "common_cause": "Common cause variation: no signal of change",
    "special_cause_improvement_high": "Special cause variation: improvement (high)",
    "special_cause_improvement_low": "Special cause variation: improvement (low)",
    "special_cause_concern_high": "Special cause variation: concern (high)",
    "special_cause_concern_low": "Special cause variation: concern (low)",
    "special_cause_neither_high": "Special cause variation (high); neither direction is better",
    "special_cause_neither_low": "Special cause variation (low); neither direction is better",
    "insufficient_data": "Too few points to judge variation",
}
ASSURANCE_WORDS = {
    "consistently_passing": "The target is consistently met",
    "consistently_failing": "The target is consistently missed unless the process changes",
    "hit_and_miss": "The target will be met in some periods and missed in others",
}
RULE_WORDS = {
    "beyond_limits": "a point beyond the process limits",
    "trend": "a run of points rising or falling",
    "two_of_three": "two of three points close to a limit",
    "run": "a run of points on one side of the mean",
}


def significant_change_percent() -> Decimal:
    """How big a year-on-year change must be to be reported as an exception (a setting)."""
    return Decimal(str(getattr(settings, "PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT", None) or 10))


def format_value(value: Number | None, unit: str, places: int | None = None) -> str:
    """A figure with its unit, as the documents print it: "15%", "£1.1k", "0.45 per 1,000"."""
    if value is None:
        return ""
    exact = to_decimal(value)
    if places is not None:
        exact = exact.quantize(Decimal(1).scaleb(-places))
    number = format_number(exact)
    if unit == Measure.Unit.PERCENTAGE:
        return f"{number}%"
    if unit == Measure.Unit.POUNDS_THOUSANDS:
        return f"£{number}k"
    if unit == Measure.Unit.MINUTES:
        return f"{number} minutes"
    if unit == Measure.Unit.RATE_PER_1000:
        return f"{number} per 1,000"
    return number


def measure_target(measure: Measure, observation: Observation | None = None) -> Target | None:
    """The rag.Target for a measure, with the observation's own period target if it has one.
    None when there is no usable target (no kind, no value, or no better direction)."""
    if not measure.target_kind or measure.polarity == Polarity.NEITHER:
        return None
    kind = TargetKind(measure.target_kind)
    better = Polarity(measure.polarity)
    value = measure.target_value
    if kind is TargetKind.VALUE and observation is not None and observation.target_value:
        value = observation.target_value
    try:
        return Target(
            kind,
            better,
            value=value,
            baseline=measure.baseline_value,
            due=measure.target_due,
            comparator_name=measure.target_comparator_name,
        )
    except ValueError:
        return None


@dataclass(frozen=True)
class Assessment:
    measure: Measure
    observations: Sequence[Observation]
    spc: SpcResult | None
    spc_error: str
    rag: RagResult | None
    vs_previous: Change | None
    vs_last_year: Change | None
    notes: list[str] = field(default_factory=list)
    # the RAG of every period's figure, oldest first (None where no target applies)
    period_ratings: Sequence[RagResult | None] = ()

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    @property
    def rag_reason(self) -> str:
        if self.latest is None:
            return NO_OBSERVATIONS
        return self.rag.reason if self.rag is not None else NO_TARGET

    @property
    def trend_words(self) -> list[str]:
        words = []
        if self.vs_previous is not None:
            words.append(_describe(self.vs_previous, AGAINST_PREVIOUS))
        if self.vs_last_year is not None:
            words.append(_describe(self.vs_last_year, AGAINST_LAST_YEAR))
        return words

    @property
    def variation_words(self) -> str:
        return "" if self.spc is None else VARIATION_WORDS[self.spc.variation.value]

    @property
    def assurance_words(self) -> str:
        if self.spc is None or self.spc.assurance is None:
            return ""
        return ASSURANCE_WORDS[self.spc.assurance.value]

    @property
    def latest_signal(self) -> Signal | None:
        if self.spc is None or not self.spc.points:
            return None
        return self.spc.points[-1].signal

    @property
    def latest_rules(self) -> list[str]:
        if self.spc is None or not self.spc.points:
            return []
        return [RULE_WORDS[rule.value] for rule in self.spc.points[-1].rules]

    @property
    def year_on_year_percent(self) -> Decimal | None:
        """Relative change on the same period last year (for percentages too)."""
        change = self.vs_last_year
        if change is None or change.previous == 0:
            return None
        return change.difference / abs(change.previous) * 100


def _describe(change: Change, against: str) -> str:
    words = change.describe(against)
    if change.direction in (Direction.IMPROVING, Direction.WORSENING):
        words += f" ({change.direction.value})"
    return words[0].upper() + words[1:]


def spc_options(measure: Measure) -> SpcOptions:
    target = measure_target(measure)
    constant_target = target.value if target and target.kind is TargetKind.VALUE else None
    return SpcOptions(
        polarity=Polarity(measure.polarity),
        target=constant_target,
        run_length=measure.spc_run_length,
        trend_length=measure.spc_run_length,
        two_of_three_counts_beyond_limits=measure.spc_two_of_three_counts_beyond_limits,
        fix_after_n_points=measure.spc_baseline_points,
        rebase_at=measure.rebase_periods,
    )


def measure_assessment(
    measure: Measure, observations: Sequence[Observation] | None = None
) -> Assessment:
    """SPC, RAG and trend for the latest observation. `observations` are the measure's, oldest
    first; when omitted they are read (one query)."""
    if observations is None:
        observations = list(measure.observations.order_by("period_start"))
    observations = sorted(observations, key=lambda o: o.period_start)
    if not observations:
        return Assessment(measure, observations, None, "", None, None, None)
    spc, spc_error = None, ""
    try:
        spc = spc_calculate(
            [o.value for o in observations],
            periods=[o.period_label for o in observations],
            options=spc_options(measure),
        )
    except ValueError as error:
        spc_error = str(error)
    latest = observations[-1]
    previous = observations[-2] if len(observations) > 1 else None
    polarity = Polarity(measure.polarity)
    is_percentage = measure.is_percentage

    def compare(earlier: Observation | None) -> Change | None:
        if earlier is None:
            return None
        return change_between(
            current=latest.value,
            previous=earlier.value,
            polarity=polarity,
            is_percentage=is_percentage,
        )

    a_year_back = year_before(latest.period_start)
    last_year = next((o for o in observations if o.period_start == a_year_back), None)
    ratings = [
        observation_rag(measure, o, observations[i - 1] if i else None)
        for i, o in enumerate(observations)
    ]
    return Assessment(
        measure=measure,
        observations=observations,
        spc=spc,
        spc_error=spc_error,
        rag=ratings[-1],
        vs_previous=compare(previous),
        vs_last_year=compare(last_year),
        period_ratings=ratings,
    )


def observation_rag(
    measure: Measure, observation: Observation, previous: Observation | None
) -> RagResult | None:
    """The RAG of one period's figure, against that period's target and the figure before it,
    so a board can see how each quarter was rated, not only the latest."""
    target = measure_target(measure, observation)
    if target is None:
        return None
    rules = RagRules(
        amber_band_percent=measure.amber_band_percent,
        slight_worsening_percent=measure.slight_worsening_percent,
    )
    return rag_assess(
        target=target,
        value=observation.value,
        previous=None if previous is None else previous.value,
        comparator=observation.comparator_value,
        rules=rules,
        is_percentage=measure.is_percentage,
    )
