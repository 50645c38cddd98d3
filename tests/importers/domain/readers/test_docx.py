"""Word documents: blocks in reading order, merged and nested cells, shading, bullets."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from apps.importers.domain.readers import read_document
from apps.importers.domain.source import Block, Origin, Table
from tests.builders.documents import DocCell, DocTable, docx_bytes, zip_replace
from tests.importers.domain.readers.tables import (
    PLAN,
    PLAN_TEXT_LINES,
    PLAN_TEXTS,
    assert_merges_and_fills,
    texts,
)


def test_headings_paragraphs_and_lists_come_before_the_table_in_order() -> None:
    data = docx_bytes(
        [PLAN],
        paragraphs_before=["# Community safety plan", "How we will work together", "• Listen"],
    )
    document = read_document("plan.docx", data)
    blocks = [(b.kind, b.level, b.text) for b in document.items[:4] if isinstance(b, Block)]
    assert document.format == "docx"
    assert blocks == [
        ("heading", 1, "Community safety plan"),
        ("paragraph", 0, "How we will work together"),
        ("list_item", 0, "Listen"),
        ("heading", 2, "Delivery plan 2026-27"),
    ]
    assert isinstance(document.items[4], Table)


def test_the_table_keeps_merges_shading_bullets_and_origins() -> None:
    document = read_document("plan.docx", docx_bytes([PLAN]))
    table = document.tables[0]
    assert texts(table) == PLAN_TEXTS
    assert_merges_and_fills(table)
    assert table.origin == Origin(table=1)
    assert table.row_origins == [Origin(table=1, row=n) for n in range(1, 7)]
    assert table.rows[1][0].bold is False
    assert document.text.split("\n") == ["Delivery plan 2026-27", *PLAN_TEXT_LINES]


def test_tables_and_paragraphs_interleave_as_the_document_shows_them() -> None:
    first = DocTable(rows=[["Action", "Lead"], ["Patrol parks", "Police"]], heading_before="One")
    second = DocTable(rows=[["Action", "Lead"], ["Mark bikes", "Council"]], heading_before="Two")
    document = read_document(
        "plan.docx", docx_bytes([first, second], paragraphs_between=["Between the tables"])
    )
    shape = [item.text if isinstance(item, Block) else texts(item)[1][0] for item in document.items]
    assert shape == ["One", "Patrol parks", "Between the tables", "Two", "Mark bikes"]
    assert [table.origin.table for table in document.tables] == [1, 2]


def test_a_nested_table_is_flattened_into_its_cell_one_line_per_row() -> None:
    nested = DocCell("Partners:", nested=[["Police", "lead"], ["Council", "support"]])
    document = read_document("plan.docx", docx_bytes([DocTable(rows=[["Who", nested]])]))
    assert document.tables[0].rows[0][1].text == "Partners:\nPolice – lead\nCouncil – support"


def test_bold_cells_and_last_saved_time() -> None:
    table = DocTable(rows=[[DocCell("Theme", bold=True), "Plain"]])
    saved = datetime(2026, 3, 1, 9, 30)
    document = read_document("plan.docx", docx_bytes([table], modified=saved))
    assert [cell.bold for cell in document.tables[0].rows[0]] == [True, False]
    assert document.modified_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_the_content_decides_the_format_not_the_name() -> None:
    document = read_document("plan.txt", docx_bytes([PLAN]))
    assert document.format == "docx"
    assert texts(document.tables[0]) == PLAN_TEXTS


def test_a_macro_enabled_document_is_read_without_running_anything() -> None:
    data = docx_bytes([PLAN], landscape=True)
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", macro
    )
    assert macro in types
    document = read_document(
        "plan.docm", zip_replace(data, "[Content_Types].xml", [types.encode()])
    )
    assert texts(document.tables[0]) == PLAN_TEXTS
