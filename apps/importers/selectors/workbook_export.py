"""A plan as an Excel workbook a council officer can fill in, and the blank template.

The output is deterministic: the same plan gives the same bytes (fixed document dates and zip
timestamps), so a downloaded file can be compared or cached.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from apps.core.rag import RAG_DEFAULT_SCHEME
from apps.importers.domain.workbook.cells import clean_text, text_cell
from apps.importers.domain.workbook.layout import (
    ABOUT_INTRO,
    ABOUT_SHEET,
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    COLUMN,
    DATE_FORMAT,
    UPDATE_HEADERS,
    UPDATES_SHEET,
)
from apps.importers.selectors.workbook_rows import (
    STATUS_LABELS,
    latest_update,
    leads_cell,
    plan_actions,
)
from apps.partnerships.models import Partnership
from apps.plans.models import Action, Plan, Status

FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B0C0C")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
# Rows below the data that keep the drop-down lists, so added rows get them too.
SPARE_ROWS = 500


def _header(sheet: Worksheet, headers: Sequence[tuple[str, int]]) -> None:
    for index, (header, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"


def _about(
    sheet: Worksheet, rating_rows: list[tuple[str, str]], lead_rows: list[tuple[str, str]]
) -> tuple[str, str]:
    """Explain every column and list the valid values; returns the ranges the lists use."""
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    sheet.cell(row=1, column=1, value=ABOUT_INTRO[0]).font = Font(bold=True, size=14)
    row = 2
    for paragraph in ABOUT_INTRO[1:]:
        sheet.cell(row=row, column=1, value=paragraph)
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value="Column").font = BOLD
    sheet.cell(row=row, column=2, value="What it holds").font = BOLD
    for column in ACTION_COLUMNS:
        row += 1
        sheet.cell(row=row, column=1, value=f"{column.letter} {column.header}")
        sheet.cell(row=row, column=2, value=column.about).alignment = WRAP
    row += 2
    sheet.cell(row=row, column=1, value="Statuses").font = BOLD
    first = row + 1
    for label in STATUS_LABELS:
        row += 1
        sheet.cell(row=row, column=1, value=label)
    statuses = f"'{ABOUT_SHEET}'!$A${first}:$A${row}"
    row += 2
    sheet.cell(row=row, column=1, value="RAG ratings").font = BOLD
    sheet.cell(row=row, column=2, value="What the rating means in this plan").font = BOLD
    first = row + 1
    for label, definition in rating_rows:
        row += 1
        sheet.cell(row=row, column=1, value=label)
        sheet.cell(row=row, column=2, value=definition).alignment = WRAP
    ratings = f"'{ABOUT_SHEET}'!$A${first}:$A${max(row, first)}"
    row += 2
    sheet.cell(row=row, column=1, value="Leads").font = BOLD
    sheet.cell(row=row, column=2, value="Who they are").font = BOLD
    for short, name in lead_rows:
        row += 1
        _text(sheet.cell(row=row, column=1), short)
        _text(sheet.cell(row=row, column=2), name)
    return statuses, ratings


def _leads(partnership: Partnership | None) -> list[tuple[str, str]]:
    """The partnership's agencies and people, as the Leads column names them."""
    if partnership is None:
        return []
    agencies = [(o.short_name, o.name) for o in partnership.organisations.order_by("short_name")]
    people = [(p.initials, p.name or "") for p in partnership.people.order_by("initials")]
    return agencies + people


def _validations(sheet: Worksheet, last_row: int, statuses: str, ratings: str) -> None:
    for key, source, title in [
        ("status", statuses, "Status"),
        ("rag", ratings, "RAG"),
    ]:
        letter = COLUMN[key].letter
        rule = DataValidation(
            type="list",
            formula1=source,
            allow_blank=key == "rag",
            showErrorMessage=True,
            errorTitle=f"Choose a {title}",
            error=f"Choose a {title} from the list (see the About sheet).",
        )
        rule.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(rule)


