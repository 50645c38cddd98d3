"""Change against the previous period and the same period last year, read through polarity.

Kept apart from SPC because a short series still needs these simple comparisons, and RAG rules
("slightly worsening") are phrased in terms of them. Decimal arithmetic keeps the figures exact
as entered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

Number = int | float | Decimal | Fraction

NOT_FINITE = "Every value must be a finite number"
PERIODS_PER_YEAR_INVALID = "The number of periods in a year must be at least 1"

AGAINST_PREVIOUS = "the previous period"
AGAINST_LAST_YEAR = "the same period last year"


class Polarity(StrEnum):
    """Which way is better for a measure."""

    UP = "up"  # higher is better
    DOWN = "down"  # lower is better
    NEITHER = "neither"  # neither direction is better (e.g. a count we only watch)

    @property
    def sign(self) -> int:
        return {Polarity.UP: 1, Polarity.DOWN: -1, Polarity.NEITHER: 0}[self]


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no change"
    NOT_APPLICABLE = "not applicable"


def to_decimal(value: Number) -> Decimal:
    """Exact for Decimal and int; floats go through str() so 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, Fraction):
        result = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(NOT_FINITE)
        result = Decimal(str(value))
    else:
        result = Decimal(value)
    if not result.is_finite():
        raise ValueError(NOT_FINITE)
    return result


def format_number(value: Decimal) -> str:
    """125 rather than 125.00; thousands separated by commas as GOV.UK style asks."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def format_percent(value: Decimal) -> str:
    """One decimal place, rounding half up as people expect ("3.25%" → "3.3%")."""
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"


def direction_of(difference: Decimal, polarity: Polarity) -> Direction:
    if difference == 0:
        return Direction.NO_CHANGE
    if polarity is Polarity.NEITHER:
        return Direction.NOT_APPLICABLE
    return Direction.IMPROVING if difference * polarity.sign > 0 else Direction.WORSENING


@dataclass(frozen=True)
class Change:
    """One comparison. `percent_change` is None for percentage units (use percentage points)
    and when the earlier value is zero (a percentage of nothing means nothing)."""

    current: Decimal
    previous: Decimal
    difference: Decimal
    percent_change: Decimal | None
    is_percentage: bool
    direction: Direction

    @property
    def percentage_points(self) -> Decimal | None:
        return self.difference if self.is_percentage else None

    def describe(self, against: str = AGAINST_PREVIOUS) -> str:
        """In words, e.g. "up 4 (3.2%) on the previous period"."""
        if self.difference == 0:
            return f"no change on {against}"
        word = "up" if self.difference > 0 else "down"
        size = abs(self.difference)
        if self.is_percentage:
            amount = f"{format_number(size)} percentage points"
        elif self.percent_change is None:
            amount = format_number(size)
        else:
            amount = f"{format_number(size)} ({format_percent(abs(self.percent_change))}%)"
        return f"{word} {amount} on {against}"


def change_between(
    *, current: Number, previous: Number, polarity: Polarity, is_percentage: bool = False
) -> Change:
    now, before = to_decimal(current), to_decimal(previous)
    difference = now - before
    percent: Decimal | None = None
    if not is_percentage and before != 0:
        percent = difference / abs(before) * 100
    return Change(
        current=now,
        previous=before,
        difference=difference,
        percent_change=percent,
        is_percentage=is_percentage,
        direction=direction_of(difference, polarity),
    )


@dataclass(frozen=True)
class Trend:
    vs_previous: Change | None
    vs_last_year: Change | None


def trend_for_series(
    values: Sequence[Number | None],
    *,
    polarity: Polarity,
    periods_per_year: int | None = None,
    is_percentage: bool = False,
) -> Trend:
    """Compare the latest value with the one before and the one a year before.

    `values` are consecutive periods, oldest first, None where a period has no value; a year
    back is `periods_per_year` places back (12 for months, 4 for quarters). Without it, or when
    either value is missing, the comparison is None rather than a guess.
    """
    if periods_per_year is not None and periods_per_year < 1:
        raise ValueError(PERIODS_PER_YEAR_INVALID)

    def against(back: int | None) -> Change | None:
        if not values or back is None or back >= len(values):
            return None
        current, earlier = values[-1], values[-1 - back]
        if current is None or earlier is None:
            return None
        return change_between(
            current=current, previous=earlier, polarity=polarity, is_percentage=is_percentage
        )

    return Trend(vs_previous=against(1), vs_last_year=against(periods_per_year))
