"""The period a column heading of a performance report names ("Q1", "Apr-25", "2024/25",
"Jan–Mar 2026", "Year to date"), read with the year the report is about when the heading does
not say it ("Performance 2025/26" above the table).

Quarters are the UK financial year's (Q1 is April to June), as community safety partnerships
and the Home Office report them; a report that gives only a calendar year ("2025") with quarter
headings is read as the financial year starting in it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from apps.core.text import text_plain, text_squash
from apps.performance.domain.periods import financial_year_label

PeriodKind = Literal["month", "quarter", "year", "range", "ytd"]

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
} | {"sept": 9}

# Words that decorate a period heading without changing the period: "Q1 actual", "Apr outturn".
_DECORATIONS = re.compile(
    r"\b(actuals?|out ?turns?|performance|figures?|results?|data|position|values?|"
    r"financial year|fy|year end|full year|annual|total|totals)\b"
)
_TARGET_WORD = re.compile(r"\btargets?\b")
_FY = re.compile(r"(?<!\d)(20\d{2}|\d{2})\s*[/-]\s*(20\d{2}|\d{2})(?!\d)")
_CALENDAR_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_PARENTHESES = re.compile(r"\([^)]*\)")
_QUARTER = re.compile(r"^(?:q|qtr|quarter)\s*([1-4])$|^([1-4])(?:st|nd|rd|th)? quarter$")
_MONTH = re.compile(r"^([a-z]+)\.?(?:\s*[-' ]?\s*(\d{4}|\d{2}))?$")
_ISO_MONTH = re.compile(r"^(20\d{2})-(\d{1,2})$|^(\d{1,2})/(20\d{2})$")
_RANGE = re.compile(
    r"^([a-z]+)\.?\s*(\d{4}|\d{2})?\s*(?:-|to|until)\s*([a-z]+)\.?\s*(\d{4}|\d{2})?$"
)
_YTD = re.compile(r"^(?:f?ytd|year to date|financial year to date|cumulative)$")


@dataclass(frozen=True)
class YearContext:
    """The year a report is about: a financial year (start_year 2025 for 2025/26) or a
    calendar year."""

    start_year: int
    financial: bool = True

    @property
    def label(self) -> str:
        return financial_year_label(self.start_year) if self.financial else str(self.start_year)


@dataclass(frozen=True)
class PeriodHeading:
    """What a heading names. ``label`` is the period as SaferPlan shows and reads it ("Q1
    2025/26", "Apr 2025", "2024/25"); ``start`` is None when no year was given anywhere."""

    kind: PeriodKind
    label: str
    start: date | None
    end: date | None
    target: bool = False  # "Q1 target": the period's own target, not its figure

    @property
    def dated(self) -> bool:
        return self.start is not None


def _full_year(text: str) -> int:
    number = int(text)
    return number + 2000 if number < 100 else number


def _follows(first: str, second: str) -> bool:
    start, end = _full_year(first), _full_year(second)
    return end == start + 1 and (len(second) == 2 or len(second) == 4)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _financial_start(start_year: int, month: int) -> date:
    """The first day of `month` within the financial year starting in April of `start_year`."""
    return date(start_year if month >= 4 else start_year + 1, month, 1)


def year_context(texts: Iterable[str]) -> YearContext | None:
    """The first financial year any of the texts names ("2025/26", "2025-26"), else the first
    calendar year ("2025"), else None."""
    texts = list(texts)
    for text in texts:
        for match in _FY.finditer(text_plain(text)):
            if _follows(match[1], match[2]):
                return YearContext(_full_year(match[1]), financial=True)
    for text in texts:
        found = _CALENDAR_YEAR.search(text_plain(text))
        if found:
            return YearContext(int(found[1]), financial=False)
    return None


def latest_financial_year(texts: Iterable[str]) -> YearContext | None:
    """The latest financial year the texts name: a header of "2024/25", "Q1 2025/26" and
    "Q1 target" is about 2025/26."""
    years = [
        _full_year(match[1])
        for text in texts
        for match in _FY.finditer(text_plain(text))
        if _follows(match[1], match[2])
    ]
    return YearContext(max(years)) if years else None


def _quarter(number: int, year: YearContext | None, target: bool) -> PeriodHeading:
    if year is None:
        return PeriodHeading("quarter", f"Q{number}", None, None, target)
    start = _add_months(date(year.start_year, 4, 1), 3 * (number - 1))
    label = f"Q{number} {financial_year_label(year.start_year)}"
    return PeriodHeading("quarter", label, start, _add_months(start, 3) - timedelta(days=1), target)


def _month(
    month: int, explicit: str | None, year: YearContext | None, target: bool
) -> PeriodHeading:
    if explicit is not None:
        start: date | None = date(_full_year(explicit), month, 1)
    elif year is None:
        start = None
    elif year.financial:
        start = _financial_start(year.start_year, month)
    else:
        start = date(year.start_year, month, 1)
    if start is None:
        return PeriodHeading("month", calendar.month_abbr[month], None, None, target)
    return PeriodHeading(
        "month", f"{start:%b %Y}", start, _month_end(start.year, start.month), target
    )


def _range(match: re.Match[str], year: YearContext | None, original: str) -> PeriodHeading | None:
    first, second = MONTHS.get(match[1]), MONTHS.get(match[3])
    if first is None or second is None:
        return None
    if match[4] is not None:
        end_year = _full_year(match[4])
        start_year = _full_year(match[2]) if match[2] else end_year - (first > second)
    elif match[2] is not None:
        start_year = _full_year(match[2])
        end_year = start_year + (first > second)
    elif year is not None and year.financial:
        start_year = _financial_start(year.start_year, first).year
        end_year = _financial_start(year.start_year, second).year
    elif year is not None:
        start_year, end_year = year.start_year, year.start_year + (first > second)
    else:
        return PeriodHeading("range", text_squash(original), None, None)
    start, end = date(start_year, first, 1), _month_end(end_year, second)
    if first in (1, 4, 7, 10) and _add_months(start, 3) - timedelta(days=1) == end:
        fiscal = start.year if start.month >= 4 else start.year - 1
        number = (start.month - 4) % 12 // 3 + 1
        return _quarter(number, YearContext(fiscal), False)
    if first == 4 and _add_months(start, 12) - timedelta(days=1) == end:
        return PeriodHeading("year", financial_year_label(start.year), start, end)
    return PeriodHeading("range", text_squash(original), start, end)


def period_heading(text: str, *, year: YearContext | None = None) -> PeriodHeading | None:
    """The period a heading names, or None when it names none.

    A year in the heading itself wins over ``year``, the report's year from its title.
    """
    plain = text_plain(text).lower()
    if not plain or len(plain) > 60:
        return None
    target = bool(_TARGET_WORD.search(plain))
    words = _TARGET_WORD.sub(" ", plain)
    own_year: YearContext | None = None
    fy = next((m for m in _FY.finditer(words) if _follows(m[1], m[2])), None)
    if fy is not None:
        own_year = YearContext(_full_year(fy[1]))
        words = words[: fy.start()] + " " + words[fy.end() :]
    words = _PARENTHESES.sub(" ", words)
    words = " ".join(_DECORATIONS.sub(" ", words).replace(",", " ").split())
    context = own_year or year
    if not words:
        if own_year is None or target:
            return None
        first = date(own_year.start_year, 4, 1)
        return PeriodHeading("year", own_year.label, first, _add_months(first, 12) - timedelta(1))
    if _YTD.match(words):
        label = f"{context.label} year to date" if context else "Year to date"
        start = date(context.start_year, 4, 1) if context and context.financial else None
        return PeriodHeading("ytd", label, start, None, target)
    quarter = _QUARTER.match(words)
    if quarter:
        return _quarter(int(quarter[1] or quarter[2]), context, target)
    if own_year is None and (calendar_year := re.fullmatch(r"20\d{2}", words)):
        if target:
            return None
        number = int(calendar_year[0])
        return PeriodHeading("year", str(number), date(number, 1, 1), date(number, 12, 31))
    iso = _ISO_MONTH.match(words)
    if iso:
        year_text, month_text = (iso[1], iso[2]) if iso[1] else (iso[4], iso[3])
        if 1 <= int(month_text) <= 12:
            return _month(int(month_text), year_text, context, target)
        return None
    month = _MONTH.match(words)
    if month and month[1] in MONTHS:
        return _month(MONTHS[month[1]], month[2], context, target)
    span = _RANGE.match(words)
    if span:
        heading = _range(span, context, text)
        if heading is not None:
            return PeriodHeading(heading.kind, heading.label, heading.start, heading.end, target)
    return None
