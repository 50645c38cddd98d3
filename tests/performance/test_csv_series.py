"""Reading period,value CSV files, and the errors people see when a file is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from apps.performance.domain import csv_series
from apps.performance.domain.csv_series import SeriesFileError, read_series, read_series_file


def pairs(text: str) -> list[tuple[str, Decimal]]:
    return [(o.period, o.value) for o in read_series(text)]


def problems(text: str) -> list[str]:
    with pytest.raises(SeriesFileError) as caught:
        read_series(text)
    return caught.value.problems


def test_with_a_header() -> None:
    assert pairs("period,value\n2024-01,12\n2024-02,15\n") == [
        ("2024-01", Decimal(12)),
        ("2024-02", Decimal(15)),
    ]


def test_without_a_header_and_with_blank_lines() -> None:
    assert pairs("\n2024-01,12\n\n  \n2024-02,15.5\n") == [
        ("2024-01", Decimal(12)),
        ("2024-02", Decimal("15.5")),
    ]


def test_any_headings_are_recognised() -> None:
    assert pairs("Month,Rate per 1,000\n2024-01,3\n") == [("2024-01", Decimal(3))]
    assert pairs('"Quarter","Crimes"\r\n2023/24 Q1,300\r\n') == [("2023/24 Q1", Decimal(300))]


def test_numbers_as_excel_writes_them() -> None:
    text = 'period,value\nJan 2024,"1,234"\nFeb 2024, 12.5% \nMar 2024,-3,,\n'
    assert pairs(text) == [
        ("Jan 2024", Decimal(1234)),
        ("Feb 2024", Decimal("12.5")),
        ("Mar 2024", Decimal(-3)),
    ]


def test_lines_are_numbered_as_in_the_file() -> None:
    observations = read_series("period,value\n\n2024-01,1\n")
    assert observations[0].line == 3


def test_a_value_that_is_not_a_number() -> None:
    assert problems("period,value\n2024-01,12\n2024-02,13\n2024-03,abc\n") == [
        "Line 4: the value “abc” is not a number"
    ]


def test_a_first_line_of_bad_data_is_not_mistaken_for_headings() -> None:
    assert problems("2024-01,abc\n") == [csv_series.LINE_NOT_A_NUMBER.format(line=1, value="abc")]


def test_every_problem_is_reported_at_once() -> None:
    text = "period,value\n2024-01,1\n2024-02,x\n2024-01,3\n,4\n2024-05\n2024-06,1,2\n2024-07,nan\n"
    assert problems(text) == [
        csv_series.LINE_NOT_A_NUMBER.format(line=3, value="x"),
        csv_series.LINE_DUPLICATE_PERIOD.format(line=4, period="2024-01", first=2),
        csv_series.LINE_PERIOD_MISSING.format(line=5),
        csv_series.LINE_VALUE_MISSING.format(line=6, period="2024-05"),
        csv_series.LINE_COLUMNS.format(line=7),
        csv_series.LINE_NOT_A_NUMBER.format(line=8, value="nan"),
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "period,value\n"])
def test_an_empty_file(text: str) -> None:
    assert problems(text) == [csv_series.FILE_EMPTY]


def test_reading_a_file_with_excels_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    path.write_bytes("\ufeffperiod,value\n2024-01,7\n".encode())
    assert [o.period for o in read_series_file(path)] == ["2024-01"]


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    path.write_bytes("period,value\n2024-01,7 £\n".encode("latin-1"))
    with pytest.raises(SeriesFileError) as caught:
        read_series_file(path)
    assert caught.value.problems == [csv_series.FILE_NOT_UTF8]


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SeriesFileError, match="The file cannot be read"):
        read_series_file(tmp_path / "absent.csv")
