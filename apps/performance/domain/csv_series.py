"""Read a `period,value` CSV, as analysts export from Excel, into a series for SPC and trends.

Errors name the line and say what is wrong in plain English, so the person who made the file can
fix it without knowing Python. Every problem is reported at once rather than one at a time.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

LINE_COLUMNS = "Line {line}: enter a period and a value separated by a comma"
LINE_PERIOD_MISSING = "Line {line}: the period is missing"
LINE_VALUE_MISSING = "Line {line}: the value for “{period}” is missing"
LINE_NOT_A_NUMBER = "Line {line}: the value “{value}” is not a number"
LINE_DUPLICATE_PERIOD = "Line {line}: the period “{period}” is already on line {first}"
FILE_EMPTY = "The file has no periods and values"
FILE_NOT_UTF8 = "The file must be saved as UTF-8 text (in Excel, choose “CSV UTF-8”)"
FILE_UNREADABLE = "The file cannot be read: {reason}"

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class SeriesFileError(ValueError):
    """All the problems found in a file, each a sentence naming its line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Observation:
    period: str
    value: Decimal
    line: int


def parse_number(text: str) -> Decimal | None:
    """A number as people type it: "1,234", "12.5%", " 7 "; None if it is not one."""
    cleaned = text.strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _looks_like_headings(cells: list[str]) -> bool:
    return parse_number(cells[1]) is None and not any(c.isdigit() for c in cells[0])


def read_series(text: str) -> list[Observation]:
    """Parse CSV text; the file's order is kept. Blank lines and the empty trailing cells Excel
    adds are ignored. The first row is taken as headings when its value is not a number and its
    period has no digits ("Month,Crimes"): real periods nearly always include a year."""
    problems: list[str] = []
    observations: list[Observation] = []
    first_line_for: dict[str, int] = {}
    seen_content = False
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[int, list[str]]] = []
    try:
        rows.extend((reader.line_num, row) for row in reader)
    except csv.Error as error:
        raise SeriesFileError([FILE_UNREADABLE.format(reason=error)]) from error
    for number, row in rows:
        cells = [cell.strip() for cell in row]
        while cells and cells[-1] == "":
            cells.pop()
        if not cells:
            continue
        is_first, seen_content = not seen_content, True
        if len(cells) == 1:
            problems.append(LINE_VALUE_MISSING.format(line=number, period=cells[0]))
            continue
        if len(cells) != 2:
            if is_first and _looks_like_headings(cells):
                continue  # a header with extra columns is still a header
            problems.append(LINE_COLUMNS.format(line=number))
            continue
        period, raw = cells
        value = parse_number(raw)
        if is_first and _looks_like_headings(cells):
            continue
        if not period:
            problems.append(LINE_PERIOD_MISSING.format(line=number))
        elif value is None:
            problems.append(LINE_NOT_A_NUMBER.format(line=number, value=raw))
        elif period in first_line_for:
            first = first_line_for[period]
            problems.append(LINE_DUPLICATE_PERIOD.format(line=number, period=period, first=first))
        else:
            first_line_for[period] = number
            observations.append(Observation(period=period, value=value, line=number))
    if problems:
        raise SeriesFileError(problems)
    if not observations:
        raise SeriesFileError([FILE_EMPTY])
    return observations


def read_series_file(path: Path) -> list[Observation]:
    """Read a file, accepting the byte-order mark Excel writes at the start of "CSV UTF-8"."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeriesFileError([FILE_UNREADABLE.format(reason=error.strerror)]) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SeriesFileError([FILE_NOT_UTF8]) from error
    return read_series(text)
