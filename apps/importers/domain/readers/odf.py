"""OpenDocument text (.odt) and spreadsheets (.ods), read with odfpy.

Headings, paragraphs and lists of a text document, and every table, with spans, covered cells,
background colours and hidden rows. ``number-columns-repeated`` and ``number-rows-repeated``
(a sheet routinely "repeats" an empty cell 16,000 times) are never expanded for empty cells:
only cells holding text or a colour are placed, so memory follows the content, not the claims.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

from odf import teletype
from odf.namespaces import DCNS, FONS, OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from apps.importers.domain.readers import common, safety
from apps.importers.domain.readers.xlsx import HIDDEN_COLUMNS, HIDDEN_ROWS, HIDDEN_SHEET
from apps.importers.domain.source import Block, Cell, Item, Origin, SourceDocument, Table

BULLET = "• "
MAX_REPEAT = 1 << 20  # Calc's own sheets are 1,048,576 rows by 16,384 columns
_FRACTION = re.compile(r"(\.\d{6})\d+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def local(node: Any) -> str:
    qname = getattr(node, "qname", None)
    return qname[1] if qname else ""


def ns(node: Any) -> str:
    qname = getattr(node, "qname", None)
    return qname[0] if qname else ""


def get(node: Any, namespace: str, attribute: str) -> str | None:
    value = node.attributes.get((namespace, attribute))
    return None if value is None else str(value)


def count(node: Any, attribute: str, limit: int = MAX_REPEAT) -> int:
    value = get(node, TABLENS, attribute)
    return max(1, min(int(value), limit)) if value and value.isdigit() else 1


class Styles:
    """Cell styles' background colours and boldness, and hidden sheets' table styles."""

    def __init__(self, document: Any) -> None:
        self.fills: dict[str, str] = {}
        self.bold: set[str] = set()
        self.hidden_tables: set[str] = set()
        self.headings: set[str] = set()
        for container in (document.automaticstyles, document.styles):
            for style in container.childNodes:
                if local(style) != "style":
                    continue
                name = get(style, STYLENS, "name") or ""
                display = (get(style, STYLENS, "display-name") or name).lower()
                if display.startswith(("heading", "title")):
                    self.headings.add(name)
                for properties in style.childNodes:
                    kind = local(properties)
                    if kind == "table-cell-properties":
                        fill = common.colour(get(properties, FONS, "background-color"))
                        if fill:
                            self.fills[name] = fill
                    elif kind == "text-properties":
                        weight = get(properties, FONS, "font-weight")
                        if weight in {"bold", "700", "800", "900"}:
                            self.bold.add(name)
                    elif kind == "table-properties":
                        hidden = get(properties, TABLENS, "display") == "false"
                        if hidden:
                            self.hidden_tables.add(name)


class Reader:
    def __init__(self, name: str, document: Any, spreadsheet: bool) -> None:
        self.name = name
        self.document = document
        self.spreadsheet = spreadsheet
        self.styles = Styles(document)
        self.items: list[Item] = []
        self.skipped: list[str] = []
        self.tables = 0
        self.budget = safety.MAX_CELLS

    def read(self) -> list[Item]:
        body = self.document.spreadsheet if self.spreadsheet else self.document.text
        self.walk(body, list_depth=-1)
        return self.items

    def walk(self, parent: Any, list_depth: int) -> None:
        for node in parent.childNodes:
            kind = local(node)
            if ns(node) == TEXTNS and kind == "h":
                level = get(node, TEXTNS, "outline-level") or "1"
                self.block("heading", node, int(level) if level.isdigit() else 1)
            elif ns(node) == TEXTNS and kind == "p":
                style = get(node, TEXTNS, "style-name") or ""
                if style in self.styles.headings and list_depth < 0:
                    self.block("heading", node, 1)
                else:
                    self.block("list_item" if list_depth >= 0 else "paragraph", node, list_depth)
            elif ns(node) == TEXTNS and kind == "list":
                self.walk(node, list_depth + 1)
            elif ns(node) == TABLENS and kind == "table":
                self.table(node)
            elif kind in {"list-item", "list-header", "section", "index-body"}:
                self.walk(node, list_depth)

    def block(self, kind: str, node: Any, level: int) -> None:
        text = common.clean(teletype.extractText(node))
        if text:
            safety.check_cell(self.name, text, "A paragraph")
            self.items.append(Block(kind, text, Origin(), level=max(level, 0)))  # type: ignore[arg-type]

    def cell_lines(self, node: Any, bullet: str = "") -> list[str]:
        lines: list[str] = []
        for child in node.childNodes:
            kind = local(child)
            if kind in {"p", "h"}:
                text = common.clean(teletype.extractText(child))
                if text:
                    lines.append(bullet + text)
            elif kind == "list":
                lines.extend(self.cell_lines(child, BULLET))
            elif kind in {"list-item", "section"}:
                lines.extend(self.cell_lines(child, bullet))
            elif kind == "table":
                for row in self.rows_of(child):
                    texts = ["; ".join(self.cell_lines(cell)) for cell in row.childNodes]
                    line = " – ".join(text for text in texts if text)
                    if line:
                        lines.append(line)
        return lines

    def rows_of(self, table: Any) -> list[Any]:
        rows = []
        for node in table.childNodes:
            kind = local(node)
            if kind == "table-row":
                rows.append(node)
            elif kind in {"table-header-rows", "table-row-group", "table-rows"}:
                rows.extend(self.rows_of(node))
        return rows

    def hidden_columns(self, table: Any) -> set[int]:
        hidden: set[int] = set()
        position = 0
        columns = [n for n in table.childNodes if local(n) == "table-column"]
        for group in table.childNodes:
            if local(group) in {"table-columns", "table-header-columns", "table-column-group"}:
                columns.extend(n for n in group.childNodes if local(n) == "table-column")
        for column in columns:
            repeat = count(column, "number-columns-repeated", 16384)
            if get(column, TABLENS, "visibility") in {"collapse", "filter"}:
                hidden.update(range(position, min(position + repeat, 16384)))
            position += repeat
        return hidden

    def cell_text(self, node: Any) -> str:
        """The cell as Calc shows it, except that a date shown as numbers is written the UK
        way from its value (Calc shows 03/31/27 in a US locale)."""
        shown = "\n".join(self.cell_lines(node))
        value = get(node, OFFICENS, "date-value") or ""
        if get(node, OFFICENS, "value-type") == "date" and _NUMERIC_DATE.fullmatch(shown):
            try:
                moment = (
                    datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
                )
                return moment.strftime("%d/%m/%Y")
            except ValueError:
                pass
        return shown

    def table(self, table: Any) -> None:
        title = get(table, TABLENS, "name") or ""
        if (
            self.spreadsheet
            and (get(table, TABLENS, "style-name") or "") in self.styles.hidden_tables
        ):
            self.skipped.append(HIDDEN_SHEET.format(sheet=title))
            return
        self.tables += 1
        number = self.tables
        found: dict[tuple[int, int], Cell] = {}
        hidden_rows: set[int] = set()
        r = 0
        for row in self.rows_of(table):
            repeat = count(row, "number-rows-repeated")
            placed = self.row(row, r, found, title or f"Table {number}")
            if get(row, TABLENS, "visibility") in {"collapse", "filter"} and placed:
                hidden_rows.update(range(r, r + min(repeat, safety.MAX_ROWS)))
            if placed and repeat > 1:
                keys = [key for key in found if key[0] == r]
                copies = min(repeat, self.budget // len(keys) + 2)
                for key in keys:
                    for extra in range(1, copies):
                        source = found[key]
                        found[(r + extra, key[1])] = Cell(
                            source.text, source.fill, bold=source.bold
                        )
            r += repeat
            if len(found) > self.budget:
                raise safety.refuse(safety.TOO_MANY_CELLS, self.name, limit=safety.MAX_CELLS)
        hidden_cols = self.hidden_columns(table)
        texted = [key for key, cell in found.items() if cell.text]
        if not texted:
            return
        last_row = max(r for r, _ in texted)
        last_col = max(c for _, c in texted)
        first_row = min(r for r, _ in texted) if self.spreadsheet else 0
        first_col = min(c for _, c in texted) if self.spreadsheet else 0
        for (r0, c0), cell in found.items():
            if cell.text:
                last_row = max(last_row, r0 + cell.row_span - 1)
                last_col = max(last_col, c0 + cell.col_span - 1)
        rows = [i for i in range(first_row, last_row + 1) if i not in hidden_rows]
        cols = [j for j in range(first_col, last_col + 1) if j not in hidden_cols]
        hidden_count = len({r for r, _ in texted if r in hidden_rows})
        if hidden_count:
            words = "row was" if hidden_count == 1 else "rows were"
            self.skipped.append(HIDDEN_ROWS.format(sheet=title, count=hidden_count, rows=words))
        hidden_count = len({c for _, c in texted if c in hidden_cols})
        if hidden_count:
            words = "column was" if hidden_count == 1 else "columns were"
            self.skipped.append(
                HIDDEN_COLUMNS.format(sheet=title, count=hidden_count, columns=words)
            )
        self.budget -= len(rows) * len(cols)
        if self.budget < 0:
            raise safety.refuse(safety.TOO_MANY_CELLS, self.name, limit=safety.MAX_CELLS)
        row_at = {i: k for k, i in enumerate(rows)}
        col_at = {j: k for k, j in enumerate(cols)}
        anchors = []
        for (i, j), cell in found.items():
            shown_rows = [row_at[x] for x in range(i, i + cell.row_span) if x in row_at]
            shown_cols = [col_at[y] for y in range(j, j + cell.col_span) if y in col_at]
            if shown_rows and shown_cols:
                cell.row_span, cell.col_span = len(shown_rows), len(shown_cols)
                anchors.append((shown_rows[0], shown_cols[0], cell))
        grid = common.expand(anchors, len(rows), len(cols))
        if self.spreadsheet:
            origin = Origin(sheet=title)
            origins = [Origin(sheet=title, row=i + 1) for i in rows]
        else:
            origin = Origin(table=number)
            origins = [Origin(table=number, row=k + 1) for k in range(len(rows))]
        self.items.append(Table(rows=grid, origin=origin, row_origins=origins))

    def row(self, row: Any, r: int, found: dict[tuple[int, int], Cell], where: str) -> bool:
        """Place the row's cells holding text or a colour; True if it placed any."""
        c = 0
        placed = False
        for node in row.childNodes:
            kind = local(node)
            if kind not in {"table-cell", "covered-table-cell"}:
                continue
            repeat = count(node, "number-columns-repeated", 16384)
            if kind == "table-cell":
                style = get(node, TABLENS, "style-name") or ""
                text = self.cell_text(node)
                fill = self.styles.fills.get(style, "")
                if text or fill:
                    safety.check_cell(self.name, text, f"{where}, row {r + 1}")
                    for k in range(min(repeat, self.budget + 1)):
                        found[(r, c + k)] = Cell(
                            text=text,
                            fill=fill,
                            col_span=count(node, "number-columns-spanned", 16384),
                            row_span=count(node, "number-rows-spanned", safety.MAX_ROWS),
                            bold=style in self.styles.bold,
                        )
                    placed = True
                    if len(found) > self.budget:
                        raise safety.refuse(
                            safety.TOO_MANY_CELLS, self.name, limit=safety.MAX_CELLS
                        )
            c += repeat
        return placed


