"""Working days in England and Wales: Monday to Friday, less the bank holidays.

Update windows open and close a number of working days before a board meeting, and reminders
repeat every N working days (issue 13), so every deadline a partnership sees is counted here.
The bank holidays come from the `holidays` package (England's list, which Wales shares),
including substitute days such as Boxing Day (observed).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

_SATURDAY = 5


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=[year]))


def bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def working_day(day: date) -> bool:
    return day.weekday() < _SATURDAY and not bank_holiday(day)


def working_days_before(day: date, count: int) -> date:
    """The working day `count` working days before `day` (counting back from the day before)."""
    if count < 0:
        return working_days_after(day, -count)
    current = day
    while count:
        current -= timedelta(days=1)
        if working_day(current):
            count -= 1
    return current


def working_days_after(day: date, count: int) -> date:
    """The working day `count` working days after `day`."""
    if count < 0:
        return working_days_before(day, -count)
    current = day
    while count:
        current += timedelta(days=1)
        if working_day(current):
            count -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    days = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if working_day(current):
            days += 1
    return days
