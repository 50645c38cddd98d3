"""Change against the previous period and the same period last year."""

from __future__ import annotations

from decimal import Decimal

import pytest

from apps.performance.domain import trend
from apps.performance.domain.trend import (
    AGAINST_LAST_YEAR,
    Direction,
    Polarity,
    change_between,
    trend_for_series,
)


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "direction"),
    [
        (110, 100, Polarity.UP, Direction.IMPROVING),
        (110, 100, Polarity.DOWN, Direction.WORSENING),
        (90, 100, Polarity.DOWN, Direction.IMPROVING),
        (90, 100, Polarity.UP, Direction.WORSENING),
        (100, 100, Polarity.UP, Direction.NO_CHANGE),
        (110, 100, Polarity.NEITHER, Direction.NOT_APPLICABLE),
        (100, 100, Polarity.NEITHER, Direction.NO_CHANGE),
    ],
)
def test_direction_is_read_through_polarity(
    current: int, previous: int, polarity: Polarity, direction: Direction
) -> None:
    change = change_between(current=current, previous=previous, polarity=polarity)
    assert change.direction is direction


def test_change_as_value_and_percent() -> None:
    change = change_between(current=129, previous=125, polarity=Polarity.DOWN)
    assert change.difference == 4
    assert change.percent_change == Decimal("3.2")
    assert change.percentage_points is None
    assert change.describe() == "up 4 (3.2%) on the previous period"


def test_percentages_change_in_percentage_points() -> None:
    change = change_between(
        current=Decimal("57.5"), previous=60, polarity=Polarity.UP, is_percentage=True
    )
    assert change.percentage_points == Decimal("-2.5")
    assert change.percent_change is None
    assert change.describe(AGAINST_LAST_YEAR) == (
        "down 2.5 percentage points on the same period last year"
    )


def test_floats_are_taken_as_written() -> None:
    change = change_between(current=0.3, previous=0.1, polarity=Polarity.UP)
    assert change.difference == Decimal("0.2")


def test_a_change_from_zero_has_no_percentage() -> None:
    change = change_between(current=5, previous=0, polarity=Polarity.UP)
    assert change.percent_change is None
    assert change.describe() == "up 5 on the previous period"


def test_no_change_in_words() -> None:
    change = change_between(current=7, previous=7, polarity=Polarity.UP)
    assert change.describe() == "no change on the previous period"


def test_a_series_against_the_previous_period_and_last_year() -> None:
    values = [100, 90, 95, 80, 85]  # quarters
    result = trend_for_series(values, polarity=Polarity.DOWN, periods_per_year=4)
    assert result.vs_previous is not None and result.vs_last_year is not None
    assert result.vs_previous.difference == 5
    assert result.vs_previous.direction is Direction.WORSENING
    assert result.vs_last_year.previous == 100
    assert result.vs_last_year.percent_change == -15
    assert result.vs_last_year.direction is Direction.IMPROVING


@pytest.mark.parametrize(
    ("values", "per_year"),
    [
        ([], 12),
        ([5], 12),
        ([5, 6, 7], 12),  # not a year of data yet
        ([5, 6, 7], None),
    ],
)
def test_no_comparison_a_year_back_without_the_data(
    values: list[int], per_year: int | None
) -> None:
    assert (
        trend_for_series(values, polarity=Polarity.UP, periods_per_year=per_year).vs_last_year
        is None
    )


def test_missing_values_give_no_comparison_rather_than_a_guess() -> None:
    result = trend_for_series([1, None, 3], polarity=Polarity.UP, periods_per_year=2)
    assert result.vs_previous is None
    assert result.vs_last_year is not None and result.vs_last_year.difference == 2
    assert trend_for_series([1, 2, None], polarity=Polarity.UP).vs_previous is None


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match=trend.PERIODS_PER_YEAR_INVALID):
        trend_for_series([1, 2], polarity=Polarity.UP, periods_per_year=0)
    with pytest.raises(ValueError, match=trend.NOT_FINITE):
        change_between(current=float("nan"), previous=1, polarity=Polarity.UP)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("125"), "125"),
        (Decimal("125.00"), "125"),
        (Decimal("12.50"), "12.5"),
        (Decimal("1234567"), "1,234,567"),
        (Decimal("1E+2"), "100"),
        (Decimal("-0.25"), "-0.25"),
    ],
)
def test_numbers_are_written_plainly(value: Decimal, text: str) -> None:
    assert trend.format_number(value) == text


def test_percentages_round_half_up() -> None:
    assert trend.format_percent(Decimal("3.25")) == "3.3"
    assert trend.format_percent(Decimal("3.2")) == "3.2"
