"""PDFs with a text layer: tables found by their rules, a table running over pages joined with
its repeated headers dropped and a row split by a page break made whole again."""

from __future__ import annotations

import functools
import io
from datetime import UTC, datetime, timedelta, timezone

import pdfplumber
import pytest

from apps.importers.domain.readers import read_document, safety
from apps.importers.domain.readers.pdf import PageTable, Reader, pdf_date
from apps.importers.domain.source import Block, Cell, Origin, Table
from tests.builders.documents import DocTable, pdf_bytes
from tests.importers.domain.readers.tables import (
    PLAN,
    PLAN_TEXT_LINES,
    PLAN_TEXTS,
    assert_merges_and_fills,
    texts,
)

LONG_HEADER = ["No.", "Action", "Owner", "Deadline"]
SPLIT_AT = 22
SPLIT_TEXT = "\n".join(f"Step {k} of the neighbourhood watch relaunch" for k in range(1, 41))


def long_rows() -> list[list[str]]:
    rows = []
    for number in range(1, 81):
        action = SPLIT_TEXT if number == SPLIT_AT else f"Action {number}: visit hotspot {number}"
        rows.append([f"{number}", action, "Neighbourhood policing team", "31/03/2027"])
    return rows


@functools.cache
def long_pdf() -> bytes:
    """80 actions over five landscape pages marked OFFICIAL at the head and numbered at the
    foot; action 22 runs over the first page break."""
    table = DocTable(rows=[LONG_HEADER, *long_rows()], heading_before="Action plan")
    return pdf_bytes([table], marking="OFFICIAL")


def test_a_table_on_one_page_keeps_merges_fills_and_blocks_around_it() -> None:
    data = pdf_bytes([PLAN], paragraphs_before=["# Safer Newark plan", "Agreed by the board."])
    document = read_document("plan.pdf", data)
    blocks = [(b.kind, b.level, b.text) for b in document.items if isinstance(b, Block)]
    assert document.format == "pdf"
    assert blocks[:2] == [
        ("heading", 1, "Safer Newark plan"),
        ("paragraph", 0, "Agreed by the board."),
    ]
    assert blocks[2][0] == "heading" and blocks[2][2] == "Delivery plan 2026-27"
    table = document.tables[0]
    assert texts(table) == PLAN_TEXTS
    assert_merges_and_fills(table)
    assert table.origin == Origin(page=1, table=1)
    assert table.continued is False
    assert document.text.split("\n")[-len(PLAN_TEXT_LINES) :] == PLAN_TEXT_LINES


def test_a_table_over_several_pages_is_one_table_with_a_split_row_rejoined() -> None:
    document = read_document("plan.pdf", long_pdf())
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.continued is True
    assert texts(table) == [LONG_HEADER, *long_rows()]
    pages = [origin.page or 0 for origin in table.row_origins]
    assert pages == sorted(pages)
    assert len(set(pages)) >= 3
    assert table.row_origins[SPLIT_AT].page == 1  # the split row is where it began
    assert table.row_origins[SPLIT_AT + 1].page == 2
    assert [origin.row for origin in table.row_origins] == list(range(1, 82))
    running = [b.text for b in document.items if isinstance(b, Block) and b.text == "OFFICIAL"]
    assert len(running) == len(set(pages))  # read as paragraphs, not headings that end tables


def test_tables_with_a_heading_between_stay_apart() -> None:
    other = DocTable(
        rows=[["Ref", "Action"], ["3.1", "Fund target hardening"]], heading_before="Priority 3"
    )
    document = read_document("plan.pdf", pdf_bytes([PLAN, other]))
    assert [texts(table)[-1] for table in document.tables][1] == ["3.1", "Fund target hardening"]
    assert [table.origin.table for table in document.tables] == [1, 2]


def test_pages_beyond_the_limit_are_listed_as_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_PAGES", 2)
    document = read_document("plan.pdf", long_pdf())
    pages = {origin.page for origin in document.tables[0].row_origins}
    assert pages == {1, 2}
    with pdfplumber.open(io.BytesIO(long_pdf())) as pdf:
        total = len(pdf.pages)
    assert document.skipped == [
        f"Pages 3 to {total} were not read: SaferPlan reads the first 2 pages"
    ]


def test_pdf_dates_are_timezone_aware() -> None:
    assert pdf_date("D:20260301093000+01'00'") == datetime(
        2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1))
    )
    assert pdf_date("D:20261130Z") == datetime(2026, 11, 30, tzinfo=UTC)
    assert pdf_date("not a date") is None


BORDERLESS = DocTable(
    rows=[
        ["Ref", "Action", "Lead", "Due"],
        ["1", "Patrol the parks", "Police", "31/03/2027"],
        ["2", "Mark bicycles at schools", "Bassetlaw DC", "Summer 26"],
        ["3", "Train door staff on spiking", "Licensing team", "Q3 2026/27"],
        ["4", "Visit repeat victims weekly", "Victim Support", "Ongoing"],
    ],
    heading_before="Actions",
)


def test_a_table_without_ruling_lines_is_found_by_its_aligned_columns() -> None:
    data = pdf_bytes([BORDERLESS], paragraphs_before=["The partnership agreed these actions."])
    document = read_document("plan.pdf", data)
    blocks = [b.text for b in document.items if isinstance(b, Block)]
    assert blocks == ["The partnership agreed these actions.", "Actions"]
    assert texts(document.tables[0]) == [[str(c) for c in row] for row in BORDERLESS.rows]


def test_a_wrapped_cell_without_ruling_lines_stays_in_its_row() -> None:
    long_action = " ".join(["Work with licensed premises to reduce alcohol related harm"] * 4)
    rows = [*BORDERLESS.rows[:2], ["2", long_action, "Licensing team", "Ongoing"]]
    document = read_document("plan.pdf", pdf_bytes([DocTable(rows=rows)], landscape=False))
    table = document.tables[0]
    assert len(table.rows) == 3
    assert "\n" in table.rows[2][1].text
    assert [" ".join(text.split()) for text in table.texts(2)] == [
        "2",
        long_action,
        "Licensing team",
        "Ongoing",
    ]


def test_a_continuation_drops_the_repeated_header_below_an_unrepeated_title() -> None:
    title, header = (
        [Cell("Priority 1", col_span=2), Cell("Priority 1", covered=True)],
        [
            Cell("Action"),
            Cell("Lead"),
        ],
    )
    previous = Table(
        rows=[title, header, [Cell("Patrol"), Cell("Police")]], origin=Origin(page=1, table=1)
    )
    previous.row_origins = [Origin(page=1, table=1, row=n) for n in (1, 2, 3)]
    part = PageTable(
        [[Cell("Action"), Cell("Lead")], [Cell("Mark bikes"), Cell("Council")]], (0, 0, 1, 1)
    )
    assert Reader("plan.pdf", None).join(previous, part, page=2)
    assert texts(previous) == [
        ["Priority 1", "Priority 1"],
        ["Action", "Lead"],
        ["Patrol", "Police"],
        ["Mark bikes", "Council"],
    ]
    assert previous.row_origins[-1] == Origin(page=2, table=1, row=4)
    assert previous.continued


def test_a_boxed_paragraph_is_text_not_a_table() -> None:
    box = DocTable(rows=[["Our vision: a safer district for everyone"]], header_rows=0)
    document = read_document("plan.pdf", pdf_bytes([box, PLAN]))
    blocks = [b.text for b in document.items if isinstance(b, Block)]
    assert "Our vision: a safer district for everyone" in blocks
    assert [texts(table) for table in document.tables] == [PLAN_TEXTS]
