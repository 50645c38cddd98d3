"""A report as an Excel workbook: the data behind it, a sheet per section (openpyxl).

A "Cover" sheet with the cover's fields and links to the other sheets, then one sheet per
section whose tables are flattened into lists (see `xlsx_layout`): figures and dates are
stored as numbers and dates (`Cell.value`), so they sort, filter and sum; RAG cells hold the
word and are filled with the rating's colour. The first list's header row is bold, frozen and
filtered. Text that starts with "=" is stored as text, never as a live formula. The same report
gives the same bytes (fixed dates and zip times).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from apps.plans.selectors import today
from apps.reports.builder import content as c
from apps.reports.renderers.office_zip import stable_zip
from apps.reports.renderers.xlsx_layout import SheetTable, TextLine, Value, sheet_layout

COVER_SHEET = "Cover"
SHEET_NAMES = {
    c.INTRODUCTION: "Introduction",
    c.STATUS: "Status summary",
    c.DELIVERY_PLAN: "Delivery plan",
    c.OVERDUE: "Overdue and due soon",
    c.PERFORMANCE_SUMMARY: "Performance summary",
    c.EXCEPTIONS: "Exceptions",
    c.PRIORITIES: "Priorities",
    c.GLOSSARY: "Glossary",
}
MAX_SHEET_NAME = 31
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "d mmm yyyy"
BOLD, TITLE, ITALIC = Font(bold=True), Font(bold=True, size=14), Font(italic=True)
HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MIN_WIDTH, MAX_WIDTH = 8, 60


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A name Excel accepts (≤31 characters, none of []:*?/\\) and unused in the workbook
    (Excel compares names ignoring case)."""
    base = NOT_IN_SHEET_NAMES.sub("", wanted).strip("' ")[:MAX_SHEET_NAME] or "Sheet"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Set a cell; text that starts with "=" stays text, never a live formula."""
    if isinstance(value, str):
        value = _clean(value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell


def _raw(value: Value) -> str | int | float | Decimal | date:
    """What a content cell stores: its raw figure or date, or its text."""
    if isinstance(value, str):
        return value
    if value.rag is not None:
        return value.text or value.rag.word
    if value.value is None or value.value == "":
        return value.text
    return value.value


class _Widths:
    """The widest text seen in each column, as a column width Excel understands."""

    def __init__(self) -> None:
        self.widest: dict[int, int] = {}

    def see(self, column: int, value: Any) -> None:
        text = f"{value:%d %b %Y}" if isinstance(value, date) else str(value)
        longest = max((len(line) for line in text.splitlines()), default=0)
        self.widest[column] = max(self.widest.get(column, 0), longest)

    def apply(self, sheet: Worksheet) -> None:
        for column, width in self.widest.items():
            letter = get_column_letter(column)
            sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _print_setup(sheet: Worksheet, report: c.Report) -> None:
    """Printed sheets carry the marking and page numbers, landscape, a page wide."""
    header, footer = sheet.oddHeader, sheet.oddFooter
    if header is not None and footer is not None:
        header.center.text = report.protective_marking
        footer.center.text = "Page &P of &N"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _write_table(
    sheet: Worksheet, table: SheetTable, top: int, widths: _Widths, *, first: bool
) -> int:
    """The list's title, bold header and rows from row `top`; returns the next free row."""
    _put(sheet, top, 1, table.title).font = ITALIC
    header_row = top + 1
    for column, name in enumerate(table.header, start=1):
        heading = _put(sheet, header_row, column, name)
        heading.font, heading.fill = BOLD, HEADER_FILL
        widths.see(column, name)
    row_number = header_row
    for row_number, values in enumerate(table.rows, start=header_row + 1):
        for column, value in enumerate(values, start=1):
            raw = _raw(value)
            cell = _put(sheet, row_number, column, raw)
            widths.see(column, raw)
            if isinstance(raw, str) and "\n" in raw:
                cell.alignment = WRAP
            if isinstance(value, c.Cell) and value.rag is not None:
                cell.fill = PatternFill("solid", fgColor=value.rag.colour.lstrip("#").upper())
                cell.font = Font(bold=True, color=value.rag.text_colour.lstrip("#").upper())
    if first:
        sheet.freeze_panes = f"A{header_row + 1}"
        last = get_column_letter(len(table.header))
        sheet.auto_filter.ref = f"A{header_row}:{last}{max(row_number, header_row)}"
    return row_number + 2


