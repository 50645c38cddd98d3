"""The XmR engine's rules, one behaviour at a time.

Most cases fix the limits on a baseline of twelve points alternating 9 and 11 (mean 10, mean
moving range 2), so the points appended after it are judged against limits that do not move:
process limits 10 ± 5.32 and two sigma 10 ± 3.5466….
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pytest

from apps.performance.domain import spc
from apps.performance.domain.spc import (
    Assurance,
    Rule,
    Signal,
    SpcOptions,
    Variation,
    spc_calculate,
)
from apps.performance.domain.trend import Number, Polarity

BASELINE: list[Number] = [9, 11] * 6
N = len(BASELINE)


def after_baseline(tail: Sequence[Number], **settings: object) -> spc.SpcResult:
    options = SpcOptions(fix_after_n_points=12, **settings)  # type: ignore[arg-type]
    return spc_calculate([*BASELINE, *tail], options=options)


def tail_rules(result: spc.SpcResult) -> list[tuple[str, ...]]:
    return [tuple(r.value for r in point.rules) for point in result.points[N:]]


def test_fixed_baseline_limits() -> None:
    segment = after_baseline([10]).latest_segment
    assert segment.mean == 10
    assert segment.mean_moving_range == 2
    assert segment.upper_limit == Fraction("15.32")
    assert segment.lower_limit == Fraction("4.68")
    assert segment.upper_two_sigma == 10 + Fraction(2 * 266 * 2, 300)  # 2/3 of 2.66 × mR̄
    assert segment.points_used == 12


def test_the_baseline_alone_is_common_cause() -> None:
    result = after_baseline([])
    assert not any(point.special_cause for point in result.points)
    assert result.variation is Variation.COMMON_CAUSE
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (16, ("beyond_limits",)),
        (4, ("beyond_limits",)),
        (Decimal("15.32"), ()),  # exactly on the limit is inside it
        (Decimal("15.33"), ("beyond_limits",)),
    ],
)
def test_a_point_beyond_a_process_limit(value: Decimal, expected: tuple[str, ...]) -> None:
    assert tail_rules(after_baseline([10, value])) == [(), expected]


def test_a_trend_of_seven_rising_points() -> None:
    result = after_baseline([10, 7, 8, 9, 10, 11, 12, 13])
    assert tail_rules(result) == [()] + [("trend",)] * 7
    assert result.variation is Variation.IMPROVEMENT_HIGH


def test_a_trend_of_seven_falling_points_is_a_concern_when_higher_is_better() -> None:
    result = after_baseline([10, 13, 12, 11, 10, 9, 8, 7])
    assert tail_rules(result) == [()] + [("trend",)] * 7
    assert {p.signal for p in result.points[N + 1 :]} == {Signal.CONCERN}
    assert result.variation is Variation.CONCERN_LOW


def test_six_rising_points_are_not_a_trend_unless_the_length_is_six() -> None:
    tail: list[Number] = [10, 8, 9, 10, 11, 12, 13]
    assert tail_rules(after_baseline(tail)) == [()] * 7
    assert tail_rules(after_baseline(tail, trend_length=6)) == [()] + [("trend",)] * 6


def test_a_repeated_value_breaks_a_trend() -> None:
    assert tail_rules(after_baseline([10, 7, 8, 9, 9, 10, 11, 12, 13])) == [()] * 9


def test_a_turning_point_takes_the_direction_of_the_later_trend() -> None:
    result = after_baseline([10, 6.5, 7, 8, 9, 10, 11, 12, 11, 10, 9, 8, 7, 6.5])
    peak = result.points[N + 7]
    assert peak.value == 12
    assert peak.rules == (Rule.TREND,)
    assert peak.high is False and peak.signal is Signal.CONCERN


def test_a_run_of_seven_points_on_one_side() -> None:
    result = after_baseline([10] + [11] * 7)
    assert tail_rules(result) == [()] + [("run",)] * 7
    assert result.variation is Variation.IMPROVEMENT_HIGH


def test_a_run_of_six_needs_a_run_length_of_six() -> None:
    assert tail_rules(after_baseline([10] + [9] * 6)) == [()] * 7
    result = after_baseline([10] + [9] * 6, run_length=6)
    assert tail_rules(result) == [()] + [("run",)] * 6
    assert result.variation is Variation.CONCERN_LOW


def test_a_point_on_the_mean_breaks_a_run() -> None:
    assert tail_rules(after_baseline([10, 11, 11, 11, 10, 11, 11, 11, 11])) == [()] * 9


def test_two_of_three_beyond_two_sigma_flags_only_those_points() -> None:
    assert tail_rules(after_baseline([10, 14, 12, 14])) == [
        (),
        ("two_of_three",),
        (),
        ("two_of_three",),
    ]


def test_two_of_three_needs_all_three_on_the_same_side() -> None:
    assert tail_rules(after_baseline([10, 14, 6, 14])) == [()] * 4
    assert tail_rules(after_baseline([10, 14, 10, 14])) == [()] * 4


def test_two_of_three_counts_points_beyond_the_limits_since_november_2023() -> None:
    tail: list[Number] = [10, 14, 16, 12]
    assert tail_rules(after_baseline(tail)) == [
        (),
        ("two_of_three",),
        ("beyond_limits", "two_of_three"),
        (),
    ]
    before = after_baseline(tail, two_of_three_counts_beyond_limits=False)
    assert tail_rules(before) == [(), (), ("beyond_limits",), ()]


def test_rules_are_listed_in_precedence_and_the_first_gives_the_direction() -> None:
    # Rising points below the mean: a trend upwards, but also a run below the mean.
    result = after_baseline([10, 5, 6, 7, 8, 9, 9.5, 9.8])
    assert tail_rules(result) == [
        (),
        ("trend", "two_of_three", "run"),
        ("trend", "two_of_three", "run"),
        ("trend", "run"),
        ("trend", "run"),
        ("trend", "run"),
        ("trend", "run"),
        ("trend", "run"),
    ]
    assert {p.signal for p in result.points[N + 1 :]} == {Signal.IMPROVEMENT}
    assert result.points[-1].high is True


def test_beyond_limits_takes_precedence_over_a_run() -> None:
    result = after_baseline([10, 11, 11, 11, 16, 11, 11, 11])
    assert result.points[N + 4].rules == (Rule.BEYOND_LIMITS, Rule.RUN)


def test_lower_is_better_reverses_improvement_and_concern() -> None:
    result = after_baseline([10, 16], polarity=Polarity.DOWN)
    assert result.points[-1].signal is Signal.CONCERN
    assert result.variation is Variation.CONCERN_HIGH


def test_neutral_polarity_gives_neither() -> None:
    result = after_baseline([10, 4], polarity=Polarity.NEITHER, target=8)
    assert result.points[-1].signal is Signal.NEITHER
    assert result.variation is Variation.NEITHER_LOW
    assert result.assurance is None


def test_variation_reads_the_latest_point_only() -> None:
    assert after_baseline([10, 16, 10]).variation is Variation.COMMON_CAUSE


@pytest.mark.parametrize(
    ("target", "polarity", "expected"),
    [
        (20, Polarity.UP, Assurance.CONSISTENTLY_FAILING),
        (20, Polarity.DOWN, Assurance.CONSISTENTLY_PASSING),
        (2, Polarity.UP, Assurance.CONSISTENTLY_PASSING),
        (2, Polarity.DOWN, Assurance.CONSISTENTLY_FAILING),
        (12, Polarity.UP, Assurance.HIT_AND_MISS),
        (Decimal("15.32"), Polarity.UP, Assurance.HIT_AND_MISS),
        (None, Polarity.UP, None),
    ],
)
def test_assurance_against_a_target(
    target: Decimal | None, polarity: Polarity, expected: Assurance | None
) -> None:
    assert after_baseline([], target=target, polarity=polarity).assurance is expected


def test_rebasing_gives_each_segment_its_own_mean_and_limits() -> None:
    values = [9, 11] * 6 + [19, 21] * 6
    unrebased = spc_calculate(values)
    assert any(point.special_cause for point in unrebased.points)

    for mark in (12, "13"):
        result = spc_calculate(values, options=SpcOptions(rebase_at=(mark,)))
        first, second = result.segments
        assert (first.start, first.end, first.mean) == (0, 12, 10)
        assert (second.start, second.end, second.mean) == (12, 24, 20)
        assert not any(point.special_cause for point in result.points)


def test_a_trend_does_not_run_across_a_rebase() -> None:
    values = [9, 11] * 5 + [1, 2, 3, 4] + [5, 6, 7] + [9, 11] * 5
    assert Rule.TREND in spc_calculate(values).points[11].rules
    rebased = spc_calculate(values, options=SpcOptions(rebase_at=(14,)))
    assert all(Rule.TREND not in point.rules for point in rebased.points)


def test_fixed_limits_come_from_the_first_points_of_each_segment() -> None:
    values = [9, 11] * 6 + [30] + [19, 21] * 6 + [40]
    options = SpcOptions(fix_after_n_points=12, rebase_at=(13,))
    first, second = spc_calculate(values, options=options).segments
    assert (first.mean, first.points_used) == (10, 12)
    assert (second.mean, second.points_used) == (20, 12)


def test_a_fixed_baseline_longer_than_the_series_uses_every_point() -> None:
    segment = spc_calculate([1, 2, 3], options=SpcOptions(fix_after_n_points=24)).segments[0]
    assert segment.points_used == 3


def test_fewer_than_twelve_points_give_trial_limits_with_a_warning() -> None:
    result = spc_calculate([1, 3, 2, 4], periods=["Jan", "Feb", "Mar", "Apr"])
    assert result.latest_segment.is_trial
    assert result.warnings == (spc.WARNING_TRIAL_LIMITS.format(first="Jan", last="Apr"),)
    assert result.latest_segment.upper_limit is not None


def test_a_single_point_is_too_short_for_limits() -> None:
    result = spc_calculate([7], periods=["2024-01"], options=SpcOptions(target=5))
    assert result.latest_segment.upper_limit is None
    assert result.variation is Variation.INSUFFICIENT_DATA
    assert result.assurance is None
    assert result.warnings == (spc.WARNING_TOO_SHORT.format(first="2024-01"),)
    assert not result.points[0].special_cause


def test_a_short_segment_after_a_rebase_is_warned_about() -> None:
    result = spc_calculate([9, 11] * 6 + [5, 6], options=SpcOptions(rebase_at=(12,)))
    assert result.warnings == (spc.WARNING_TRIAL_LIMITS.format(first="13", last="14"),)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"run_length": 5}, spc.RUN_LENGTH_INVALID),
        ({"trend_length": 8}, spc.RUN_LENGTH_INVALID),
        ({"fix_after_n_points": 11}, spc.BASELINE_TOO_SHORT),
        ({"target": float("nan")}, spc.NOT_FINITE),
    ],
)
def test_invalid_settings_are_refused(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SpcOptions(**settings)  # type: ignore[arg-type]


def test_invalid_series_are_refused() -> None:
    with pytest.raises(ValueError, match=spc.NO_VALUES):
        spc_calculate([])
    with pytest.raises(ValueError, match=spc.NOT_FINITE):
        spc_calculate([1, float("inf")])
    with pytest.raises(ValueError, match=spc.PERIODS_MISMATCH):
        spc_calculate([1, 2], periods=["a"])
    with pytest.raises(ValueError, match="“May” is not in the series"):
        spc_calculate([1, 2], periods=["a", "b"], options=SpcOptions(rebase_at=("May",)))
    with pytest.raises(ValueError, match=spc.REBASE_POSITION_INVALID.format(position=5)):
        spc_calculate([1, 2], options=SpcOptions(rebase_at=(5,)))
