"""Tables and documents as a file reader would hand them over, written as lists of strings,
for the plan reader's tests: merged cells, fills and bold where a council's file has them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from apps.importers.domain.parsed import ParsedPlan
from apps.importers.domain.source import Block, Cell, Item, Origin, SourceDocument, Table


@dataclass(frozen=True)
class C:
    """A cell with more than text: ``across`` columns and ``down`` rows merged from here."""

    text: str = ""
    fill: str = ""
    across: int = 1
    down: int = 1
    bold: bool = False


def table(
    rows: Sequence[Sequence[str | C]],
    *,
    number: int = 1,
    sheet: str | None = None,
    pages: Sequence[int] | None = None,
    first_row: int = 1,
) -> Table:
    """A rectangular table. A merged cell's text and fill are repeated at every position it
    covers, as ``source.Cell`` promises; a row lists only the cells not covered by a merge
    from a row above."""
    grid: list[list[Cell | None]] = []
    width = 0
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        line = grid[r]
        column = 0
        for item in row:
            spec = item if isinstance(item, C) else C(text=item)
            while column < len(line) and line[column] is not None:
                column += 1
            for down in range(spec.down):
                while len(grid) <= r + down:
                    grid.append([])
                target = grid[r + down]
                for across in range(spec.across):
                    position = column + across
                    while len(target) <= position:
                        target.append(None)
                    top_left = down == 0 and across == 0
                    target[position] = Cell(
                        text=spec.text,
                        fill=spec.fill,
                        col_span=spec.across if top_left else 1,
                        row_span=spec.down if top_left else 1,
                        covered=not top_left,
                        bold=spec.bold,
                    )
            column += spec.across
        width = max(width, len(line))
    cells = [[c if c is not None else Cell() for c in line] for line in grid]
    cells = [line + [Cell() for _ in range(width - len(line))] for line in cells]
    if sheet is not None:
        origins = [Origin(sheet=sheet, row=first_row + i) for i in range(len(cells))]
        origin = Origin(sheet=sheet)
    elif pages is not None:
        origins = [Origin(page=pages[i], table=number) for i in range(len(cells))]
        origin = Origin(page=pages[0], table=number)
    else:
        origins = [Origin(table=number, row=first_row + i) for i in range(len(cells))]
        origin = Origin(table=number)
    return Table(rows=cells, origin=origin, row_origins=origins)


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", text, Origin(), level)


def paragraph(text: str) -> Block:
    return Block("paragraph", text, Origin())


def document(*items: Item, name: str = "plan.docx", format: str = "docx") -> SourceDocument:
    return SourceDocument(name=name, format=format, items=list(items))


Row = tuple[str, str, list[str], str | None, date | None, str | None, str | None]


def actions(parsed: ParsedPlan) -> list[Row]:
    """Every action as (number, text, leads, by-when as written, due date, status, RAG)."""
    return [
        (a.number, a.text, a.leads, a.due_text, a.due_date, a.status, a.rag)
        for t in parsed.themes
        for o in t.objectives
        for a in o.actions
    ]


def outline(parsed: ParsedPlan) -> list[tuple[str, list[tuple[int, str, int]]]]:
    """Themes with their objectives as (number, title, number of actions)."""
    return [
        (t.title, [(o.number, o.title, len(o.actions)) for o in t.objectives])
        for t in parsed.themes
    ]
