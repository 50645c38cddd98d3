"""A council's action table in the shape the readers meet: a title row merged across, a
shaded theme row, a lead merged down two rows, bullets in a cell, RAG by colour alone and in
words; and helpers to look at what a reader made of it."""

from __future__ import annotations

from apps.importers.domain.source import SourceDocument, Table
from tests.builders.documents import DocCell, DocTable

GREY = "#D9D9D9"
GREEN = "#00B050"
RED = "#FF0000"
AMBER = "#FFC000"

HEADER = ["Ref", "What we will do", "Lead agency", "Target date", "RAG"]
PLAN = DocTable(
    title="Priority 2: Reduce anti-social behaviour",
    heading_before="Delivery plan 2026-27",
    rows=[
        HEADER,
        [DocCell("Theme A: Town centres", col_span=5, fill=GREY, bold=True)],
        [
            "2.1",
            "Run joint patrols\n• Friday nights\n• school holidays",
            DocCell("Police and Bassetlaw DC", row_span=2),
            "31/03/2027",
            DocCell("", fill=GREEN),
        ],
        ["2.2", "Publish a quarterly ASB report", "Summer 26", DocCell("Red", fill=RED)],
        ["2.3", "Train licensees", "Community Safety Team", "Q3 2026/27", DocCell("", fill=AMBER)],
    ],
)
# The grid every reader should give for PLAN (title row first), covered positions included.
PLAN_TEXTS = [
    ["Priority 2: Reduce anti-social behaviour"] * 5,
    HEADER,
    ["Theme A: Town centres"] * 5,
    [
        "2.1",
        "Run joint patrols\n• Friday nights\n• school holidays",
        "Police and Bassetlaw DC",
        "31/03/2027",
        "",
    ],
    ["2.2", "Publish a quarterly ASB report", "Police and Bassetlaw DC", "Summer 26", "Red"],
    ["2.3", "Train licensees", "Community Safety Team", "Q3 2026/27", ""],
]
PLAN_TEXT_LINES = [
    "Priority 2: Reduce anti-social behaviour",
    "Ref\tWhat we will do\tLead agency\tTarget date\tRAG",
    "Theme A: Town centres",
    "2.1\tRun joint patrols • Friday nights • school holidays\tPolice and Bassetlaw DC\t31/03/2027",
    "2.2\tPublish a quarterly ASB report\t\tSummer 26\tRed",
    "2.3\tTrain licensees\tCommunity Safety Team\tQ3 2026/27",
]


def texts(table: Table) -> list[list[str]]:
    return [table.texts(i) for i in range(len(table.rows))]


def only_table(document: SourceDocument) -> Table:
    assert len(document.tables) == 1, [t.origin for t in document.tables]
    return document.tables[0]


def assert_merges_and_fills(table: Table, *, top: int = 0) -> None:
    """The title row, theme row and lead merged down, and the fills, as PLAN has them from
    row ``top`` of ``table``."""
    title, theme, first, second, third = (table.rows[top + i] for i in (0, 2, 3, 4, 5))
    assert (title[0].col_span, title[0].covered, title[0].bold) == (5, False, True)
    assert all(cell.covered for cell in title[1:])
    assert (theme[0].col_span, theme[0].fill) == (5, GREY)
    assert [cell.fill for cell in theme] == [GREY] * 5
    assert all(cell.covered for cell in theme[1:])
    assert (first[2].row_span, first[2].covered) == (2, False)
    assert (second[2].covered, second[2].text) == (True, "Police and Bassetlaw DC")
    assert [first[4].fill, second[4].fill, third[4].fill] == [GREEN, RED, AMBER]
    assert not any(cell.covered for cell in third)
