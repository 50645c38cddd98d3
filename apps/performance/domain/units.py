"""The units a measure is counted in, the amounts SaferPlan holds, and a figure written with its
unit as documents print it."""

from __future__ import annotations

from decimal import Context, Decimal
from enum import StrEnum
from typing import overload

from apps.performance.domain.trend import Number, format_number, to_decimal

# Figures are held with 14 digits, 4 of them after the point.
AMOUNT_DIGITS, AMOUNT_PLACES = 14, 4
AMOUNT_LIMIT = Decimal("9999999999")
TOO_LARGE = "The number is too large"
_WIDE = Context(prec=100)  # enough digits that rounding a held amount never overflows


class Unit(StrEnum):
    COUNT = "count"
    PERCENTAGE = "percentage"
    RATE_PER_1000 = "rate_per_1000"
    POUNDS_THOUSANDS = "pounds_thousands"
    MINUTES = "minutes"


def format_value(value: Number | None, unit: str, places: int | None = None) -> str:
    """A figure with its unit, as the documents print it: "15%", "£1.1k", "0.45 per 1,000"."""
    if value is None:
        return ""
    exact = to_decimal(value)
    if places is not None:
        exact = exact.quantize(Decimal(1).scaleb(-places))
    number = format_number(exact)
    if unit == Unit.PERCENTAGE:
        return f"{number}%"
    if unit == Unit.POUNDS_THOUSANDS:
        return f"£{number}k"
    if unit == Unit.MINUTES:
        return f"{number} minutes"
    if unit == Unit.RATE_PER_1000:
        return f"{number} per 1,000"
    return number


@overload
def amount_round(value: Decimal, places: int = AMOUNT_PLACES) -> Decimal: ...
@overload
def amount_round(value: None, places: int = AMOUNT_PLACES) -> None: ...
def amount_round(value: Decimal | None, places: int = AMOUNT_PLACES) -> Decimal | None:
    """A typed figure rounded to the places the database holds, so validation does not refuse a
    figure for digits the database would drop anyway."""
    if value is None or not value.is_finite():
        return value
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        return value.quantize(Decimal(1).scaleb(-places), context=_WIDE)
    return value


def amount_text(value: Decimal | None) -> str:
    """A held figure as it would be typed, without the database's trailing zeros ("12.5")."""
    return "" if value is None else f"{value.normalize():f}"
