"""XmR statistical process control as NHS England's "Making Data Count" (MDC) does it.

There is no maintained Python implementation, so this is a small one that follows the reference
R package NHSRplotthedots (nhs-r-community) function by function; each function names the R
function it follows. Values are held as fractions so that a point exactly on the mean or exactly
on a limit is judged exactly, and shifting or rescaling a series never changes its flags.

Where this differs from NHSRplotthedots, it follows the issue (and MDC) instead:
- two-of-three counts points beyond the process limits by default (MDC's change of November
  2023, NHSRplotthedots issue #194); the earlier rule is an option;
- run and trend lengths may be 6 or 7 (the MDC Excel tool's choice; R fixes 7, issue #202);
- a fixed baseline must have at least 12 points (R accepts any number);
- a constant series keeps limits equal to its mean rather than none (see _segment_limits);
- a series of one point has no limits and the variation "insufficient_data";
- neutral polarity is "neither" (R: "neutral"), and "high"/"low" apply to every special cause.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise

from apps.performance.domain.trend import Number, Polarity

PROCESS_LIMIT_FACTOR = Fraction("2.66")  # 3 sigma of an XmR chart, in moving ranges
TWO_SIGMA_FACTOR = PROCESS_LIMIT_FACTOR * 2 / 3  # 1.7733…, as R's `limitclose`
OUTLIER_FACTOR = Fraction("3.267")  # upper range limit used to screen moving ranges
POINTS_FOR_FIRM_LIMITS = 12
RUN_LENGTHS = (6, 7)

NO_VALUES = "Enter at least one value"
NOT_FINITE = "Every value must be a finite number"
PERIODS_MISMATCH = "Give one period for each value"
RUN_LENGTH_INVALID = "The run length must be 6 or 7"
BASELINE_TOO_SHORT = "A baseline must have at least 12 points"
REBASE_PERIOD_UNKNOWN = "The rebase period “{period}” is not in the series"
REBASE_POSITION_INVALID = "The rebase position {position} is outside the series"
WARNING_TRIAL_LIMITS = (
    "Trial limits: fewer than 12 points ({first} to {last}), so treat the limits with caution"
)
WARNING_TOO_SHORT = "Too few points for process limits ({first}): at least 2 are needed"


class Rule(StrEnum):
    """Listed in order of precedence: the first that applies labels the point."""

    BEYOND_LIMITS = "beyond_limits"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"
    RUN = "run"


class Signal(StrEnum):
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEITHER = "neither"  # special cause when the measure's polarity is neutral


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "special_cause_improvement_high"
    IMPROVEMENT_LOW = "special_cause_improvement_low"
    CONCERN_HIGH = "special_cause_concern_high"
    CONCERN_LOW = "special_cause_concern_low"
    NEITHER_HIGH = "special_cause_neither_high"
    NEITHER_LOW = "special_cause_neither_low"
    INSUFFICIENT_DATA = "insufficient_data"


class Assurance(StrEnum):
    CONSISTENTLY_PASSING = "consistently_passing"
    CONSISTENTLY_FAILING = "consistently_failing"
    HIT_AND_MISS = "hit_and_miss"


def _exact(value: Number) -> Fraction:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(NOT_FINITE)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(NOT_FINITE)
    return Fraction(value)


@dataclass(frozen=True)
class SpcOptions:
    """The analyst's settings. Defaults are NHSRplotthedots' defaults and MDC's current rules.

    `two_of_three_counts_beyond_limits`: since NHS England's change of November 2023
    (NHSRplotthedots issue #194) every point beyond two sigma counts towards two-of-three,
    including points beyond the process limits; False gives the earlier rule, where only points
    between two and three sigma count. `rebase_at` holds positions (0-based) or period labels
    where a new segment starts after a known change.
    """

    polarity: Polarity = Polarity.UP
    target: Number | None = None
    run_length: int = 7
    trend_length: int = 7
    screen_outliers: bool = True
    two_of_three_counts_beyond_limits: bool = True
    fix_after_n_points: int | None = None
    rebase_at: tuple[int | str, ...] = ()

    def __post_init__(self) -> None:
        if self.run_length not in RUN_LENGTHS or self.trend_length not in RUN_LENGTHS:
            raise ValueError(RUN_LENGTH_INVALID)
        if self.fix_after_n_points is not None and self.fix_after_n_points < 12:
            raise ValueError(BASELINE_TOO_SHORT)
        if self.target is not None:
            _exact(self.target)


@dataclass(frozen=True)
class Segment:
    """Points [start, end) sharing one mean and one set of limits (a rebase starts another)."""

    start: int
    end: int
    mean: Fraction
    mean_moving_range: Fraction | None  # None when there are too few points for limits
    points_used: int  # how many points the mean and limits come from (a fixed baseline)

    @property
    def has_limits(self) -> bool:
        return self.mean_moving_range is not None

    @property
    def is_trial(self) -> bool:
        return self.points_used < POINTS_FOR_FIRM_LIMITS

    def _offset(self, factor: Fraction) -> Fraction | None:
        return None if self.mean_moving_range is None else factor * self.mean_moving_range

    @property
    def upper_limit(self) -> Fraction | None:
        offset = self._offset(PROCESS_LIMIT_FACTOR)
        return None if offset is None else self.mean + offset

    @property
    def lower_limit(self) -> Fraction | None:
        offset = self._offset(PROCESS_LIMIT_FACTOR)
        return None if offset is None else self.mean - offset

    @property
    def upper_two_sigma(self) -> Fraction | None:
        offset = self._offset(TWO_SIGMA_FACTOR)
        return None if offset is None else self.mean + offset

    @property
    def lower_two_sigma(self) -> Fraction | None:
        offset = self._offset(TWO_SIGMA_FACTOR)
        return None if offset is None else self.mean - offset


@dataclass(frozen=True)
class SpcPoint:
    index: int
    period: str
    value: Fraction
    segment: Segment
    rules: tuple[Rule, ...]  # every rule that flags the point, in order of precedence
    signal: Signal | None  # None for common cause
    high: bool | None  # which side the labelling rule points to; None for common cause

    @property
    def special_cause(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True)
class SpcResult:
    points: tuple[SpcPoint, ...]
    segments: tuple[Segment, ...]
    variation: Variation
    assurance: Assurance | None
    warnings: tuple[str, ...]

    @property
    def latest_segment(self) -> Segment:
        return self.segments[-1]


def _segment_limits(
    values: Sequence[Fraction], *, fix_after: int | None, screen_outliers: bool
) -> tuple[Fraction, Fraction | None, int]:
    """Mean and mean moving range, as R's ptd_spc_standard: both come from the first
    `fix_after` points when fixed; moving ranges at or above 3.267 × mR̄ are dropped and mR̄
    recomputed once. Deviation: when mR̄ is 0 nothing is screened (R would drop every range
    and produce no limits for a constant series)."""
    base = list(values[:fix_after] if fix_after else values)
    mean = sum(base, Fraction(0)) / len(base)
    ranges = [abs(b - a) for a, b in pairwise(base)]
    if not ranges:
        return mean, None, len(base)
    mr_bar = sum(ranges, Fraction(0)) / len(ranges)
    if screen_outliers and mr_bar > 0:
        kept = [r for r in ranges if r < OUTLIER_FACTOR * mr_bar]
        mr_bar = sum(kept, Fraction(0)) / len(kept)
    return mean, mr_bar, len(base)


def _sign(value: Fraction) -> int:
    return (value > 0) - (value < 0)


def _runs(sides: Sequence[int], length: int) -> list[int]:
    """Side of the mean for every point in a run of `length` or more on one side; 0 elsewhere.
    A point on the mean has side 0 and breaks the run (R: ptd_seven_point_one_side_mean and
    ptd_part_of_seven_trend)."""
    flags = [0] * len(sides)
    start = 0
    for i in range(1, len(sides) + 1):
        if i == len(sides) or sides[i] != sides[start]:
            if sides[start] != 0 and i - start >= length:
                flags[start:i] = [sides[start]] * (i - start)
            start = i
    return flags


def _trends(values: Sequence[Fraction], length: int) -> list[int]:
    """+1/−1 for every point of a trend: `length` consecutive points, each after the first
    strictly higher (lower) than the one before, so `length − 1` steps. An equal value breaks
    it (R: ptd_seven_point_trend, counted the same way). A turning point shared by two trends
    takes the later one, as R's "use right side" does; the last point of a trend followed by an
    equal value keeps its own trend's direction (R would read the flat step as "decreasing")."""
    steps = [_sign(b - a) for a, b in pairwise(values)]
    flags = [0] * len(values)
    start = 0
    for i in range(1, len(steps) + 1):
        if i == len(steps) or steps[i] != steps[start]:
            if steps[start] != 0 and i - start + 1 >= length:
                flags[start : i + 1] = [steps[start]] * (i - start + 1)
            start = i
    return flags


def _two_of_three(sides: Sequence[int], counting: Sequence[bool]) -> list[bool]:
    """Two (or three) of three consecutive points beyond two sigma, all three on the same side
    of the mean; only the points beyond two sigma are flagged (R: ptd_two_in_three and
    ptd_part_of_two_in_three)."""
    flags = [False] * len(sides)
    for i in range(len(sides) - 2):
        window = range(i, i + 3)
        if abs(sum(sides[j] for j in window)) == 3 and sum(counting[j] for j in window) >= 2:
            for j in window:
                flags[j] = flags[j] or counting[j]
    return flags


def _segment_points(
    values: Sequence[Fraction], periods: Sequence[str], segment: Segment, options: SpcOptions
) -> list[SpcPoint]:
    """Rules within one segment (R: ptd_calculate_point_type, grouped by rebase group)."""
    y = values[segment.start : segment.end]
    sides = [_sign(v - segment.mean) for v in y]
    upper, lower = segment.upper_limit, segment.lower_limit
    upper_2s, lower_2s = segment.upper_two_sigma, segment.lower_two_sigma
    if upper is None or lower is None or upper_2s is None or lower_2s is None:
        beyond, beyond_2s = [False] * len(y), [False] * len(y)
    else:
        beyond = [v > upper or v < lower for v in y]
        beyond_2s = [v > upper_2s or v < lower_2s for v in y]
    counting = [
        far and (options.two_of_three_counts_beyond_limits or not out)
        for far, out in zip(beyond_2s, beyond, strict=True)
    ]
    runs = _runs(sides, options.run_length)
    trends = _trends(y, options.trend_length)
    two_of_three = _two_of_three(sides, counting)
    points = []
    for k, value in enumerate(y):
        found = [
            (Rule.BEYOND_LIMITS, sides[k] if beyond[k] else 0),
            (Rule.TREND, trends[k]),
            (Rule.TWO_OF_THREE, sides[k] if two_of_three[k] else 0),
            (Rule.RUN, runs[k]),
        ]
        flagged = [(rule, way) for rule, way in found if way != 0]
        rules = tuple(rule for rule, _ in flagged)
        signal, high = None, None
        if flagged:
            # R: ptd_point_type: the direction comes from the rule with precedence.
            way = flagged[0][1]
            high = way > 0
            oriented = way * options.polarity.sign
            signal = (
                Signal.NEITHER
                if oriented == 0
                else Signal.IMPROVEMENT
                if oriented > 0
                else Signal.CONCERN
            )
        index = segment.start + k
        points.append(SpcPoint(index, periods[index], value, segment, rules, signal, high))
    return points


def _segment_starts(
    periods: Sequence[str], rebase_at: Sequence[int | str], count: int
) -> list[int]:
    """R: ptd_add_rebase_column: the rebase period is the first point of the new segment."""
    starts = {0}
    for mark in rebase_at:
        if isinstance(mark, str):
            if mark not in periods:
                raise ValueError(REBASE_PERIOD_UNKNOWN.format(period=mark))
            starts.add(list(periods).index(mark))
        else:
            if not 0 <= mark < count:
                raise ValueError(REBASE_POSITION_INVALID.format(position=mark))
            starts.add(mark)
    return sorted(starts)


def _variation(point: SpcPoint) -> Variation:
    """The latest point's category, as R's summary() reads `point_type` of the last point."""
    if not point.segment.has_limits:
        return Variation.INSUFFICIENT_DATA
    if point.signal is None:
        return Variation.COMMON_CAUSE
    side = "high" if point.high else "low"
    return Variation(f"special_cause_{point.signal.value}_{side}")


def _assurance(segment: Segment, options: SpcOptions) -> Assurance | None:
    """R: ptd_calculate_assurance_type, on the latest segment's limits. A target exactly on a
    limit is inside the limits (hit and miss)."""
    upper, lower = segment.upper_limit, segment.lower_limit
    if options.target is None or options.polarity is Polarity.NEITHER:
        return None
    if upper is None or lower is None:
        return None
    target = _exact(options.target)
    passing, failing = Assurance.CONSISTENTLY_PASSING, Assurance.CONSISTENTLY_FAILING
    if options.polarity is Polarity.DOWN:
        passing, failing = failing, passing
    if target > upper:
        return failing
    if target < lower:
        return passing
    return Assurance.HIT_AND_MISS


def spc_calculate(
    values: Sequence[Number],
    *,
    periods: Sequence[str] | None = None,
    options: SpcOptions | None = None,
) -> SpcResult:
    """An XmR chart for `values` (consecutive periods, oldest first; R: ptd_spc)."""
    options = options or SpcOptions()
    if not values:
        raise ValueError(NO_VALUES)
    exact = [_exact(v) for v in values]
    labels = list(periods) if periods is not None else [str(i + 1) for i in range(len(exact))]
    if len(labels) != len(exact):
        raise ValueError(PERIODS_MISMATCH)
    starts = _segment_starts(labels, options.rebase_at, len(exact))
    segments, points, warnings = [], [], []
    for start, end in zip(starts, [*starts[1:], len(exact)], strict=True):
        mean, mr_bar, used = _segment_limits(
            exact[start:end],
            fix_after=options.fix_after_n_points,
            screen_outliers=options.screen_outliers,
        )
        segment = Segment(start, end, mean, mr_bar, used)
        segments.append(segment)
        points.extend(_segment_points(exact, labels, segment, options))
        # R: ptd_add_short_group_warnings, which warns below 12 points.
        if not segment.has_limits:
            warnings.append(WARNING_TOO_SHORT.format(first=labels[start]))
        elif segment.is_trial:
            last = labels[start + used - 1]
            warnings.append(WARNING_TRIAL_LIMITS.format(first=labels[start], last=last))
    return SpcResult(
        points=tuple(points),
        segments=tuple(segments),
        variation=_variation(points[-1]),
        assurance=_assurance(segments[-1], options),
        warnings=tuple(warnings),
    )
