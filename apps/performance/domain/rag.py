"""RAG ratings for a measure in a period, against any kind of target, with the reason in words.

Partnerships rate differently, so the rules are a small settings object; the default is the
Norfolk rules: Green – on or better than target; Amber – just below target, or slightly
worsening; Red – below target and worsening. Targets are plain dataclasses so that a Django
model can map its fields to them without this module touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from apps.core import rag as core_rag
from apps.core.rag import RagWord
from apps.performance.domain.trend import (
    AGAINST_PREVIOUS,
    Change,
    Direction,
    Number,
    Polarity,
    change_between,
    format_number,
    format_percent,
    to_decimal,
)

TARGET_NEEDS_DIRECTION = "Choose whether higher or lower is better for the target"
TARGET_VALUE_MISSING = "Enter the target value"
TARGET_BASELINE_MISSING = "Enter a baseline other than zero"
TARGET_CHANGE_NOT_POSITIVE = "Enter the change wanted as a percentage greater than zero"
TOLERANCE_NEGATIVE = "Tolerances cannot be negative"
NO_VALUE = "No value for this period"
NO_COMPARATOR = "No value for {name} in this period"
NO_PREVIOUS = "No previous period to show a trend"


class TargetKind(StrEnum):
    VALUE = "value"  # reach an absolute value, perhaps by a date
    CHANGE_FROM_BASELINE = "change_from_baseline"  # a % reduction or increase on a baseline
    COMPARATOR = "comparator"  # stay below or above a comparator such as the national rate
    DIRECTION = "direction"  # a direction of travel such as "a downward trend"


class Rating(StrEnum):
    """A measure's rating, spelt as the shared RAG vocabulary's keys ("green")."""

    GREEN = core_rag.GREEN.key
    AMBER = core_rag.AMBER.key
    RED = core_rag.RED.key

    @property
    def rag_word(self) -> RagWord:
        """The shared word and colours a page or report shows for this rating."""
        return next(word for word in core_rag.RAG_DEFAULT_SCHEME if word.key == self.value)


@dataclass(frozen=True)
class Target:
    """`better` says which way is success: UP reaches at least the value, increases on the
    baseline, stays above the comparator or trends upward; DOWN the opposite. `value` is the
    level for VALUE and the percentage change wanted (10 for 10%) for CHANGE_FROM_BASELINE."""

    kind: TargetKind
    better: Polarity
    value: Decimal | None = None
    baseline: Decimal | None = None
    due: date | None = None
    comparator_name: str = ""

    def __post_init__(self) -> None:
        if self.better is Polarity.NEITHER:
            raise ValueError(TARGET_NEEDS_DIRECTION)
        if self.kind in (TargetKind.VALUE, TargetKind.CHANGE_FROM_BASELINE) and self.value is None:
            raise ValueError(TARGET_VALUE_MISSING)
        if self.kind is TargetKind.CHANGE_FROM_BASELINE:
            if not self.baseline:
                raise ValueError(TARGET_BASELINE_MISSING)
            if self.value is not None and self.value <= 0:
                raise ValueError(TARGET_CHANGE_NOT_POSITIVE)

    @classmethod
    def reach(cls, value: Number, *, better: Polarity, due: date | None = None) -> Target:
        return cls(TargetKind.VALUE, better, value=to_decimal(value), due=due)

    @classmethod
    def change(cls, percent: Number, *, baseline: Number, better: Polarity) -> Target:
        return cls(
            TargetKind.CHANGE_FROM_BASELINE,
            better,
            value=to_decimal(percent),
            baseline=to_decimal(baseline),
        )

    @classmethod
    def comparator(cls, name: str, *, better: Polarity) -> Target:
        return cls(TargetKind.COMPARATOR, better, comparator_name=name)

    @classmethod
    def direction(cls, better: Polarity) -> Target:
        return cls(TargetKind.DIRECTION, better)


@dataclass(frozen=True)
class RagRules:
    """`amber_band_percent`: how far short of target (as % of the target) is "just below".
    `slight_worsening_percent`: how much worse than the previous period is "slightly".
    `red_only_when_worsening`: the Norfolk reading, where a value well short of target that is
    not getting worse is Amber; False gives the plain "outside the band is Red" scheme."""

    amber_band_percent: Decimal = Decimal(5)
    slight_worsening_percent: Decimal = Decimal(5)
    red_only_when_worsening: bool = True

    def __post_init__(self) -> None:
        if self.amber_band_percent < 0 or self.slight_worsening_percent < 0:
            raise ValueError(TOLERANCE_NEGATIVE)


NORFOLK_RULES = RagRules()


@dataclass(frozen=True)
class RagResult:
    rating: Rating | None  # None when there is not enough to rate
    reason: str
    threshold: Decimal | None = None  # the level the value was compared with


def _amount(size: Decimal, of: Decimal, is_percentage: bool) -> str:
    """How far apart, in the words people use: "3.2%", or percentage points for percentages."""
    if is_percentage:
        return f"{format_number(size)} percentage points"
    if of == 0:
        return format_number(size)
    percent = size / abs(of) * 100
    shown = format_percent(percent)
    return "less than 0.1%" if Decimal(shown) == 0 else f"{shown}%"


def _level(value: Decimal, is_percentage: bool) -> str:
    return f"{format_number(value)}%" if is_percentage else format_number(value)


def _threshold(target: Target, comparator: Decimal | None) -> Decimal | None:
    if target.kind is TargetKind.VALUE:
        return target.value
    if target.kind is TargetKind.COMPARATOR:
        return comparator
    assert target.baseline is not None and target.value is not None
    return target.baseline * (1 + target.better.sign * target.value / 100)


def _position(target: Target, value: Decimal, threshold: Decimal, is_percentage: bool) -> str:
    """Where the value stands, e.g. "3.2% above target of 125"."""
    if target.kind is TargetKind.CHANGE_FROM_BASELINE:
        assert target.baseline is not None and target.value is not None
        wanted = "reduction" if target.better is Polarity.DOWN else "increase"
        aim = f"against a target of a {format_number(target.value)}% {wanted}"
        baseline = _level(target.baseline, is_percentage)
        if value == target.baseline:
            return f"no change from the baseline of {baseline}, {aim}"
        moved = "increase" if value > target.baseline else "reduction"
        size = _amount(abs(value - target.baseline), target.baseline, is_percentage)
        return f"{size} {moved} from the baseline of {baseline}, {aim}"
    side = "above" if value > threshold else "below"
    if target.kind is TargetKind.COMPARATOR:
        name = f"{target.comparator_name or 'the comparator'} of {_level(threshold, is_percentage)}"
        if value == threshold:
            return f"level with {name}"
        return f"{_amount(abs(value - threshold), threshold, is_percentage)} {side} {name}"
    goal = f"target of {_level(threshold, is_percentage)}"
    if target.due is not None:
        goal += f" by {target.due.day} {target.due:%B %Y}"
    if value == threshold:
        return f"on {goal}"
    return f"{_amount(abs(value - threshold), threshold, is_percentage)} {side} {goal}"


def _worse_by_percent(change: Change) -> Decimal | None:
    """How much worse than the previous period, as a % of it; None if that has no meaning."""
    if change.previous == 0:
        return None
    return abs(change.difference) / abs(change.previous) * 100


def _rate_travel(change: Change, rules: RagRules) -> Rating:
    if change.direction is not Direction.WORSENING:
        return Rating.AMBER
    worse = _worse_by_percent(change)
    if worse is not None and worse <= rules.slight_worsening_percent:
        return Rating.AMBER
    return Rating.RED


def _travel_words(change: Change, rules: RagRules) -> str:
    if change.direction is Direction.WORSENING:
        slight = _rate_travel(change, rules) is Rating.AMBER
        return f"{'worsening slightly' if slight else 'worsening'} ({change.describe()})"
    if change.direction is Direction.IMPROVING:
        return f"improving ({change.describe()})"
    return f"unchanged ({change.describe()})"


def rag_assess(
    *,
    target: Target,
    value: Number | None,
    previous: Number | None = None,
    comparator: Number | None = None,
    rules: RagRules = NORFOLK_RULES,
    is_percentage: bool = False,
) -> RagResult:
    """Rate one period's value. `previous` is the value for the period before (for direction of
    travel); `comparator` is this period's comparator value for a COMPARATOR target."""
    if value is None:
        return RagResult(None, NO_VALUE)
    current = to_decimal(value)
    change = (
        None
        if previous is None
        else change_between(
            current=current, previous=previous, polarity=target.better, is_percentage=is_percentage
        )
    )
    if target.kind is TargetKind.DIRECTION:
        if change is None:
            return RagResult(None, NO_PREVIOUS)
        trend = "a downward trend" if target.better is Polarity.DOWN else "an upward trend"
        words = change.describe(AGAINST_PREVIOUS)
        reason = f"{words[0].upper()}{words[1:]}, against a target of {trend}"
        if change.direction is Direction.IMPROVING:
            return RagResult(Rating.GREEN, reason)
        return RagResult(_rate_travel(change, rules), reason)

    threshold = _threshold(target, None if comparator is None else to_decimal(comparator))
    if threshold is None:
        name = target.comparator_name or "the comparator"
        return RagResult(None, NO_COMPARATOR.format(name=name))
    position = _position(target, current, threshold, is_percentage)
    shortfall = (threshold - current) * target.better.sign  # above 0: short of the target
    if shortfall <= 0:
        return RagResult(Rating.GREEN, position, threshold)
    if threshold != 0 and shortfall / abs(threshold) * 100 <= rules.amber_band_percent:
        return RagResult(Rating.AMBER, position, threshold)
    if not rules.red_only_when_worsening or change is None:
        # With nothing to show it is not getting worse, a value well short of target is Red.
        return RagResult(Rating.RED, position, threshold)
    reason = f"{position}, and {_travel_words(change, rules)}"
    return RagResult(_rate_travel(change, rules), reason, threshold)
