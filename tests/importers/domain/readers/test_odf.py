"""OpenDocument text and spreadsheets: blocks, tables with spans and covered cells, fills,
hidden sheets and rows, and repeated empty cells never expanded."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, date, datetime

from apps.importers.domain.readers import read_document
from apps.importers.domain.source import Block, Origin, Table
from tests.builders.documents import DocCell, DocTable, ods_bytes, odt_bytes
from tests.importers.domain.readers.tables import (
    PLAN,
    PLAN_TEXT_LINES,
    PLAN_TEXTS,
    assert_merges_and_fills,
    texts,
)


def test_an_odt_reads_headings_paragraphs_lists_and_the_table() -> None:
    data = odt_bytes([PLAN], paragraphs_before=["# Community safety plan", "Our aims", "• Listen"])
    document = read_document("plan.odt", data)
    blocks = [(b.kind, b.level, b.text) for b in document.items[:4] if isinstance(b, Block)]
    assert document.format == "odt"
    assert blocks == [
        ("heading", 1, "Community safety plan"),
        ("paragraph", 0, "Our aims"),
        ("list_item", 0, "Listen"),
        ("heading", 2, "Delivery plan 2026-27"),
    ]
    table = document.items[4]
    assert isinstance(table, Table)
    assert texts(table) == PLAN_TEXTS
    assert_merges_and_fills(table)
    assert table.row_origins == [Origin(table=1, row=n) for n in range(1, 7)]
    assert document.text.split("\n")[-len(PLAN_TEXT_LINES) :] == PLAN_TEXT_LINES


def test_an_odt_says_when_it_was_saved_in_uk_time() -> None:
    data = odt_bytes([PLAN], modified=datetime(2026, 7, 1, 14, 0, 0, 123456))
    document = read_document("plan.odt", data)
    assert document.modified_at == datetime(2026, 7, 1, 13, 0, 0, 123456, tzinfo=UTC)


def test_a_nested_odt_table_is_flattened_into_its_cell() -> None:
    nested = DocCell("Partners:", nested=[["Police", "lead"], ["Council", "support"]])
    document = read_document("plan.odt", odt_bytes([DocTable(rows=[["Who", nested]])]))
    assert document.tables[0].rows[0][1].text == "Partners:\nPolice – lead\nCouncil – support"


def test_an_ods_sheet_with_hidden_parts_and_dates() -> None:
    dated = DocTable(
        rows=[
            ["Action", "Due", "From"],
            [
                "Patrol",
                DocCell("03/31/27", value=date(2027, 3, 31)),  # as Calc shows it in a US locale
                DocCell("March 2027", value=date(2027, 3, 1)),
            ],
        ]
    )
    data = ods_bytes(
        {"Plan": PLAN, "Dates": dated, "Notes": DocTable(rows=[["Private"]])},
        hidden_sheets=["Notes"],
        hidden_rows={"Plan": [6]},
        hidden_columns={"Plan": ["E"]},
    )
    document = read_document("tracker.ods", data)
    plan, dates = document.tables
    assert document.format == "ods"
    assert document.skipped == [
        "Sheet ‘Plan’: 1 hidden row was not read",
        "Sheet ‘Plan’: 1 hidden column was not read",
        "Sheet ‘Notes’ is hidden and was not read",
    ]
    assert plan.width == 4
    assert [origin.row for origin in plan.row_origins] == [1, 2, 3, 4, 5, 7]
    assert plan.row_origins[0] == Origin(sheet="Plan", row=1)
    assert texts(plan)[0] == ["Delivery plan 2026-27", "", "", ""]
    assert texts(dates)[1] == ["Patrol", "31/03/2027", "March 2027"]


def test_repeated_empty_cells_and_rows_are_not_expanded() -> None:
    data = ods_bytes({"Plan": PLAN}, trailing_repeats=16_000)
    tracemalloc.start()
    try:
        document = read_document("tracker.ods", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert texts(document.tables[0])[1:] == PLAN_TEXTS
    assert_merges_and_fills(document.tables[0], top=1)
    assert peak < 30 * 1024 * 1024
