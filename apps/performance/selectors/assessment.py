"""One measure's latest position: SPC, RAG with its reason, and trend, from stored observations.

Maps the Measure model onto the domain modules (spc, rag, trend) and back into words; it reads
only the observations it is given, so callers control the queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from apps.performance.domain.assessment import (
    ASSURANCE_WORDS,
    NO_OBSERVATIONS,
    NO_TARGET,
    RULE_WORDS,
    VARIATION_WORDS,
    change_words,
)
from apps.performance.domain.periods import year_before
from apps.performance.domain.rag import RagResult, RagRules, Target, TargetKind, rag_assess
from apps.performance.domain.spc import Signal, SpcOptions, SpcResult, spc_calculate
from apps.performance.domain.trend import (
    AGAINST_LAST_YEAR,
    AGAINST_PREVIOUS,
    Change,
    Polarity,
    change_between,
)
from apps.performance.models import Measure, Observation


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
            words.append(change_words(self.vs_previous, AGAINST_PREVIOUS))
        if self.vs_last_year is not None:
            words.append(change_words(self.vs_last_year, AGAINST_LAST_YEAR))
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
