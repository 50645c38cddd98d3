"""Reading a "by when" as people write it: a date, a fuzzy period, a state, ASAP or TBC.

The text is always kept as written; the interpretation gives a due date for overdue checks
(the last day of a period) and, for a state such as "Completed", the action's status.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

BY_WHEN_HELP = (
    "For example 31/7/2026, April 2027, Summer 26, 2025 - 2027, On-going, Completed, "
    "On hold, ASAP or TBC"
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# Season → last month of the season (winter ends in February of the next year).
_SEASONS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 14}
_STATES = {
    "ongoing": "ongoing",
    "completed": "completed",
    "complete": "completed",
    "onhold": "on_hold",
    "notstarted": "not_started",
}


@dataclass(frozen=True)
class ByWhen:
    text: str
    kind: str  # date, period, state, asap, tbc, empty or unknown
    due_date: date | None = None
    status: str | None = None


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _month_end(year: int, month: int) -> date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _as_date(text: str) -> date | None:
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", text)
    if not match:
        return None
    day, month, year = int(match[1]), int(match[2]), _year(match[3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _as_period(text: str) -> date | None:
    lowered = text.lower().replace(",", " ")
    if match := re.fullmatch(r"([a-z]+)\.?\s*'?(\d{2}|\d{4})", lowered):
        word, year = match[1], _year(match[2])
        if word in _MONTHS:
            return _month_end(year, _MONTHS[word])
        if word in _SEASONS:
            return _month_end(year, _SEASONS[word])
        return None
    if match := re.fullmatch(r"q([1-4])\s*(\d{4})", lowered):
        return _month_end(_year(match[2]), int(match[1]) * 3)
    if match := re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", lowered):
        return date(_year(match[2]), 12, 31)
    if match := re.fullmatch(r"(\d{2}|\d{4})\s*/\s*(\d{2})", lowered):
        # A financial year such as 2026/27 or 25/26 ends on 31 March.
        return date(_year(match[1]) + 1, 3, 31)
    return None


def interpret_by_when(text: str | None) -> ByWhen:
    """Interpret a by-when; never raises, unreadable text is kind "unknown" with no date."""
    written = " ".join((text or "").split())
    if not written:
        return ByWhen(written, "empty")
    key = re.sub(r"[^a-z]", "", written.lower())
    if key in _STATES:
        return ByWhen(written, "state", status=_STATES[key])
    if key == "asap":
        return ByWhen(written, "asap")
    if key == "tbc":
        return ByWhen(written, "tbc")
    if (as_date := _as_date(written)) is not None:
        return ByWhen(written, "date", due_date=as_date)
    if (period_end := _as_period(written)) is not None:
        return ByWhen(written, "period", due_date=period_end)
    return ByWhen(written, "unknown")


def is_recognised(text: str | None) -> bool:
    return interpret_by_when(text).kind != "unknown"
