"""RAG ratings and their reasons, under the Norfolk rules unless a test says otherwise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from apps.performance.domain import rag
from apps.performance.domain.rag import (
    NORFOLK_RULES,
    RagRules,
    Rating,
    Target,
    TargetKind,
    rag_assess,
)
from apps.performance.domain.trend import Polarity

AT_MOST_125 = Target.reach(125, better=Polarity.DOWN)
AT_LEAST_60 = Target.reach(60, better=Polarity.UP)
OVER = "12.0% above target of 125"
AIM = "from the baseline of 500, against a target of a 10% reduction"
DOWNWARD = "on the previous period, against a target of a downward trend"


def test_the_reason_in_words() -> None:
    result = rag_assess(target=AT_MOST_125, value=129)
    assert result.reason == "3.2% above target of 125"
    assert result.threshold == 125


@pytest.mark.parametrize(
    ("value", "rating", "reason"),
    [
        (125, Rating.GREEN, "on target of 125"),
        (100, Rating.GREEN, "20.0% below target of 125"),
        (129, Rating.AMBER, "3.2% above target of 125"),
        (Decimal("131.25"), Rating.AMBER, "5.0% above target of 125"),  # edge of the band
        (Decimal("125.01"), Rating.AMBER, "less than 0.1% above target of 125"),
    ],
)
def test_green_on_or_better_amber_just_short(value: int, rating: Rating, reason: str) -> None:
    result = rag_assess(target=AT_MOST_125, value=value)
    assert (result.rating, result.reason) == (rating, reason)


@pytest.mark.parametrize(
    ("previous", "rating", "reason"),
    [
        (None, Rating.RED, OVER),
        (130, Rating.RED, f"{OVER}, and worsening (up 10 (7.7%) on the previous period)"),
        (139, Rating.AMBER, f"{OVER}, and worsening slightly (up 1 (0.7%) on the previous period)"),
        (150, Rating.AMBER, f"{OVER}, and improving (down 10 (6.7%) on the previous period)"),
        (140, Rating.AMBER, f"{OVER}, and unchanged (no change on the previous period)"),
    ],
)
def test_well_short_of_target_is_red_only_when_worsening(
    previous: int | None, rating: Rating, reason: str
) -> None:
    result = rag_assess(target=AT_MOST_125, value=140, previous=previous)
    assert (result.rating, result.reason) == (rating, reason)


def test_a_plain_tolerance_scheme_can_be_chosen() -> None:
    rules = RagRules(amber_band_percent=Decimal(10), red_only_when_worsening=False)
    assert rag_assess(target=AT_MOST_125, value=135, rules=rules).rating is Rating.AMBER
    result = rag_assess(target=AT_MOST_125, value=140, previous=150, rules=rules)
    assert result.rating is Rating.RED
    assert result.reason == "12.0% above target of 125"


def test_higher_is_better_and_percentage_units() -> None:
    target = Target.reach(60, better=Polarity.UP, due=date(2026, 3, 31))
    result = rag_assess(target=target, value=Decimal("57.5"), is_percentage=True)
    assert result.rating is Rating.AMBER
    assert result.reason == "2.5 percentage points below target of 60% by 31 March 2026"
    assert rag_assess(target=AT_LEAST_60, value=61).rating is Rating.GREEN


def test_a_target_of_zero_is_described_in_units() -> None:
    target = Target.reach(0, better=Polarity.DOWN)
    result = rag_assess(target=target, value=4)
    assert (result.rating, result.reason) == (Rating.RED, "4 above target of 0")


@pytest.mark.parametrize(
    ("value", "rating", "reason"),
    [
        (450, Rating.GREEN, f"10.0% reduction {AIM}"),
        (460, Rating.AMBER, f"8.0% reduction {AIM}"),
        (500, Rating.RED, f"no change {AIM}"),
        (515, Rating.RED, f"3.0% increase {AIM}"),
    ],
)
def test_a_reduction_against_a_baseline(value: int, rating: Rating, reason: str) -> None:
    target = Target.change(10, baseline=500, better=Polarity.DOWN)
    result = rag_assess(target=target, value=value)
    assert (result.rating, result.reason, result.threshold) == (rating, reason, 450)


def test_an_increase_against_a_baseline() -> None:
    target = Target.change(Decimal("2.5"), baseline=80, better=Polarity.UP)
    result = rag_assess(target=target, value=82)
    assert result.threshold == 82
    assert result.rating is Rating.GREEN
    assert result.reason == (
        "2.5% increase from the baseline of 80, against a target of a 2.5% increase"
    )


def test_staying_below_a_comparator() -> None:
    target = Target.comparator("the national rate", better=Polarity.DOWN)
    result = rag_assess(target=target, value=46, comparator=Decimal("45.1"))
    assert (result.rating, result.reason) == (Rating.AMBER, "2.0% above the national rate of 45.1")
    level = rag_assess(target=target, value=Decimal("45.1"), comparator=Decimal("45.1"))
    assert (level.rating, level.reason) == (Rating.GREEN, "level with the national rate of 45.1")
    missing = rag_assess(target=target, value=46)
    assert missing.rating is None
    assert missing.reason == rag.NO_COMPARATOR.format(name="the national rate")


@pytest.mark.parametrize(
    ("value", "previous", "rating", "reason"),
    [
        (46, 50, Rating.GREEN, f"Down 4 (8.0%) {DOWNWARD}"),
        (50, 50, Rating.AMBER, f"No change {DOWNWARD}"),
        (51, 50, Rating.AMBER, f"Up 1 (2.0%) {DOWNWARD}"),
        (60, 50, Rating.RED, f"Up 10 (20.0%) {DOWNWARD}"),
    ],
)
def test_a_direction_of_travel(value: int, previous: int, rating: Rating, reason: str) -> None:
    result = rag_assess(target=Target.direction(Polarity.DOWN), value=value, previous=previous)
    assert (result.rating, result.reason) == (rating, reason)


def test_nothing_to_rate() -> None:
    assert rag_assess(target=AT_MOST_125, value=None).reason == rag.NO_VALUE
    result = rag_assess(target=Target.direction(Polarity.UP), value=5)
    assert (result.rating, result.reason) == (None, rag.NO_PREVIOUS)


def test_norfolk_rules_are_the_default() -> None:
    assert RagRules() == NORFOLK_RULES
    assert NORFOLK_RULES.red_only_when_worsening


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Target.reach(5, better=Polarity.NEITHER), rag.TARGET_NEEDS_DIRECTION),
        (lambda: Target(TargetKind.VALUE, Polarity.UP), rag.TARGET_VALUE_MISSING),
        (lambda: Target.change(10, baseline=0, better=Polarity.DOWN), rag.TARGET_BASELINE_MISSING),
        (
            lambda: Target.change(0, baseline=5, better=Polarity.DOWN),
            rag.TARGET_CHANGE_NOT_POSITIVE,
        ),
        (lambda: RagRules(amber_band_percent=Decimal(-1)), rag.TOLERANCE_NEGATIVE),
    ],
)
def test_invalid_targets_are_refused(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]
