"""Working days in England and Wales, bank holidays and their substitute days included."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from apps.core.domain.working_days import (
    bank_holiday,
    working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)


def test_bank_holidays_and_their_substitutes_are_not_working_days() -> None:
    assert bank_holiday(date(2027, 3, 26))  # Good Friday
    assert bank_holiday(date(2027, 3, 29))  # Easter Monday
    assert bank_holiday(date(2026, 12, 28))  # Boxing Day (observed), a Monday
    assert not working_day(date(2026, 12, 28))
    assert not working_day(date(2026, 12, 5))  # a Saturday
    assert working_day(date(2026, 12, 29))


def test_counting_back_from_a_board_meeting_skips_easter() -> None:
    # A board on Thursday 1 April 2027: 5 working days before skips Easter Monday and Good Friday.
    assert working_days_before(date(2027, 4, 1), 5) == date(2027, 3, 23)
    assert working_days_before(date(2027, 4, 8), 5) == date(2027, 4, 1)
    # 15 working days before skips Good Friday and Easter Monday as well as weekends.
    assert working_days_before(date(2027, 4, 8), 15) == date(2027, 3, 16)
    assert working_days_after(date(2027, 3, 25), 1) == date(2027, 3, 30)
    assert working_days_between(date(2027, 3, 25), date(2027, 3, 30)) == 1


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_before_after_and_between_agree(day: date, count: int) -> None:
    back = working_days_before(day, count)
    # (back, day] holds the count - 1 working days between them, and the day if it is one.
    expected = 0 if count == 0 else count - 1 + working_day(day)
    assert working_days_between(back, day) == expected
    assert working_days_between(day, back) == -expected
    forward = working_days_after(day, count)
    assert working_days_between(day, forward) == count
    assert count == 0 or working_day(forward)
    assert count == 0 or working_day(back)
    assert working_days_after(day, -count) == back
    assert back <= day <= forward
    assert forward - day <= timedelta(days=count * 2 + 10)
