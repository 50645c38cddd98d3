"""One model of a document, whatever format it came in: headings, paragraphs, list items and
tables of cells, each saying where it came from.

Every reader (Word, Excel, CSV, PDF, OpenDocument, plain text) produces a ``SourceDocument``;
every layout (the seed presets, the general table reader, the indicator-table reader) reads
only this model, so a new format needs a reader and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal


@dataclass(frozen=True)
class Origin:
    """Where something was in the file, in the words a council officer would use to find it."""

    page: int | None = None  # PDF page, 1-based
    sheet: str | None = None  # spreadsheet sheet name
    row: int | None = None  # spreadsheet or CSV row, 1-based, as the program shows it
    line: int | None = None  # line of a text file, 1-based
    table: int | None = None  # the nth table of a Word or PDF document, 1-based

    def describe(self) -> str:
        parts: list[str] = []
        if self.sheet is not None:
            parts.append(f"Sheet ‘{self.sheet}’")
        if self.page is not None:
            parts.append(f"Page {self.page}")
        if self.table is not None:
            parts.append(f"table {self.table}" if parts else f"Table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}" if parts else f"Row {self.row}")
        if self.line is not None:
            parts.append(f"line {self.line}" if parts else f"Line {self.line}")
        return ", ".join(parts) or "The document"


@dataclass
class Cell:
    """One grid position of a table.

    Tables are rectangular grids. A merged cell's text and fill are repeated at every position
    it covers, and those positions have ``covered`` set, so a reader can both carry a value
    merged down to each row it spans and recognise a full-width merged row.
    """

    text: str = ""
    fill: str = ""  # background colour as "#RRGGBB" (Word shading, Excel fill), "" for none
    col_span: int = 1  # on the top-left position of a merged area
    row_span: int = 1
    covered: bool = False  # True where another cell's merge covers this position
    bold: bool = False


@dataclass
class Table:
    rows: list[list[Cell]]
    origin: Origin
    row_origins: list[Origin] = field(default_factory=list)  # one per row, same length as rows
    # True when the reader joined this table from parts on several pages (PDF) with the
    # repeated header rows removed
    continued: bool = False

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def row_origin(self, index: int) -> Origin:
        if index < len(self.row_origins):
            return self.row_origins[index]
        return self.origin

    def texts(self, index: int) -> list[str]:
        return [cell.text for cell in self.rows[index]]


BlockKind = Literal["heading", "paragraph", "list_item"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    origin: Origin
    level: int = 0  # heading level (1 is the title) or list nesting depth (0 outermost)


Item = Block | Table


@dataclass
class SourceDocument:
    name: str  # the file name as uploaded
    format: str  # "docx", "xlsx", "csv", "pdf", "odt", "ods" or "text"
    items: list[Item] = field(default_factory=list)  # in reading order
    # The document as plain text, for the seed presets, which read text: tables as
    # tab-separated rows, one line per row.
    text: str = ""
    # What the reader could not read, in words: "Sheet ‘Notes’ is hidden and was not read"
    skipped: list[str] = field(default_factory=list)
    # When the file says it was last saved (Office core properties, PDF or ODF metadata), timezone
    # aware, or None; a tracker edited before SaferPlan last changed an action is a conflict.
    modified_at: datetime | None = None

    @property
    def tables(self) -> list[Table]:
        return [item for item in self.items if isinstance(item, Table)]


def sheet_headings(document: SourceDocument) -> dict[str, list[str]]:
    """Each sheet's first row, by sheet name (for telling a known workbook from a tracker)."""
    headings: dict[str, list[str]] = {}
    for table in document.tables:
        sheet = table.origin.sheet
        if sheet is not None and sheet not in headings and table.rows:
            headings[sheet] = table.texts(0)
    return headings


# Bump when a reader changes what it makes of a file, so documents kept on uploads are read anew.
DOCUMENT_VERSION = 1


def document_to_json(document: SourceDocument) -> dict[str, Any]:
    """The document as JSON, kept on an upload so its preview need not read the file again (a
    100-page PDF takes seconds to read; its model a fraction of that to load)."""
    items: list[dict[str, Any]] = []
    for item in document.items:
        if isinstance(item, Table):
            items.append(
                {
                    "table": [[_cell_json(cell) for cell in row] for row in item.rows],
                    "origin": _origin_json(item.origin),
                    "row_origins": [_origin_json(o) for o in item.row_origins],
                    "continued": item.continued,
                }
            )
        else:
            items.append(
                {
                    "block": item.kind,
                    "text": item.text,
                    "origin": _origin_json(item.origin),
                    "level": item.level,
                }
            )
    return {
        "version": DOCUMENT_VERSION,
        "name": document.name,
        "format": document.format,
        "items": items,
        "text": document.text,
        "skipped": document.skipped,
        "modified_at": document.modified_at.isoformat() if document.modified_at else None,
    }


def document_from_json(data: dict[str, Any] | None) -> SourceDocument | None:
    """The kept document, or None when there is none or it was made by an older reader."""
    if not data or data.get("version") != DOCUMENT_VERSION:
        return None
    items: list[Item] = []
    for item in data["items"]:
        origin = Origin(**item["origin"])
        if "table" in item:
            items.append(
                Table(
                    rows=[[Cell(**cell) for cell in row] for row in item["table"]],
                    origin=origin,
                    row_origins=[Origin(**o) for o in item["row_origins"]],
                    continued=item["continued"],
                )
            )
        else:
            items.append(Block(item["block"], item["text"], origin, item["level"]))
    modified = data.get("modified_at")
    return SourceDocument(
        name=data["name"],
        format=data["format"],
        items=items,
        text=data["text"],
        skipped=list(data["skipped"]),
        modified_at=datetime.fromisoformat(modified) if modified else None,
    )


def _origin_json(origin: Origin) -> dict[str, Any]:
    return {k: v for k, v in asdict(origin).items() if v is not None}


def _cell_json(cell: Cell) -> dict[str, Any]:
    """Only what differs from an empty cell: most cells are plain text."""
    values = asdict(cell)
    return {k: v for k, v in values.items() if v != _EMPTY_CELL[k]}


_EMPTY_CELL = asdict(Cell())
