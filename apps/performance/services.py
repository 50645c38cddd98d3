"""Writes for performance figures and narratives; errors are in words an officer can act on."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.performance.csv_series import parse_number
from apps.performance.models import Measure, Observation, Priority, PriorityReport, TrafficLight
from apps.performance.periods import parse_period

PERIOD_MISSING = "Enter the period, for example Q1 2013/14 or Jan 2019"
PERIOD_TAKEN = "There is already a figure for {label} ({start:%B %Y}): change that one instead"
NEGATIVE_COUNT = "A count cannot be below zero"
DENOMINATOR_ZERO = "The denominator cannot be zero"
NUMERATOR_WITHOUT_DENOMINATOR = "Enter the denominator as well as the numerator, or neither"
TOO_LARGE = "The number is too large"
REPORT_PERIOD_MISSING = "Enter the reporting period, for example Q2 2013/14"
TRAFFIC_LIGHT_INVALID = "Choose green, amber or red, or leave the traffic light blank"
CSV_NOT_UTF8 = "The file must be saved as UTF-8 text (in Excel, choose “CSV UTF-8”)"
CSV_EMPTY = "The file has no figures"
CSV_COLUMNS = "Line {line}: expected period, value and up to four more columns, found {count}"
CSV_LINE = "Line {line}: {problem}"
CSV_DUPLICATE = "Line {line}: the period {label} is already on line {first}"
CSV_NOT_NUMBER = "Line {line}: the {column} “{text}” is not a number"
CSV_VALUE_MISSING = "Line {line}: the value for {label} is missing"
CSV_HEADINGS = ("period", "value", "comparator", "numerator", "denominator", "note")
LIMIT = Decimal("9999999999")


def _check_figures(
    *,
    measure: Measure,
    value: Decimal,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> dict[str, str]:
    errors = {}
    if abs(value) > LIMIT:
        errors["value"] = TOO_LARGE
    elif measure.unit == Measure.Unit.COUNT and value < 0:
        errors["value"] = NEGATIVE_COUNT
    if (numerator is None) != (denominator is None):
        errors["denominator"] = NUMERATOR_WITHOUT_DENOMINATOR
    elif denominator is not None and denominator == 0:
        errors["denominator"] = DENOMINATOR_ZERO
    return errors


def _period(label: str) -> tuple[str, Any]:
    label = " ".join(label.split())
    if not label:
        raise ValidationError({"period_label": PERIOD_MISSING})
    try:
        return label, parse_period(label)
    except ValueError as error:
        raise ValidationError({"period_label": str(error)}) from error


def _save(observation: Observation, fields: dict[str, Any], user: Any) -> Observation:
    errors = _check_figures(
        measure=observation.measure,
        value=fields["value"],
        numerator=fields.get("numerator"),
        denominator=fields.get("denominator"),
    )
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(observation, name, value)
    if user is not None and getattr(user, "is_authenticated", False):
        observation.entered_by = user
    observation._change_reason = "entered"  # type: ignore[attr-defined]
    observation.save()
    return observation


def observation_add(
    *, measure: Measure, user: Any, period_label: str, **fields: Any
) -> Observation:
    """Add one period's figure. `fields`: value, comparator_value, target_value, numerator,
    denominator, note."""
    label, start = _period(period_label)
    existing = measure.observations.filter(period_start=start).first()
    if existing is not None:
        raise ValidationError(
            {"period_label": PERIOD_TAKEN.format(label=existing.period_label, start=start)}
        )
    observation = Observation(measure=measure, period_label=label, period_start=start)
    return _save(observation, fields, user)


def observation_edit(
    *, observation: Observation, user: Any, period_label: str, **fields: Any
) -> Observation:
    label, start = _period(period_label)
    clash = (
        Observation.objects.filter(measure_id=observation.measure_id, period_start=start)
        .exclude(pk=observation.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {"period_label": PERIOD_TAKEN.format(label=clash.period_label, start=start)}
        )
    return _save(observation, {"period_label": label, "period_start": start, **fields}, user)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


class ImportError_(ValidationError):
    """Every problem found in a file, each naming its line."""


def _parse_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    problems: list[str] = []
    rows: list[tuple[int, dict[str, Any]]] = []
    first_line: dict[Any, int] = {}
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
            label, start = _period(cells[0])
        except ValidationError as error:
            problems.append(CSV_LINE.format(line=line, problem=error.messages[0]))
            continue
        numbers: dict[str, Decimal | None] = {}
        for column, name, text_value in zip(
            ("value", "comparator", "numerator", "denominator"),
            ("value", "comparator_value", "numerator", "denominator"),
            cells[1:5],
            strict=True,
        ):
            number = parse_number(text_value) if text_value else None
            if column == "value" and not text_value:
                problems.append(CSV_VALUE_MISSING.format(line=line, label=label))
            elif text_value and number is None:
                problems.append(CSV_NOT_NUMBER.format(line=line, column=column, text=text_value))
            numbers[name] = number
        if start in first_line:
            problems.append(CSV_DUPLICATE.format(line=line, label=label, first=first_line[start]))
            continue
        first_line[start] = line
        rows.append(
            (line, {"period_label": label, "period_start": start, "note": cells[5], **numbers})
        )
    if problems:
        raise ImportError_(problems)
    if not rows:
        raise ImportError_([CSV_EMPTY])
    return rows


@transaction.atomic
def observations_import_csv(*, measure: Measure, user: Any, data: bytes) -> ImportResult:
    """Read `period,value[,comparator,numerator,denominator,note]`. A period already held is
    updated. Any problem on any line and nothing is saved; every problem is reported."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportError_([CSV_NOT_UTF8]) from error
    rows = _parse_rows(text)
    held = {o.period_start: o for o in measure.observations.all()}
    problems = []
    added = updated = 0
    for line, fields in rows:
        existing = held.get(fields["period_start"])
        observation = existing or Observation(measure=measure)
        try:
            _save(observation, fields, user)
        except ValidationError as error:
            problems += [
                CSV_LINE.format(line=line, problem=message)
                for messages in error.message_dict.values()
                for message in messages
            ]
            continue
        added, updated = added + (existing is None), updated + (existing is not None)
    if problems:
        transaction.set_rollback(True)
        raise ImportError_(problems)
    return ImportResult(added=added, updated=updated)


