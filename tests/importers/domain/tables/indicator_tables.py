"""Indicator tables built as the file readers would build them, without a file."""

from __future__ import annotations

from collections.abc import Sequence

from apps.importers.domain.source import Block, Cell, Origin, SourceDocument, Table


def sheet_table(rows: Sequence[Sequence[str]], *, sheet: str = "KPIs", first_row: int = 1) -> Table:
    """A spreadsheet's rows: each row knows its sheet and row number."""
    return Table(
        rows=[[Cell(text) for text in row] for row in rows],
        origin=Origin(sheet=sheet),
        row_origins=[Origin(sheet=sheet, row=first_row + i) for i in range(len(rows))],
    )


def word_table(rows: Sequence[Sequence[str | Cell]], *, table: int = 1) -> Table:
    """A Word table: rows know only the table they are in."""
    return Table(
        rows=[[c if isinstance(c, Cell) else Cell(c) for c in row] for row in rows],
        origin=Origin(table=table),
    )


def document(*items: Table | Block, name: str = "report.xlsx", fmt: str = "xlsx") -> SourceDocument:
    return SourceDocument(name=name, format=fmt, items=list(items))