def _write_text(sheet: Worksheet, lines: list[TextLine], top: int) -> None:
    _put(sheet, top, 1, "Text of the section").font = ITALIC
    for row_number, line in enumerate(lines, start=top + 1):
        cell = _put(sheet, row_number, 1, line.text)
        if line.bold or line.italic:
            cell.font = Font(bold=line.bold, italic=line.italic)


def _section_sheet(sheet: Worksheet, section: c.Section, report: c.Report) -> None:
    layout = sheet_layout(section)
    _put(sheet, 1, 1, section.heading).font = TITLE
    widths = _Widths()
    row = 2
    for index, table in enumerate(layout.tables):
        row = _write_table(sheet, table, row, widths, first=index == 0)
    if layout.text:
        _write_text(sheet, layout.text, row)
    widths.apply(sheet)
    _print_setup(sheet, report)


def _cover_rows(report: c.Report) -> list[tuple[str, Any]]:
    cover = report.cover
    rows: list[tuple[str, Any]] = [("Title", report.title)]
    if cover is not None:
        if cover.subtitle:
            rows.append(("Plans", cover.subtitle))
        rows += [("Partnership", cover.partnership), ("Reporting period", cover.period_label)]
        rows += [("Authors", "\n".join(cover.authors)), ("Date", cover.date)]
        rows.append(("Version", cover.version))
    else:
        rows.append(("Partnership", report.partnership))
    rows.append(("Protective marking", report.protective_marking))
    rows.append(("Version of the report", "Public" if report.public else "Internal"))
    return rows


def _cover_sheet(sheet: Worksheet, report: c.Report, sheets: list[tuple[str, str]]) -> None:
    """The cover's fields, then a link to each section's sheet."""
    _put(sheet, 1, 1, report.title).font = TITLE
    widths = _Widths()
    row = 2
    for row, (label, value) in enumerate(_cover_rows(report), start=3):
        _put(sheet, row, 1, label).font = BOLD
        cell = _put(sheet, row, 2, value)
        cell.alignment = WRAP if isinstance(value, str) and "\n" in value else TOP
        widths.see(1, label)
        widths.see(2, value)
    links = row + 2
    _put(sheet, links, 1, "Sheets").font = BOLD
    for row, (name, heading) in enumerate(sheets, start=links + 1):
        cell = _put(sheet, row, 1, heading)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(name)}!A1")
        cell.style = "Hyperlink"
    widths.apply(sheet)
    _print_setup(sheet, report)


def _properties(workbook: Workbook, report: c.Report) -> None:
    cover = report.cover
    properties = workbook.properties
    properties.title = report.title
    properties.creator = "; ".join(cover.authors) if cover and cover.authors else report.partnership
    properties.lastModifiedBy = report.partnership
    properties.subject = cover.period_label if cover else ""
    properties.category = report.protective_marking
    properties.language = "en-GB"
    stamp = datetime.combine(cover.date if cover else today(), time())
    properties.created = properties.modified = stamp


def render_xlsx(report: c.Report) -> bytes:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = COVER_SHEET
    taken = {COVER_SHEET.casefold()}
    sheets = []
    for section in report.sections:
        name = sheet_name(SHEET_NAMES.get(section.code, section.heading), taken)
        _section_sheet(workbook.create_sheet(name), section, report)
        sheets.append((name, section.heading))
    _cover_sheet(cover, report, sheets)
    _properties(workbook, report)
    buffer = BytesIO()
    # ExcelWriter directly: `Workbook.save` would stamp the file with the time of saving.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return stable_zip(buffer.getvalue())
