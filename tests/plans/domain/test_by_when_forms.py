"""By-when forms that councils' tables print beyond the seed plans: ISO dates from
spreadsheets, dates with dashes and weekdays, "end of", quarters spelt out, week commencing."""

from __future__ import annotations

from datetime import date

import pytest

from apps.plans.domain.by_when import interpret_by_when

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        # the forms issue 10 names
        ("31/03/2027", "date", date(2027, 3, 31)),
        ("31.3.27", "date", date(2027, 3, 31)),
        ("31st March 2027", "date", date(2027, 3, 31)),
        ("March 2027", "period", date(2027, 3, 31)),
        ("Q3 2026/27", "period", date(2026, 12, 31)),
        ("Summer 26", "period", date(2026, 8, 31)),
        # a spreadsheet's real date, as a reader writes it
        ("2027-03-31", "date", date(2027, 3, 31)),
        ("2027-03-31 00:00:00", "date", date(2027, 3, 31)),
        # dashes, slashes and weekdays around a worded month
        ("31-Mar-2027", "date", date(2027, 3, 31)),
        ("31/Mar/27", "date", date(2027, 3, 31)),
        ("Wednesday 31st March 2027", "date", date(2027, 3, 31)),
        # "end of" and other lead-in words
        ("End of March 2027", "period", date(2027, 3, 31)),
        ("By the end of March 2027", "period", date(2027, 3, 31)),
        ("By end of Q2 2026/27", "period", date(2026, 9, 30)),
        ("no later than 30/9/2026", "date", date(2026, 9, 30)),
        ("Due 31.3.27", "date", date(2027, 3, 31)),
        # quarters spelt out, and with a dash in the financial year
        ("Quarter 3 2026/27", "period", date(2026, 12, 31)),
        ("Q4 2026-27", "period", date(2027, 3, 31)),
        # a week commencing ends six days later
        ("w/c 12/01/2026", "period", date(2026, 1, 18)),
        ("Week commencing 2 March 2026", "period", date(2026, 3, 8)),
        # impossible dates stay unread rather than becoming the end of a year
        ("31-Feb-2027", "unknown", None),
        ("2027-02-31", "unknown", None),
        # words that merely begin like a lead-in are not one
        ("Byron Review", "unknown", None),
        ("Endeavour", "unknown", None),
    ],
)
def test_more_forms(text: str, kind: str, due: date | None) -> None:
    result = interpret_by_when(text, today=TODAY)
    assert (result.kind, result.due_date) == (kind, due)
    assert result.text == text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ongoing – reviewed each quarter", "ongoing"),
        ("On-going (annual)", "ongoing"),
        ("Completed March 2026", "completed"),
        ("Complete: see update", "completed"),
        ("On hold until funding is agreed", "on_hold"),
        ("Not started - awaiting data", "not_started"),
    ],
)
def test_a_state_leading_more_words_is_still_that_state(text: str, status: str) -> None:
    result = interpret_by_when(text, today=TODAY)
    assert (result.kind, result.status, result.due_date) == ("state", status, None)


def test_words_that_only_begin_with_a_state_are_not_one() -> None:
    assert interpret_by_when("Completion of the review", today=TODAY).kind == "unknown"
    assert interpret_by_when("Ongoingness", today=TODAY).kind == "unknown"


def test_states_still_win_over_lead_in_words() -> None:
    assert interpret_by_when("Ongoing", today=TODAY).status == "ongoing"
    assert interpret_by_when("Completed", today=TODAY).status == "completed"
