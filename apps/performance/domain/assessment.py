"""The words a measure's assessment is told in: SPC variation, assurance and rules, and change
against an earlier period."""

from __future__ import annotations

from apps.performance.domain.trend import Change, Direction

NO_TARGET = "No target set"
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


def change_words(change: Change, against: str) -> str:
    """A change as a sentence, naming the direction when one is better: "Up 3 (improving)"."""
    words = change.describe(against)
    if change.direction in (Direction.IMPROVING, Direction.WORSENING):
        words += f" ({change.direction.value})"
    return words[0].upper() + words[1:]
