"""By-when interpretation for every form the brief lists and every form found in the seed plans."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apps.plans.domain.by_when import BY_WHEN_HELP, KINDS, interpret_by_when, is_recognised

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("text", "kind", "due", "status"),
    [
        # dates, UK day/month/year
        ("31/7/2026", "date", date(2026, 7, 31), None),
        ("31/3/2025", "date", date(2025, 3, 31), None),
        ("31/07/26", "date", date(2026, 7, 31), None),
        ("31.7.2026", "date", date(2026, 7, 31), None),
        ("1/4/2026", "date", date(2026, 4, 1), None),
        ("31st March 2025", "date", date(2025, 3, 31), None),
        ("by 31/3/2026", "date", date(2026, 3, 31), None),
        # months: the last day of the month
        ("April 2027", "period", date(2027, 4, 30), None),
        ("April 2025", "period", date(2025, 4, 30), None),
        ("April 2026", "period", date(2026, 4, 30), None),
        ("December 2026", "period", date(2026, 12, 31), None),
        ("January 2025", "period", date(2025, 1, 31), None),
        ("February 2026", "period", date(2026, 2, 28), None),
        ("March 2025", "period", date(2025, 3, 31), None),
        ("June 2025", "period", date(2025, 6, 30), None),
        ("Jan 2024", "period", date(2024, 1, 31), None),
        ("Nov 2024", "period", date(2024, 11, 30), None),
        ("Sept 25", "period", date(2025, 9, 30), None),
        ("03/2026", "period", date(2026, 3, 31), None),
        # seasons: spring to May, summer to August, autumn to November, winter to February
        ("Summer 26", "period", date(2026, 8, 31), None),
        ("Spring 2026", "period", date(2026, 5, 31), None),
        ("Autumn", "period", date(2026, 11, 30), None),
        ("Winter 25", "period", date(2026, 2, 28), None),
        # quarters, years and financial years
        ("Q3 2026", "period", date(2026, 9, 30), None),
        ("Q3 2026/27", "period", date(2026, 12, 31), None),
        ("2026", "period", date(2026, 12, 31), None),
        ("2026/27", "period", date(2027, 3, 31), None),
        ("2026-27", "period", date(2027, 3, 31), None),
        ("25/26", "period", date(2026, 3, 31), None),
        # ranges end when their last part ends
        ("2025 - 2027", "period", date(2027, 12, 31), None),
        ("2025 – 2027", "period", date(2027, 12, 31), None),
        ("2025 - 2026", "period", date(2026, 12, 31), None),
        ("Oct 2023 – April 2025", "period", date(2025, 4, 30), None),
        ("March/April 2025", "period", date(2025, 4, 30), None),
        # states
        ("On-going", "state", None, "ongoing"),
        ("Ongoing", "state", None, "ongoing"),
        ("On going", "state", None, "ongoing"),
        ("Completed", "state", None, "completed"),
        ("Complete", "state", None, "completed"),
        ("On hold", "state", None, "on_hold"),
        ("Not started", "state", None, "not_started"),
        # no date
        ("ASAP", "asap", None, None),
        ("TBC", "tbc", None, None),
        ("", "empty", None, None),
        (None, "empty", None, None),
        ("when the review ends", "unknown", None, None),
        ("31/2/2026", "unknown", None, None),
        ("1/13/2026", "unknown", None, None),
        ("Smarch 2026", "unknown", None, None),
        ("2026/2029", "unknown", None, None),
    ],
)
def test_interpretation(text: str | None, kind: str, due: date | None, status: str | None) -> None:
    result = interpret_by_when(text, today=TODAY)
    assert (result.kind, result.due_date, result.status) == (kind, due, status)


def test_year_less_winter_early_in_the_year_is_the_current_winter() -> None:
    assert interpret_by_when("Winter", today=date(2026, 1, 10)).due_date == date(2026, 2, 28)
    assert interpret_by_when("Winter", today=date(2026, 10, 1)).due_date == date(2027, 2, 28)


def test_text_kept_as_written_apart_from_spacing() -> None:
    result = interpret_by_when("  Summer   26 ")
    assert result.text == "Summer 26"


def test_recognised_and_help() -> None:
    assert is_recognised("On-going")
    assert is_recognised("")
    assert not is_recognised("sometime")
    assert BY_WHEN_HELP.startswith("For example,") and BY_WHEN_HELP.count(".") == 1
    for example in ("31/7/2026", "April 2027", "Summer 26", "2025 - 2027", "On hold", "TBC"):
        assert example in BY_WHEN_HELP
        assert is_recognised(example)


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    result = interpret_by_when(text, today=TODAY)
    assert result.kind in KINDS
    assert (result.due_date is not None) == (result.kind in ("date", "period"))
