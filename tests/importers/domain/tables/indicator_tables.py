"""Indicator tables built as the file readers would build them, without a file."""

from __future__ import annotations

from collections.abc import Sequence

from apps.importers.domain.source import Block, Cell, Origin, SourceDocument, Table

# A council's quarterly report: a title row with the year, a blank row, then the header.
QUARTERLY = [
    [
        "Safer Bassetlaw Partnership – Performance Report 2025/26",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["", "", "", "", "", "", "", "", "", ""],
    [
        "Ref",
        "Performance Indicator",
        "Baseline (2024/25)",
        "Target",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "RAG",
        "DoT",
        "Commentary",
    ],
    [
        "PI 1",
        "All recorded crime",
        "9,512",
        "5% reduction",
        "2,301",
        "2,288",
        "2,150",
        "",
        "Green",
        "↓ improving",
        "Down on last year",
    ],
    [
        "PI 2",
        "% of repeat domestic abuse victims",
        "33.2%",
        "30%",
        "32.1%",
        "31.0%",
        "n/a",
        "",
        "Amber",
        "↔",
        "",
    ],
    [
        "PI 3",
        "Hate crimes reported",
        "412",
        "Increase reporting",
        "98",
        "120",
        "131",
        "",
        "",
        "↑",
        "",
    ],
]


def sheet_table(rows: Sequence[Sequence[str]], *, sheet: str = "KPIs", first_row: int = 1) -> Table:
    """A spreadsheet's rows: each row knows its sheet and row number."""
    return Table(
        rows=[[Cell(text) for text in row] for row in rows],
        origin=Origin(sheet=sheet),
        row_origins=[Origin(sheet=sheet, row=first_row + i) for i in range(len(rows))],
    )


def word_table(rows: Sequence[Sequence[object]], *, table: int = 1) -> Table:
    """A Word table: rows know only the table they are in."""
    return Table(
        rows=[[c if isinstance(c, Cell) else Cell(str(c)) for c in row] for row in rows],
        origin=Origin(table=table),
    )


def document(*items: Table | Block, name: str = "report.xlsx", fmt: str = "xlsx") -> SourceDocument:
    return SourceDocument(name=name, format=fmt, items=list(items))