REPORT_FIELDS = (
    "summary",
    "milestones_reached",
    "milestones_missed",
    "prospects_and_risks",
    "traffic_light",
    "traffic_light_comment",
)


def priority_report_save(
    *, priority: Priority, period_label: str, internal: bool = False, **fields: str
) -> PriorityReport:
    """Create or replace the narrative for a priority and reporting period; an internal one
    is left out of the public version of board reports."""
    label = " ".join(period_label.split())
    if not label:
        raise ValidationError({"period_label": REPORT_PERIOD_MISSING})
    light = fields.get("traffic_light", "")
    if light and light not in TrafficLight.values:
        raise ValidationError({"traffic_light": TRAFFIC_LIGHT_INVALID})
    try:
        start = parse_period(label)
    except ValueError:
        start = None
    report = PriorityReport.objects.filter(priority=priority, period_label=label).first()
    report = report or PriorityReport(priority=priority, period_label=label)
    report.period_start = start
    report.internal = internal
    for name in REPORT_FIELDS:
        if name in fields:
            setattr(report, name, fields[name].strip())
    report.save()
    return report


BASELINE_TOO_SHORT = "Fix the limits after at least 12 points, or leave it blank"
REBASE_UNKNOWN = "There is no figure for {label}: name periods that have figures"
TOLERANCE_NEGATIVE = "Tolerances cannot be negative"
SETTINGS_FIELDS = (
    "comment",
    "amber_band_percent",
    "slight_worsening_percent",
    "spc_run_length",
    "spc_two_of_three_counts_beyond_limits",
    "spc_baseline_points",
    "spc_rebase_periods",
)


def measure_settings_save(*, measure: Measure, **fields: Any) -> Measure:
    """The analyst's comment, RAG tolerances and chart settings. Rebase periods must name
    periods that have figures, so the chart never fails on a typing slip."""
    errors: dict[str, str] = {}
    points = fields.get("spc_baseline_points")
    if points is not None and points < 12:
        errors["spc_baseline_points"] = BASELINE_TOO_SHORT
    for name in ("amber_band_percent", "slight_worsening_percent"):
        if fields.get(name) is not None and fields[name] < 0:
            errors[name] = TOLERANCE_NEGATIVE
    labels = [p.strip() for p in fields.get("spc_rebase_periods", "").split(",") if p.strip()]
    held = set(measure.observations.values_list("period_label", flat=True))
    unknown = [label for label in labels if label not in held]
    if unknown:
        errors["spc_rebase_periods"] = REBASE_UNKNOWN.format(label=unknown[0])
    if errors:
        raise ValidationError(errors)
    if "spc_rebase_periods" in fields:
        fields["spc_rebase_periods"] = ", ".join(labels)
    for name in SETTINGS_FIELDS:
        if name in fields:
            setattr(measure, name, fields[name])
    measure.save()
    return measure
