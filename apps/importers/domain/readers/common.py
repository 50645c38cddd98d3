"""What every reader shares: building a rectangular grid from merged cells, the plain-text
rendering of a document, colours as "#RRGGBB" and timestamps made timezone-aware."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apps.importers.domain.readers import safety
from apps.importers.domain.source import Block, Cell, Item, SourceDocument, Table

LONDON = ZoneInfo("Europe/London")
_HEX = re.compile(r"[0-9A-Fa-f]{6}")


def colour(value: str | None) -> str:
    """ "FFC00000", "C00000" or "#c00000" as "#C00000"; "auto" and anything else as ""."""
    text = (value or "").strip().lstrip("#")
    if len(text) == 8:
        text = text[2:]  # ARGB: Office ignores the alpha of a fill
    return f"#{text.upper()}" if _HEX.fullmatch(text) else ""


def aware(moment: datetime | None, zone: ZoneInfo | None = None) -> datetime | None:
    """A timestamp with its timezone; Office files save UTC without saying so."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone or UTC)


def clean(text: str) -> str:
    """Cell or paragraph text with line endings made "\\n", each line's trailing spaces and
    the text's outer blank lines removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = text.replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n").strip()


def expand(anchors: Iterable[tuple[int, int, Cell]], height: int, width: int) -> list[list[Cell]]:
    """A height × width grid of the anchored cells, each merged area's other positions holding
    the same text and fill with ``covered`` set; spans are clipped to the grid."""
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for row, col, cell in anchors:
        if row >= height or col >= width or grid[row][col] is not None:
            continue
        cell.row_span = max(1, min(cell.row_span, height - row))
        cell.col_span = max(1, min(cell.col_span, width - col))
        for r in range(row, row + cell.row_span):
            for c in range(col, col + cell.col_span):
                if grid[r][c] is not None:
                    continue
                if (r, c) == (row, col):
                    grid[r][c] = cell
                else:
                    grid[r][c] = Cell(cell.text, cell.fill, covered=True, bold=cell.bold)
    return [[cell or Cell() for cell in row] for row in grid]


def row_blank(row: list[Cell]) -> bool:
    return not any(cell.text for cell in row)


def trim(rows: list[list[Cell]]) -> tuple[int, int, int, int]:
    """The first and last rows and columns (end exclusive) that hold any text."""
    filled_rows = [i for i, row in enumerate(rows) if not row_blank(row)]
    if not filled_rows:
        return 0, 0, 0, 0
    width = max(len(row) for row in rows)
    filled_cols = [c for c in range(width) if any(c < len(row) and row[c].text for row in rows)]
    return filled_rows[0], filled_rows[-1] + 1, filled_cols[0], filled_cols[-1] + 1


def table_lines(table: Table) -> list[str]:
    """A table as text: one line per row, cells tab-separated, a merged cell's text once."""
    lines = []
    for row in table.rows:
        texts = ["" if cell.covered else " ".join(cell.text.split()) for cell in row]
        line = "\t".join(texts).rstrip("\t")
        if line.strip():
            lines.append(line)
    return lines


def document_text(items: list[Item]) -> str:
    lines: list[str] = []
    for item in items:
        if isinstance(item, Table):
            lines.extend(table_lines(item))
        elif item.text:
            lines.append(item.text)
    return "\n".join(lines)


def has_text(items: list[Item]) -> bool:
    for item in items:
        if isinstance(item, Block):
            if item.text.strip():
                return True
        elif any(cell.text.strip() for row in item.rows for cell in row):
            return True
    return False


def finish(document: SourceDocument) -> SourceDocument:
    """The document with its plain text filled in, or the "is empty" refusal."""
    if not has_text(document.items):
        raise safety.refuse(safety.EMPTY, document.name)
    if not document.text:
        document.text = document_text(document.items)
    return document
