"""Reading a "by when" as people write it: a date, a fuzzy period, a state, ASAP or TBC.

Delivery plans never use one date format: the same column holds "31/7/2026", "Summer 26",
"2025 - 2027", "On-going" and "ASAP". The text is always kept as written; this module only
interprets it, giving a due date for overdue checks (the last day of a period, so nothing is
overdue before its time) and, for a state such as "Completed", the action's status.

Pure Python on purpose: the importer, forms and reports all share it without Django.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from apps.core.text import text_squash

BY_WHEN_HELP = (
    "For example, 31/7/2026, April 2027, Summer 26, Q3 2026, 2026/27, 2025 - 2027, "
    "On-going, Completed, On hold, Not started, ASAP or TBC."
)

KINDS = ("date", "period", "state", "asap", "tbc", "empty", "unknown")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# Season -> its last month; winter runs December to February, so it ends in month 14.
_SEASONS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 14}
_STATES = {
    "ongoing": "ongoing",
    "completed": "completed",
    "complete": "completed",
    "onhold": "on_hold",
    "notstarted": "not_started",
}
_ASAP = {"asap", "assoonaspossible", "immediately"}
_TBC = {"tbc", "tba", "tbd", "tobeconfirmed", "tobeagreed"}

_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")
_DATE_SHAPE = re.compile(r"\d+\s*[/.\-]\s*\d+\s*[/.\-]\s*\d+")
_WORDED_DATE = re.compile(
    r"(?:(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+|\s*[-/]\s*)([a-z]+)\.?,?(?:\s+|\s*[-/]\s*)(\d{4}|\d{2})"
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?")
# "By the end of March 2027", "end Q2 2026/27", "no later than 31/3/27": the period still ends then.
_LEAD_IN = re.compile(
    r"^(?:(?:by|before|no later than|not later than|deadline|due)\b)?\s*(?:the\b)?\s*"
    r"(?:end\s+of\b|end\b)?\s*"
)
_STATE_FIRST = re.compile(
    r"^(on[\s-]?going|completed?|on[\s-]?hold|not[\s-]started)(?:\s*[,.;:()\-–—]\s*|\s+)\S"
)
_WEEK_COMMENCING = re.compile(r"^(?:w/c|wc|week commencing|week beginning|w/b)\.?\s+")
_NAMED = re.compile(r"([a-z]+)\.?\s*[-']?\s*(\d{4}|\d{2})?")
_QUARTER = re.compile(r"(?:q|quarter\s*)([1-4])\s*(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?")
_FINANCIAL_YEAR = re.compile(r"(?:fy\s*)?(\d{4}|\d{2})\s*/\s*(\d{4}|\d{2})|(\d{4})-(\d{2})")
_YEAR = re.compile(r"(?:end of\s+)?(\d{4})")
_RANGE = re.compile(r"\s*(?:[-–—]|\bto\b|\buntil\b)\s*")


@dataclass(frozen=True)
class ByWhen:
    """A by-when as written, what kind it is, and the due date or status it implies."""

    text: str
    kind: str  # one of KINDS
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
    day = month = year = None
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), _year(match[3])
    elif (match := _WORDED_DATE.fullmatch(text)) and match[2] in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2]], _year(match[3])
    if day is None or month is None or year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named_period(text: str, today: date) -> date | None:
    """A month or season, with or without a year ("April 2027", "Summer 26", "Autumn")."""
    match = _NAMED.fullmatch(text)
    if not match:
        return None
    word = match[1]
    last_month = _MONTHS.get(word) or _SEASONS.get(word)
    if last_month is None:
        return None
    if match[2]:
        return _month_end(_year(match[2]), last_month)
    # No year written: this year's, except that in January or February "winter" is this one.
    year = today.year - 1 if last_month == 14 and today.month <= 2 else today.year
    return _month_end(year, last_month)


def _financial(text: str) -> date | None:
    """A financial year ("2026/27", "25/26") ends on 31 March; "Q3 2026/27" ends its quarter."""
    if (match := _QUARTER.fullmatch(text)) and match[3]:
        first, second = _year(match[2]), _year(match[3])
        if second != first + 1:
            return None
        return _month_end(first, 3 + 3 * int(match[1]))
    if match := _QUARTER.fullmatch(text):
        return _month_end(_year(match[2]), 3 * int(match[1]))
    if match := _FINANCIAL_YEAR.fullmatch(text):
        start, end = (match[1], match[2]) if match[1] else (match[3], match[4])
        first, second = _year(start), _year(end)
        if second == first + 1:
            return date(second, 3, 31)
        if len(start) <= 2 and 1 <= int(start) <= 12 and len(end) == 4:
            return _month_end(second, int(start))  # "03/2026": a month and year
    return None


def _period(text: str, today: date) -> date | None:
    if match := _YEAR.fullmatch(text):
        return date(int(match[1]), 12, 31)
    return _financial(text) or _named_period(text, today)


def _range_end(text: str, today: date) -> date | None:
    """The end of a range such as "2025 - 2027", "Oct 2023 – April 2025" or "March/April 2025"."""
    if _DATE_SHAPE.fullmatch(text) or _WORDED_DATE.fullmatch(text):
        return None  # an impossible date such as 31/2/2026 or 31-Feb-2027 is not a range
    parts = [p for p in _RANGE.split(text) if p]
    if len(parts) < 2 and re.search(r"[a-z]\s*/", text):
        parts = [p.strip() for p in text.split("/") if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1]
    return _as_date(last) or _period(last, today)


def interpret_by_when(text: str | None, *, today: date | None = None) -> ByWhen:
    """Interpret a by-when; never raises: unreadable text is kind "unknown" with no date.

    ``today`` only matters for a month or season written without a year ("Autumn").
    """
    written = text_squash(text)
    if not written:
        return ByWhen(written, "empty")
    key = re.sub(r"[^a-z]", "", written.lower())
    if key in _STATES:
        return ByWhen(written, "state", status=_STATES[key])
    if key in _ASAP:
        return ByWhen(written, "asap")
    if key in _TBC:
        return ByWhen(written, "tbc")
    lowered = _LEAD_IN.sub("", written.lower().strip(" .")).strip(" .") or written.lower()
    if (as_date := _as_date(lowered)) is not None:
        return ByWhen(written, "date", due_date=as_date)
    if (week := _WEEK_COMMENCING.match(lowered)) and (start := _as_date(lowered[week.end() :])):
        return ByWhen(written, "period", due_date=start + timedelta(days=6))
    today = today or date.today()
    end = _period(lowered, today) or _range_end(lowered, today)
    if end is not None:
        return ByWhen(written, "period", due_date=end)
    if state := _STATE_FIRST.match(lowered):
        # "Ongoing – reviewed each quarter", "Completed (March 2026)": the state leads
        return ByWhen(written, "state", status=_STATES[re.sub(r"[^a-z]", "", state[1])])
    return ByWhen(written, "unknown")


def is_recognised(text: str | None) -> bool:
    """True if the by-when is empty or readable (a date, period, state, ASAP or TBC)."""
    return interpret_by_when(text).kind != "unknown"