def modified(document: Any) -> datetime | None:
    for node in document.meta.childNodes:
        if ns(node) == DCNS and local(node) == "date":
            text = _FRACTION.sub(r"\1", teletype.extractText(node).strip())
            try:
                return common.aware(datetime.fromisoformat(text), common.LONDON)
            except ValueError:
                return None
    return None


def read_odf(name: str, data: bytes, spreadsheet: bool) -> SourceDocument:
    archive = safety.open_zip(name, data, parsed_parts=("content.xml", "styles.xml"))
    if "META-INF/manifest.xml" in archive.namelist():
        manifest = safety.read_member(name, archive, "META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise safety.refuse(safety.PASSWORD, name)
    try:
        document = load(io.BytesIO(data))
    except Exception as error:  # odfpy, zipfile and the XML parser raise many kinds
        raise safety.refuse(safety.DAMAGED, name) from error
    reader = Reader(name, document, spreadsheet)
    items = reader.read()
    return SourceDocument(
        name=name,
        format="ods" if spreadsheet else "odt",
        items=items,
        skipped=reader.skipped,
        modified_at=modified(document),
    )


def read_odt(name: str, data: bytes) -> SourceDocument:
    return read_odf(name, data, spreadsheet=False)


def read_ods(name: str, data: bytes) -> SourceDocument:
    return read_odf(name, data, spreadsheet=True)
