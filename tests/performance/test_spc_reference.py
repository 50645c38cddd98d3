"""Worked examples checked by hand, and NHSRplotthedots' own unit tests ported to Python.

The R cases come from tests/testthat/test-ptd_calculate_point_type.R and test-ptd_spc_standard.R
in nhs-r-community/NHSRplotthedots; each test names the R function whose behaviour it pins.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from apps.performance.domain.spc import (
    Rule,
    SpcOptions,
    Variation,
    _runs,
    _trends,
    _two_of_three,
    spc_calculate,
)


def test_mean_and_limits_worked_by_hand() -> None:
    values = [5, 7, 6, 8, 7, 9, 8, 10, 9, 11, 10, 12]
    # Sum 102 over 12 points; moving ranges 2,1,2,1,2,1,2,1,2,1,2 sum to 17 over 11.
    mean = Fraction(102, 12)
    mr_bar = Fraction(17, 11)
    segment = spc_calculate(values).latest_segment
    assert segment.mean == mean == Fraction("8.5")
    assert segment.mean_moving_range == mr_bar
    assert segment.upper_limit == mean + Fraction("2.66") * mr_bar
    assert segment.lower_limit == mean - Fraction("2.66") * mr_bar
    assert segment.upper_limit is not None and segment.upper_two_sigma is not None
    assert float(segment.upper_limit) == pytest.approx(12.6109, abs=1e-4)
    assert float(segment.lower_limit or 0) == pytest.approx(4.3891, abs=1e-4)
    assert float(segment.upper_two_sigma) == pytest.approx(8.5 + 1.77333 * 17 / 11, abs=1e-4)


def test_outlier_screening_worked_by_hand() -> None:
    values = [10, 12, 11, 13, 12, 30, 12, 11, 13, 12, 11, 12]
    # Moving ranges 2,1,2,1,18,18,1,2,1,1,1: mR̄ = 48/11 ≈ 4.364; 3.267 × 4.364 ≈ 14.26, so
    # both ranges of 18 are dropped and mR̄ is recomputed once from the other nine: 12/9.
    screened = spc_calculate(values).latest_segment
    assert screened.mean == Fraction(159, 12)
    assert screened.mean_moving_range == Fraction(12, 9)
    assert screened.upper_limit is not None
    assert float(screened.upper_limit) == pytest.approx(13.25 + 2.66 * 4 / 3)

    unscreened = spc_calculate(values, options=SpcOptions(screen_outliers=False))
    assert unscreened.latest_segment.mean_moving_range == Fraction(48, 11)
    # R: test-ptd_spc_standard "the range ... when screen_outliers = FALSE ... is larger".
    assert unscreened.latest_segment.upper_limit > screened.upper_limit  # type: ignore[operator]
    assert spc_calculate(values).points[5].rules[0] is Rule.BEYOND_LIMITS


def test_a_range_exactly_at_the_screening_limit_is_dropped() -> None:
    # Ranges 0 ×10 and one of r: mR̄ = r/11 and 3.267 × r/11 < r, so r is dropped.
    values = [1] * 11 + [2]
    assert spc_calculate(values).latest_segment.mean_moving_range == 0


def test_a_constant_series_has_no_special_cause() -> None:
    # Deviation from R: with mR̄ = 0 R screens out every range and gives no limits.
    result = spc_calculate([4] * 15)
    assert result.latest_segment.upper_limit == result.latest_segment.lower_limit == 4
    assert result.variation is Variation.COMMON_CAUSE


# ptd_seven_point_trend and ptd_part_of_seven_trend
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], []),
        (list(range(1, 7)), [0] * 6),
        ([1, 2, 3, 3, 4, 5, 6], [0] * 7),
        (list(range(1, 8)), [1] * 7),
        ([2, 1, 2, 3, 4, 5, 6, 7, 3], [0] + [1] * 7 + [0]),
        (list(range(7, 0, -1)), [-1] * 7),
        ([2, 7, 6, 5, 4, 3, 2, 1, 3], [0] + [-1] * 7 + [0]),
    ],
)
def test_trend_as_in_ptd_seven_point_trend(values: list[int], expected: list[int]) -> None:
    assert _trends([Fraction(v) for v in values], 7) == expected


# ptd_seven_point_one_side_mean and ptd_part_of_seven_trend
@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        ([], []),
        ([1] * 6, [0] * 6),
        ([1] * 6 + [-1], [0] * 7),
        ([1] * 8 + [-1], [1] * 8 + [0]),
        ([-1] * 8 + [1], [-1] * 8 + [0]),
        ([-1] + [1] * 8 + [-1], [0] + [1] * 8 + [0]),
        ([1] * 3 + [0] + [1] * 6, [0] * 10),
    ],
)
def test_run_as_in_ptd_seven_point_one_side_mean(sides: list[int], expected: list[int]) -> None:
    assert _runs(sides, 7) == expected


# ptd_two_in_three and ptd_part_of_two_in_three, all points on one side of the mean
@pytest.mark.parametrize(
    ("beyond", "expected"),
    [
        ([], []),
        ([0, 0, 0], [0, 0, 0]),
        ([1, 0, 1], [1, 0, 1]),
        ([0, 1, 1], [0, 1, 1]),
        ([1, 1, 0], [1, 1, 0]),
        ([0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0]),
        ([0, 0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0, 0]),
        ([1, 0, 0, 1], [0, 0, 0, 0]),
        ([1, 0, 0, 1, 1], [0, 0, 0, 1, 1]),
    ],
)
def test_two_of_three_as_in_ptd_two_in_three(beyond: list[int], expected: list[int]) -> None:
    flags = _two_of_three([1] * len(beyond), [bool(b) for b in beyond])
    assert [int(f) for f in flags] == expected


def test_two_close_points_on_opposite_sides_are_common_cause() -> None:
    # R: test-ptd_spc_standard, NHSRplotthedots issue #143.
    values = [1.0, -1.0] * 8
    values[14], values[15] = 5.5, -5.5
    result = spc_calculate(values)
    assert [p.special_cause for p in result.points[-2:]] == [False, False]
    segment = result.latest_segment
    # Mean 0; ranges 2 ×13, 6.5 and 11; 11 ≥ 3.267 × 2.9 is screened out, leaving 32.5/14.
    assert segment.mean == 0
    assert segment.mean_moving_range == Fraction("32.5") / 14


def test_issue_153_two_beyond_limits_then_one_beyond_two_sigma() -> None:
    # NHSRplotthedots issue #153: points s>3, s>3, 2<s<3 on one side. Before the change of
    # November 2023 the last point was common cause; now it meets two-of-three.
    values = [9, 11] * 6 + [10, 16, 17, 14]
    current = spc_calculate(values, options=SpcOptions(fix_after_n_points=12))
    assert current.points[-1].rules == (Rule.TWO_OF_THREE,)
    before = spc_calculate(
        values,
        options=SpcOptions(fix_after_n_points=12, two_of_three_counts_beyond_limits=False),
    )
    assert before.points[-1].rules == ()


def test_fix_after_n_points_uses_only_the_first_points() -> None:
    # R: test-ptd_spc_standard "setting fix_after_n_points changes the calculations".
    values = [9, 11] * 6 + [20, 22, 21, 23]
    free = spc_calculate(values).latest_segment
    fixed = spc_calculate(values, options=SpcOptions(fix_after_n_points=12)).latest_segment
    assert fixed.mean == 10 and fixed.mean_moving_range == 2
    assert free.mean != fixed.mean
    assert free.upper_limit != fixed.upper_limit
