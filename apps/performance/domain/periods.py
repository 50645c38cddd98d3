"""Period labels as officers write them, read into the date the period starts (for ordering),
and the UK financial year and quarter a date falls in (for the quarterly tables)."""

from __future__ import annotations

import re
from datetime import date, datetime

from apps.core.text import text_squash

PERIOD_UNKNOWN = (
    "“{label}” is not a period SaferPlan can read: write it as a month (Jan 2019 or 2019-01), "
    "a quarter (Q1 2013/14) or a financial year (2013/14)"
)

_QUARTER = re.compile(r"^Q([1-4])\s+(\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_MONTH_FORMATS = ("%b %Y", "%B %Y", "%Y-%m", "%m/%Y", "%b %y", "%B %y")


def _follows(first: int, second: str) -> bool:
    return (first + 1) % (100 if len(second) == 2 else 10_000) == int(second)


def parse_period(label: str) -> date:
    """The first day of the period `label` names; ValueError in words if it names none."""
    text = text_squash(label)
    quarter = _QUARTER.match(text)
    if quarter and _follows(int(quarter[2]), quarter[3]):
        start_month = 4 + 3 * (int(quarter[1]) - 1)
        year = int(quarter[2]) + (start_month > 12)
        return date(year, (start_month - 1) % 12 + 1, 1)
    year_match = _FINANCIAL_YEAR.match(text)
    if year_match and _follows(int(year_match[1]), year_match[2]):
        return date(int(year_match[1]), 4, 1)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    for pattern in _MONTH_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().replace(day=1)
        except ValueError:
            pass
    raise ValueError(PERIOD_UNKNOWN.format(label=label))


def financial_year(day: date) -> int:
    """The calendar year the financial year (April to March) containing `day` starts in."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_quarter(day: date) -> int:
    return (day.month - 4) % 12 // 3 + 1


def year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