def _action_rows(actions: list[Action]) -> Iterable[list[Any]]:
    statuses = dict(Status.choices)
    for action in actions:
        objective = action.objective
        latest = latest_update(action)
        yield [
            action.pk,
            clean_text(objective.theme.title),
            objective.number,
            clean_text(objective.title),
            clean_text(action.number),
            clean_text(action.method),
            text_cell(action.text, action.sub_items),
            leads_cell(action),
            clean_text(action.due_text),
            str(statuses.get(action.status, action.status)),
            action.rating.label if action.rating else "",
            clean_text(latest.text) if latest else "",
            latest.reported_on if latest else None,
        ]


def _update_rows(actions: list[Action]) -> Iterable[list[Any]]:
    statuses = dict(Status.choices)
    for action in actions:
        for update in reversed(list(action.updates.all())):
            yield [
                action.pk,
                clean_text(action.number),
                update.reported_on,
                update.period_label,
                str(statuses.get(update.status, "")) if update.status else "",
                update.rating.label if update.rating else "",
                update.author.initials if update.author else "",
                clean_text(update.text),
            ]


def _text(cell: Any, value: Any) -> None:
    """Set a value; text that starts with "=" stays text, never a live formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _fill(sheet: Worksheet, rows: Iterable[list[Any]], wrap: set[int], dates: set[int]) -> int:
    row_number = 1
    for row_number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=index)
            _text(cell, value)
            # Styles only where they matter: each one set costs time on a 5,000-row plan.
            if index in wrap:
                cell.alignment = WRAP
            if index in dates:
                cell.number_format = DATE_FORMAT
    return row_number


def _build(plan: Plan | None, partnership: Partnership | None) -> Workbook:
    book = Workbook()
    actions = book.active
    assert actions is not None
    actions.title = ACTIONS_SHEET
    updates = book.create_sheet(UPDATES_SHEET)
    about = book.create_sheet(ABOUT_SHEET)
    _header(actions, [(c.header, c.width) for c in ACTION_COLUMNS])
    actions.column_dimensions[COLUMN["key"].letter].hidden = True
    _header(updates, UPDATE_HEADERS)
    updates.column_dimensions["A"].hidden = True
    if plan is None:
        rating_rows = [(word.word, "") for word in RAG_DEFAULT_SCHEME]
        last = 1
    else:
        rating_rows = [(r.label, r.definition) for r in plan.ratings.all()]
        rows = plan_actions(plan=plan)
        wrap = {c.index for c in ACTION_COLUMNS if c.wrap}
        last = _fill(actions, _action_rows(rows), wrap, {COLUMN["update_date"].index})
        _fill(updates, _update_rows(rows), {8}, {3})
    statuses, ratings = _about(about, rating_rows, _leads(partnership))
    _validations(actions, last + SPARE_ROWS, statuses, ratings)
    return book


def _deterministic(book: Workbook, when: datetime) -> bytes:
    """Save with fixed dates inside the document and on every zip entry."""
    book.properties.created = when
    book.properties.modified = when
    book.properties.creator = "SaferPlan"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def plan_workbook(*, plan: Plan) -> bytes:
    """The plan's current actions, every update and the About sheet, as .xlsx bytes."""
    when = plan.created_at.replace(tzinfo=None, microsecond=0) if plan.created_at else FIXED_TIME
    return _deterministic(_build(plan, plan.partnership), when)


def blank_workbook(*, partnership: Partnership | None = None) -> bytes:
    """The same sheets with no rows, to fill in for a new plan (rated Red, Amber, Green)."""
    return _deterministic(_build(None, partnership), FIXED_TIME)


def workbook_filename(plan: Plan) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in str(plan)).strip("-").lower()
    return f"{'-'.join(filter(None, stem.split('-')))[:80] or 'plan'}.xlsx"
