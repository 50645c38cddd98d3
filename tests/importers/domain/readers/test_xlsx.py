"""Excel workbooks: a table per visible sheet, hidden parts listed, dates and numbers as
typed, merges expanded, fills as colours."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from apps.importers.domain.readers import read_document
from apps.importers.domain.source import Origin
from apps.plans.domain.by_when import interpret_by_when
from tests.builders.documents import DocCell, DocTable, xlsx_bytes
from tests.importers.domain.readers.tables import (
    HEADER,
    PLAN,
    PLAN_TEXT_LINES,
    PLAN_TEXTS,
    assert_merges_and_fills,
    texts,
)


def test_a_sheet_is_a_table_with_merges_fills_and_excel_row_numbers() -> None:
    document = read_document("tracker.xlsx", xlsx_bytes({"Plan": PLAN}))
    table = document.tables[0]
    assert document.format == "xlsx"
    # the heading is a bold row above the table, merged title below it
    assert texts(table) == [["Delivery plan 2026-27", "", "", "", ""], *PLAN_TEXTS]
    assert_merges_and_fills(table, top=1)
    assert table.origin == Origin(sheet="Plan")
    assert table.row_origins == [Origin(sheet="Plan", row=n) for n in range(1, 8)]
    assert document.text.split("\n") == ["Delivery plan 2026-27", *PLAN_TEXT_LINES]


def test_empty_rows_and_columns_around_the_table_are_trimmed() -> None:
    document = read_document("tracker.xlsx", xlsx_bytes({"Plan": PLAN}, first_column=3))
    table = document.tables[0]
    assert table.width == 5
    assert texts(table)[1:] == PLAN_TEXTS


def test_hidden_sheets_rows_and_columns_are_skipped_and_listed() -> None:
    notes = DocTable(rows=[["Private notes"]])
    data = xlsx_bytes(
        {"Plan": PLAN, "Notes": notes},
        hidden_sheets=["Notes"],
        hidden_rows={"Plan": [6]},  # the row of action 2.2
        hidden_columns={"Plan": ["E"]},  # RAG
    )
    document = read_document("tracker.xlsx", data)
    table = document.tables[0]
    assert len(document.tables) == 1
    assert document.skipped == [
        "Sheet ‘Plan’: 1 hidden row was not read",
        "Sheet ‘Plan’: 1 hidden column was not read",
        "Sheet ‘Notes’ is hidden and was not read",
    ]
    assert [origin.row for origin in table.row_origins] == [1, 2, 3, 4, 5, 7]
    assert texts(table)[2] == HEADER[:4]
    assert [row[0] for row in texts(table)[3:]] == ["Theme A: Town centres", "2.1", "2.3"]
    # the lead merged over rows 5 and 6 still shows on row 5, spanning only what is visible
    assert (table.rows[4][2].text, table.rows[4][2].row_span) == ("Police and Bassetlaw DC", 1)


def test_dates_and_numbers_read_as_an_officer_typed_them() -> None:
    row = [
        DocCell(value=date(2027, 3, 31), number_format="dd/mm/yyyy"),
        DocCell(value=datetime(2026, 7, 1), number_format="d mmmm yyyy"),
        DocCell(value=date(2027, 3, 1), number_format="mmm-yy"),
        DocCell(value=3.0),
        DocCell(value=2.5),
        DocCell(value=0.75, number_format="0%"),
        DocCell(value=1234),
    ]
    document = read_document("tracker.xlsx", xlsx_bytes({"Plan": DocTable(rows=[row])}))
    cells = texts(document.tables[0])[0]
    assert cells == ["31/03/2027", "01/07/2026", "March 2027", "3", "2.5", "75%", "1234"]
    assert interpret_by_when(cells[0]).due_date == date(2027, 3, 31)
    assert interpret_by_when(cells[1]).due_date == date(2026, 7, 1)
    assert interpret_by_when(cells[2]).due_date == date(2027, 3, 31)


def test_theme_and_indexed_fills_become_colours() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Theme"
    sheet["A1"].fill = PatternFill("solid", fgColor=Color(theme=4))  # accent 1
    sheet["B1"] = "Indexed"
    sheet["B1"].fill = PatternFill("solid", fgColor=Color(indexed=10))
    sheet["C1"] = "Pattern"
    sheet["C1"].fill = PatternFill("lightGray", fgColor="FF0000")
    buffer = io.BytesIO()
    book.save(buffer)
    document = read_document("tracker.xlsx", buffer.getvalue())
    fills = [cell.fill for cell in document.tables[0].rows[0]]
    # openpyxl writes Office 2007's theme, whose first accent is 4F81BD
    assert fills == ["#4F81BD", "#FF0000", ""]


def test_every_visible_sheet_in_order_and_when_it_was_saved() -> None:
    saved = datetime(2026, 11, 30, 17, 5)
    data = xlsx_bytes(
        {"Cover": DocTable(rows=[["Safer Bassetlaw tracker"]]), "Plan": PLAN}, modified=saved
    )
    document = read_document("tracker.xlsm", data)
    assert [table.origin.sheet for table in document.tables] == ["Cover", "Plan"]
    assert document.modified_at == datetime(2026, 11, 30, 17, 5, tzinfo=UTC)
