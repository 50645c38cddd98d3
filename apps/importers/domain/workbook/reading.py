"""Reading an uploaded workbook's Actions sheet into plain rows, and the problems found on the way.

Every problem names the sheet, row and column as Excel shows them, in words a council officer
understands. Anything openpyxl cannot read is reported as "not an Excel workbook", never raised.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from apps.importers.domain.workbook.cells import clean_text
from apps.importers.domain.workbook.layout import (
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    HEADERS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    Column,
)

NOT_A_WORKBOOK = (
    "The file is not an Excel workbook. Save it as an Excel workbook (.xlsx) and upload it again"
)
FILE_TOO_BIG = "The file is larger than 3 MB. Upload the plan's workbook without extra sheets"
FILE_EMPTY = "The file is empty. Choose the Excel workbook to upload"
NO_ACTIONS_SHEET = (
    "The workbook has no sheet called “Actions”. Upload a workbook downloaded from SaferPlan "
    "(the plan's spreadsheet or the blank template)"
)
HEADING_WRONG = (
    "The heading should be “{expected}”, not “{found}”. Do not add, move or delete columns"
)
HEADING_EXTRA = "There should be no column here (found “{found}”). Do not add columns"
TOO_MANY_ROWS = f"The sheet has more than {MAX_ROWS:,} rows. Split the plan before uploading it"

_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the workbook, and where it is."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # the letter, as Excel shows it
    heading: str = ""

    def __str__(self) -> str:
        where = [f"Sheet {self.sheet}"] if self.sheet else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}" + (f" ({self.heading})" if self.heading else ""))
        return f"{', '.join(where)}: {self.message}" if where else self.message


def cell_problem(row: int, column: Column, message: str) -> Problem:
    return Problem(message, ACTIONS_SHEET, row, column.letter, column.header)


class WorkbookInvalid(Exception):
    """The workbook cannot be used; nothing has been changed."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    values: dict[str, Any]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _heading_problems(headings: tuple[Any, ...]) -> list[Problem]:
    problems = []
    for index in range(max(len(headings), len(HEADERS))):
        found = headings[index] if index < len(headings) else None
        found_text = "" if found is None else clean_text(str(found))
        letter = get_column_letter(index + 1)
        if index >= len(HEADERS):
            if found_text:
                message = HEADING_EXTRA.format(found=found_text)
                problems.append(Problem(message, ACTIONS_SHEET, 1, letter))
        elif found_text.lower() != HEADERS[index].lower():
            message = HEADING_WRONG.format(expected=HEADERS[index], found=found_text or "empty")
            problems.append(Problem(message, ACTIONS_SHEET, 1, letter))
    return problems


def _rows(data: bytes) -> list[tuple[Any, ...]]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if ACTIONS_SHEET not in book.sheetnames:
            raise WorkbookInvalid([Problem(NO_ACTIONS_SHEET)])
        rows: list[tuple[Any, ...]] = []
        for values in book[ACTIONS_SHEET].iter_rows(values_only=True):
            rows.append(tuple(values))
            if len(rows) > MAX_ROWS + 1:
                raise WorkbookInvalid([Problem(TOO_MANY_ROWS, ACTIONS_SHEET)])
        return rows
    finally:
        book.close()


def read_action_rows(data: bytes) -> list[SheetRow]:
    """The non-empty rows of the Actions sheet, keyed by column; raises WorkbookInvalid."""
    if not data:
        raise WorkbookInvalid([Problem(FILE_EMPTY)])
    if len(data) > MAX_UPLOAD_BYTES:
        raise WorkbookInvalid([Problem(FILE_TOO_BIG)])
    try:
        rows = _rows(data)
    except WorkbookInvalid:
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
        raise WorkbookInvalid([Problem(NOT_A_WORKBOOK)]) from error
    problems = _heading_problems(rows[0] if rows else ())
    if problems:
        raise WorkbookInvalid(problems)
    result = []
    for number, values in enumerate(rows[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        extra = [i for i, v in enumerate(values) if i >= len(HEADERS) and not _blank(v)]
        if extra:
            letter = get_column_letter(extra[0] + 1)
            message = HEADING_EXTRA.format(found=clean_text(str(values[extra[0]])))
            raise WorkbookInvalid([Problem(message, ACTIONS_SHEET, number, letter)])
        padded = list(values) + [None] * (len(HEADERS) - len(values))
        result.append(SheetRow(number, {c.key: padded[c.index - 1] for c in ACTION_COLUMNS}))
    return result


def as_text(value: Any) -> str:
    """A cell as text; numbers lose a spurious .0 and dates are written the UK way."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value.day}/{value.month}/{value.year}"
    return clean_text(str(value))


def as_whole_number(value: Any) -> int | None:
    """A positive whole number, or None if the cell holds anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 0 < value < 2**31 else None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        number = int(value.strip())
        return number if number > 0 else None
    return None


def as_date(value: Any) -> date | None:
    """A date cell, or text such as 31/10/2026 or 2026-10-31; None if it is not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    if match[1]:
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    else:
        year, month, day = int(match[4]), int(match[5]), int(match[6])
    try:
        return date(year, month, day)
    except ValueError:
        return None
