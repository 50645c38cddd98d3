"""Period labels as officers write them."""

from __future__ import annotations

from datetime import date

import pytest

from apps.performance.domain.periods import (
    financial_quarter,
    financial_year,
    financial_year_label,
    parse_period,
    year_before,
)


@pytest.mark.parametrize(
    ("label", "start"),
    [
        ("Q1 2013/14", date(2013, 4, 1)),
        ("Q4 2013/14", date(2014, 1, 1)),
        ("q2 2013-2014", date(2013, 7, 1)),
        ("2013/14", date(2013, 4, 1)),
        ("Jan 2019", date(2019, 1, 1)),
        ("January 2019", date(2019, 1, 1)),
        ("2019-01", date(2019, 1, 1)),
        ("2019-01-15", date(2019, 1, 15)),
        ("15/01/2019", date(2019, 1, 15)),
    ],
)
def test_labels_are_read(label: str, start: date) -> None:
    assert parse_period(label) == start


@pytest.mark.parametrize("label", ["Q5 2013/14", "2013/15", "Spring", ""])
def test_unreadable_labels_say_how_to_write_them(label: str) -> None:
    with pytest.raises(ValueError, match="write it as a month"):
        parse_period(label)


def test_financial_year_and_quarter() -> None:
    assert financial_year(date(2014, 3, 31)) == 2013
    assert financial_year(date(2014, 4, 1)) == 2014
    assert financial_year_label(2013) == "2013/14"
    assert financial_year_label(1999) == "1999/00"
    assert [financial_quarter(date(2013, m, 1)) for m in (4, 7, 10, 1, 3)] == [1, 2, 3, 4, 4]
    assert year_before(date(2020, 2, 29)) == date(2019, 2, 28)
