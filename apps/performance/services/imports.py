"""Importing a measure's figures from a CSV file: all of it or none of it, every problem named
by its line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.performance.domain.csv_series import parse_number
from apps.performance.models import Measure, Observation
from apps.performance.services.observations import observation_fill, period_read

CSV_NOT_UTF8 = "The file must be saved as UTF-8 text (in Excel, choose “CSV UTF-8”)"
CSV_EMPTY = "The file has no figures"
CSV_COLUMNS = "Line {line}: expected period, value and up to four more columns, found {count}"
CSV_LINE = "Line {line}: {problem}"
CSV_DUPLICATE = "Line {line}: the period {label} is already on line {first}"
CSV_NOT_NUMBER = "Line {line}: the {column} “{text}” is not a number"
CSV_VALUE_MISSING = "Line {line}: the value for {label} is missing"
CSV_HEADINGS = ("period", "value", "comparator", "numerator", "denominator", "note")
NUMBER_COLUMNS = ("value", "comparator", "numerator", "denominator")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


class ImportError_(ValidationError):
    """Every problem found in a file, each naming its line."""


@dataclass(frozen=True)
class _Row:
    line: int
    period_label: str
    period_start: date
    numbers: dict[str, Decimal | None]  # by NUMBER_COLUMNS
    note: str


def _rows_read(text: str) -> list[_Row]:
    problems: list[str] = []
    rows: list[_Row] = []
    first_line: dict[date, int] = {}
    reader = csv.reader(io.StringIO(text))
    for cells in reader:
        line = reader.line_num
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if not rows and not problems and not first_line and cells[0].lower() == "period":
            continue
        if len(cells) < 2 or len(cells) > len(CSV_HEADINGS):
            problems.append(CSV_COLUMNS.format(line=line, count=len(cells)))
            continue
        cells += [""] * (len(CSV_HEADINGS) - len(cells))
        try:
            label, start = period_read(cells[0])
        except ValidationError as error:
            problems.append(CSV_LINE.format(line=line, problem=error.messages[0]))
            continue
        numbers: dict[str, Decimal | None] = {}
        for column, text_value in zip(NUMBER_COLUMNS, cells[1:5], strict=True):
            number = parse_number(text_value) if text_value else None
            if column == "value" and not text_value:
                problems.append(CSV_VALUE_MISSING.format(line=line, label=label))
            elif text_value and number is None:
                problems.append(CSV_NOT_NUMBER.format(line=line, column=column, text=text_value))
            numbers[column] = number
        if start in first_line:
            problems.append(CSV_DUPLICATE.format(line=line, label=label, first=first_line[start]))
            continue
        first_line[start] = line
        rows.append(_Row(line, label, start, numbers, cells[5]))
    if problems:
        raise ImportError_(problems)
    if not rows:
        raise ImportError_([CSV_EMPTY])
    return rows


@transaction.atomic
def observations_import_csv(*, measure: Measure, data: bytes, user: User | None) -> ImportResult:
    """Read `period,value[,comparator,numerator,denominator,note]`. A period already held is
    updated (keeping its own target). Any problem on any line and nothing is saved; every
    problem is reported."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportError_([CSV_NOT_UTF8]) from error
    rows = _rows_read(text)
    held = {o.period_start: o for o in measure.observations.all()}
    problems = []
    added = updated = 0
    for row in rows:
        existing = held.get(row.period_start)
        observation = existing or Observation(measure=measure)
        value = row.numbers["value"]
        assert value is not None  # a missing value is a problem reported above
        try:
            observation_fill(
                observation=observation,
                period_label=row.period_label,
                period_start=row.period_start,
                value=value,
                comparator_value=row.numbers["comparator"],
                target_value=observation.target_value,
                numerator=row.numbers["numerator"],
                denominator=row.numbers["denominator"],
                note=row.note,
                user=user,
            )
        except ValidationError as error:
            problems += [
                CSV_LINE.format(line=row.line, problem=message)
                for messages in error.message_dict.values()
                for message in messages
            ]
            continue
        added, updated = added + (existing is None), updated + (existing is not None)
    if problems:
        transaction.set_rollback(True)
        raise ImportError_(problems)
    return ImportResult(added=added, updated=updated)
