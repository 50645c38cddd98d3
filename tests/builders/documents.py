"""One abstract table layout rendered into every format a partnership's plan arrives in.

A ``DocTable`` lists its rows as HTML does: each row holds the cells that start in it, a cell
merged down (``row_span``) is left out of the rows below, and one merged across
(``col_span``) is given once. Each builder makes the file the way the program would: real
merges (Word ``cell.merge``, Excel ``merge_cells``, HTML ``colspan``/``rowspan``, OpenDocument
spans and covered cells), real shading and fills, and lines beginning "• " as bulleted list
paragraphs inside a cell where the format has them.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf import dc as odf_dc
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.style import Style, TableCellProperties, TableProperties, TextProperties
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string
from weasyprint import HTML

BULLET = "• "
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class DocCell:
    text: str = ""
    fill: str = ""  # "#RRGGBB"
    col_span: int = 1
    row_span: int = 1
    bold: bool = False
    # a real value for spreadsheets (a date or number); ``text`` is used elsewhere
    value: date | datetime | float | int | None = None
    number_format: str = ""
    nested: list[list[str]] | None = None  # a table inside the cell (Word, OpenDocument)


@dataclass
class DocTable:
    rows: Sequence[Sequence[str | DocCell]]
    title: str = ""  # a bold title row merged across the table's full width, above the rows
    heading_before: str = ""  # a heading paragraph (or a row, in a spreadsheet) before it
    header_rows: int = 1  # rows repeated at the top of each PDF page (after the title)


@dataclass
class Placed:
    row: int
    col: int
    cell: DocCell


@dataclass
class Layout:
    placed: list[Placed] = field(default_factory=list)
    height: int = 0
    width: int = 0

    def grid(self) -> list[list[str]]:
        """Every position's text once, merged positions empty (as a CSV holds them)."""
        rows = [[""] * self.width for _ in range(self.height)]
        for item in self.placed:
            rows[item.row][item.col] = item.cell.text
        return rows


def as_cell(item: str | DocCell) -> DocCell:
    return item if isinstance(item, DocCell) else DocCell(item)


def layout(table: DocTable) -> Layout:
    """Where each cell starts, the title row included, as an HTML table places them."""
    occupied: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    offset = 1 if table.title else 0
    for r, row in enumerate(table.rows):
        c = 0
        for item in row:
            cell = as_cell(item)
            while (r + offset, c) in occupied:
                c += 1
            placed.append(Placed(r + offset, c, cell))
            for rr in range(r, r + cell.row_span):
                for cc in range(c, c + cell.col_span):
                    occupied.add((rr + offset, cc))
            c += cell.col_span
    width = max((c + 1 for _, c in occupied), default=1)
    height = max((r + 1 for r, _ in occupied), default=offset)
    if table.title:
        placed.insert(0, Placed(0, 0, DocCell(table.title, col_span=width, bold=True)))
    return Layout(placed, height, width)


# Word ---------------------------------------------------------------------------------------


def _shade(cell: docx.table._Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _docx_cell(cell: docx.table._Cell, source: DocCell) -> None:
    lines = source.text.split("\n") if source.text else []
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        if line.startswith(BULLET):
            paragraph.style = "List Bullet"
            line = line[len(BULLET) :]
        paragraph.add_run(line).bold = source.bold or None
    if source.nested:
        inner = cell.add_table(rows=len(source.nested), cols=max(map(len, source.nested)))
        for r, row in enumerate(source.nested):
            for c, text in enumerate(row):
                inner.cell(r, c).text = text
    if source.fill:
        _shade(cell, source.fill)


def docx_bytes(
    tables: Sequence[DocTable],
    *,
    paragraphs_before: Sequence[str] = (),
    paragraphs_between: Sequence[str] = (),
    landscape: bool = False,
    modified: datetime | None = None,
) -> bytes:
    """A Word document: paragraphs ("# " a heading, "• " a bulleted item), then each table
    after its heading, with ``paragraphs_between`` after every table but the last."""
    document = docx.Document()
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _docx_paragraphs(document, paragraphs_before)
    for index, table in enumerate(tables):
        if table.heading_before:
            document.add_heading(table.heading_before, level=2)
        shape = layout(table)
        grid = document.add_table(rows=shape.height, cols=shape.width)
        grid.style = "Table Grid"
        # Table.cell() walks the whole table, so content goes in through one snapshot of the
        # cells (a thousand-row table stays quick to build), and merges come after it: a merge
        # keeps the top-left cell's content and the covered cells are empty.
        cells = grid._cells
        for item in shape.placed:
            _docx_cell(cells[item.row * shape.width + item.col], item.cell)
        for item in shape.placed:
            if item.cell.col_span > 1 or item.cell.row_span > 1:
                corner = (item.row + item.cell.row_span - 1, item.col + item.cell.col_span - 1)
                grid.cell(item.row, item.col).merge(grid.cell(*corner))
        if index < len(tables) - 1:
            _docx_paragraphs(document, paragraphs_between)
    if modified is not None:
        document.core_properties.modified = modified
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_paragraphs(document: docx.document.Document, paragraphs: Iterable[str]) -> None:
    for text in paragraphs:
        if text.startswith("# "):
            document.add_heading(text[2:], level=1)
        elif text.startswith(BULLET):
            document.add_paragraph(text[len(BULLET) :], style="List Bullet")
        else:
            document.add_paragraph(text)


# Excel --------------------------------------------------------------------------------------


def xlsx_bytes(
    tables_by_sheet: Mapping[str, DocTable | Sequence[DocTable]],
    *,
    hidden_sheets: Iterable[str] = (),
    hidden_rows: Mapping[str, Iterable[int]] | None = None,
    hidden_columns: Mapping[str, Iterable[str]] | None = None,
    first_column: int = 1,
    modified: datetime | None = None,
) -> bytes:
    """A workbook, one sheet per key; several tables on a sheet are a blank row apart. A
    heading is a bold row above its table; hidden rows are Excel row numbers."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    hidden = set(hidden_sheets)
    for name, tables in tables_by_sheet.items():
        sheet = book.create_sheet(name)
        row = 1
        for table in [tables] if isinstance(tables, DocTable) else tables:
            if table.heading_before:
                sheet.cell(row, first_column, table.heading_before).font = Font(bold=True)
                row += 1
            shape = layout(table)
            for item in shape.placed:
                source = item.cell
                r, c = row + item.row, first_column + item.col
                value = source.value if source.value is not None else (source.text or None)
                cell = sheet.cell(r, c, value)
                if source.number_format:
                    cell.number_format = source.number_format
                if "\n" in source.text:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if source.bold:
                    cell.font = Font(bold=True)
                if source.fill:
                    colour = source.fill.lstrip("#").upper()
                    cell.fill = PatternFill("solid", fgColor=colour)
                if source.col_span > 1 or source.row_span > 1:
                    sheet.merge_cells(
                        start_row=r,
                        start_column=c,
                        end_row=r + source.row_span - 1,
                        end_column=c + source.col_span - 1,
                    )
            row += shape.height + 1
        if name in hidden:
            sheet.sheet_state = "hidden"
        for number in (hidden_rows or {}).get(name, ()):
            sheet.row_dimensions[number].hidden = True
        for letter in (hidden_columns or {}).get(name, ()):
            sheet.column_dimensions[letter].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    if modified is None:
        return buffer.getvalue()
    # openpyxl stamps the time of saving; a tracker keeps the time it was last saved in Excel
    core = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("docProps/core.xml").decode()
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{stamp}", core)
    return zip_replace(buffer.getvalue(), "docProps/core.xml", [core.encode()])


def zip_replace(data: bytes, member: str, chunks: Iterable[bytes]) -> bytes:
    """The zip with one member's content replaced (or added), written from ``chunks`` as they
    come, so a test can build a member of hundreds of megabytes holding one chunk of it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info.filename, source.read(info.filename))
        with target.open(member, "w", force_zip64=True) as stream:
            for chunk in chunks:
                stream.write(chunk)
    return buffer.getvalue()


# CSV ----------------------------------------------------------------------------------------


def csv_bytes(table: DocTable, *, delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    """The table as a spreadsheet program saves it: merged text once, a title or heading as a
    row of its own, line breaks kept inside quoted cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if table.heading_before:
        writer.writerow([table.heading_before])
    for row in layout(table).grid():
        while row and not row[-1]:
            row.pop()
        writer.writerow(row)
    return buffer.getvalue().encode(encoding)


# PDF ----------------------------------------------------------------------------------------

PDF_CSS = """
@page {{ size: A4 {orientation}; margin: 1.5cm; }}
body {{ font-family: sans-serif; font-size: 10pt; }}
h1 {{ font-size: 20pt; }}
h2 {{ font-size: 15pt; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 12pt; }}
th, td {{ border: 1px solid #000; padding: 3pt; vertical-align: top; text-align: left; }}
tr {{ break-inside: auto; }}
"""


def _html_cell(source: DocCell, tag: str) -> str:
    attributes = []
    if source.col_span > 1:
        attributes.append(f'colspan="{source.col_span}"')
    if source.row_span > 1:
        attributes.append(f'rowspan="{source.row_span}"')
    if source.fill:
        attributes.append(f'style="background-color: {escape(source.fill)}"')
    text = "<br>".join(escape(line) for line in source.text.split("\n"))
    if source.bold and tag == "td":
        text = f"<strong>{text}</strong>"
    return f"<{tag} {' '.join(attributes)}>{text}</{tag}>"


def _html_table(table: DocTable) -> str:
    shape = layout(table)
    by_row: dict[int, list[DocCell]] = {}
    for item in shape.placed:
        by_row.setdefault(item.row, []).append(item.cell)
    head_count = (1 if table.title else 0) + table.header_rows
    head: list[str] = []
    body: list[str] = []
    for r in range(shape.height):
        tag = "th" if r < head_count else "td"
        html = "".join(_html_cell(cell, tag) for cell in by_row.get(r, []))
        (head if r < head_count else body).append(f"<tr>{html}</tr>")
    return f"<table><thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>"


def pdf_bytes(
    tables: Sequence[DocTable],
    *,
    paragraphs_before: Sequence[str] = (),
    landscape: bool = True,
    borders: bool = True,
    marking: str = "",
) -> bytes:
    """A PDF printed from HTML: the title and header rows repeated on every page a table runs
    over, rows allowed to split across a page break, headings as larger bold text; with
    ``borders`` off, tables have no ruling lines (as a spreadsheet printed without gridlines);
    ``marking`` ("OFFICIAL") is printed in bold at the head of every page."""
    orientation = "landscape" if landscape else "portrait"
    css = PDF_CSS.format(orientation=orientation)
    if marking:
        # a protective marking at the head of every page and the page number at its foot
        css += (
            f'@page {{ @top-center {{ content: "{marking}"; font-weight: bold; }}'
            ' @bottom-right { content: "Page " counter(page); } }'
        )
    if not borders:
        css += "th, td { border: none; padding: 2pt 12pt 2pt 0; }"
    parts = [f"<style>{css}</style>"]
    for text in paragraphs_before:
        if text.startswith("# "):
            parts.append(f"<h1>{escape(text[2:])}</h1>")
        else:
            parts.append(f"<p>{escape(text)}</p>")
    for table in tables:
        if table.heading_before:
            parts.append(f"<h2>{escape(table.heading_before)}</h2>")
        parts.append(_html_table(table))
    html = f"<!doctype html><html lang='en'><body>{''.join(parts)}</body></html>"
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


# OpenDocument -------------------------------------------------------------------------------


class _OdfStyles:
    """Automatic cell styles, one per fill and boldness, made as they are first needed."""

    def __init__(self, document: OpenDocumentText | OpenDocumentSpreadsheet) -> None:
        self.document = document
        self.made: dict[tuple[str, bool], str] = {}

    def cell(self, fill: str, bold: bool) -> str | None:
        if not fill and not bold:
            return None
        key = (fill, bold)
        if key not in self.made:
            name = f"cell{len(self.made) + 1}"
            style = Style(name=name, family="table-cell")
            if fill:
                style.addElement(TableCellProperties(backgroundcolor=fill))
            if bold:
                style.addElement(TextProperties(fontweight="bold"))
            self.document.automaticstyles.addElement(style)
            self.made[key] = name
        return self.made[key]


def _odf_cell_content(cell: odf_table.TableCell, source: DocCell) -> None:
    bullets: odf_text.List | None = None
    for line in source.text.split("\n") if source.text else []:
        if line.startswith(BULLET):
            if bullets is None:
                bullets = odf_text.List()
                cell.addElement(bullets)
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=line[len(BULLET) :]))
            bullets.addElement(item)
        else:
            bullets = None
            cell.addElement(odf_text.P(text=line))
    if source.nested:
        inner = odf_table.Table(name="nested")
        inner.addElement(odf_table.TableColumn(numbercolumnsrepeated=max(map(len, source.nested))))
        for row in source.nested:
            inner_row = odf_table.TableRow()
            for text in row:
                inner_cell = odf_table.TableCell()
                inner_cell.addElement(odf_text.P(text=text))
                inner_row.addElement(inner_cell)
            inner.addElement(inner_row)
        cell.addElement(inner)


def _odf_table(
    table: DocTable,
    name: str,
    styles: _OdfStyles,
    *,
    spreadsheet: bool,
    hidden_rows: Iterable[int] = (),
    hidden_columns: Iterable[str] = (),
    trailing_repeats: int = 0,
) -> odf_table.Table:
    shape = layout(table)
    grid: dict[tuple[int, int], DocCell] = {(p.row, p.col): p.cell for p in shape.placed}
    covered = {
        (p.row + dr, p.col + dc)
        for p in shape.placed
        for dr in range(p.cell.row_span)
        for dc in range(p.cell.col_span)
        if (dr, dc) != (0, 0)
    }
    hidden = set(hidden_rows)
    element = odf_table.Table(name=name)
    hidden_at = {column_index_from_string(letter) - 1 for letter in hidden_columns}
    for c in range(shape.width):
        column = {"visibility": "collapse"} if c in hidden_at else {}
        element.addElement(odf_table.TableColumn(**column))
    first = 1 if spreadsheet and table.heading_before else 0
    if first:
        row = odf_table.TableRow()
        cell = odf_table.TableCell(valuetype="string", stylename=styles.cell("", True))
        cell.addElement(odf_text.P(text=table.heading_before))
        row.addElement(cell)
        element.addElement(row)
    for r in range(shape.height):
        attributes = {"visibility": "collapse"} if r + first + 1 in hidden else {}
        row = odf_table.TableRow(**attributes)
        for c in range(shape.width):
            if (r, c) in covered:
                row.addElement(odf_table.CoveredTableCell())
                continue
            source = grid.get((r, c), DocCell())
            options: dict[str, object] = {}
            if source.col_span > 1:
                options["numbercolumnsspanned"] = source.col_span
            if source.row_span > 1:
                options["numberrowsspanned"] = source.row_span
            style = styles.cell(source.fill, source.bold)
            if style:
                options["stylename"] = style
            if isinstance(source.value, date):
                options["valuetype"] = "date"
                options["datevalue"] = source.value.isoformat()
            elif isinstance(source.value, int | float):
                options["valuetype"] = "float"
                options["value"] = source.value
            elif source.text:
                options["valuetype"] = "string"
            cell = odf_table.TableCell(**options)
            _odf_cell_content(cell, source)
            row.addElement(cell)
        if trailing_repeats:
            row.addElement(odf_table.TableCell(numbercolumnsrepeated=trailing_repeats))
        element.addElement(row)
    if trailing_repeats:
        element.addElement(odf_table.TableRow(numberrowsrepeated=1_048_000))
    return element


def _odf_save(document: OpenDocumentText | OpenDocumentSpreadsheet) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(
    tables: Sequence[DocTable],
    *,
    paragraphs_before: Sequence[str] = (),
    modified: datetime | None = None,
) -> bytes:
    """A LibreOffice Writer document: headings, paragraphs, bullets and the tables;
    ``modified`` is saved as LibreOffice does, local time without a zone."""
    document = OpenDocumentText()
    if modified is not None:
        document.meta.addElement(odf_dc.Date(text=modified.isoformat()))
    styles = _OdfStyles(document)
    bullets: odf_text.List | None = None
    for text in paragraphs_before:
        if text.startswith(BULLET):
            if bullets is None:
                bullets = odf_text.List()
                document.text.addElement(bullets)
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=text[len(BULLET) :]))
            bullets.addElement(item)
            continue
        bullets = None
        if text.startswith("# "):
            document.text.addElement(odf_text.H(outlinelevel=1, text=text[2:]))
        else:
            document.text.addElement(odf_text.P(text=text))
    for index, table in enumerate(tables, start=1):
        if table.heading_before:
            document.text.addElement(odf_text.H(outlinelevel=2, text=table.heading_before))
        document.text.addElement(_odf_table(table, f"Table{index}", styles, spreadsheet=False))
    return _odf_save(document)


def ods_bytes(
    tables_by_sheet: Mapping[str, DocTable],
    *,
    hidden_sheets: Iterable[str] = (),
    hidden_rows: Mapping[str, Iterable[int]] | None = None,
    hidden_columns: Mapping[str, Iterable[str]] | None = None,
    trailing_repeats: int = 0,
) -> bytes:
    """A LibreOffice Calc workbook, one sheet per key, hidden rows and columns given as Calc
    shows them (row 6, column "E"). ``trailing_repeats`` ends every row with
    that many repeated empty cells and the sheet with a million repeated empty rows, as Calc
    does when a whole row or column has been formatted."""
    document = OpenDocumentSpreadsheet()
    styles = _OdfStyles(document)
    hidden = set(hidden_sheets)
    if hidden:
        sheet_style = Style(name="hiddensheet", family="table")
        sheet_style.addElement(TableProperties(display="false"))
        document.automaticstyles.addElement(sheet_style)
    for name, table in tables_by_sheet.items():
        element = _odf_table(
            table,
            name,
            styles,
            spreadsheet=True,
            hidden_rows=(hidden_rows or {}).get(name, ()),
            hidden_columns=(hidden_columns or {}).get(name, ()),
            trailing_repeats=trailing_repeats,
        )
        if name in hidden:
            element.setAttribute("stylename", "hiddensheet")
        document.spreadsheet.addElement(element)
    return _odf_save(document)


# Old binary Office files -------------------------------------------------------------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def ole2_bytes(streams: Mapping[str, bytes]) -> bytes:
    """A compound (OLE2) file holding the named streams, as old Word and Excel files and
    password-protected Office files are: "WordDocument", "Workbook", "EncryptionInfo"…

    Streams are padded to 4,096 bytes so they live in ordinary sectors, not the mini stream.
    """
    sector = 512
    bodies = [body.ljust(4096, b"\x00") for body in streams.values()]
    body_sectors = [-(-len(body) // sector) for body in bodies]
    dir_sectors = -(-(len(streams) + 1) * 128 // sector)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + dir_sectors + sum(body_sectors):
        fat_sectors += 1
    fat = [_FAT] * fat_sectors
    first_dir = len(fat)
    fat += [*range(first_dir + 1, first_dir + dir_sectors), _END]
    starts = []
    for count in body_sectors:
        start = len(fat)
        starts.append(start)
        fat += [*range(start + 1, start + count), _END]
    fat += [_FREE] * (fat_sectors * 128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _FREE, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    names = list(streams)
    entries = entry("Root Entry", 5, 1 if names else _FREE, _FREE, _END, 0)
    for index, name in enumerate(names):
        right = index + 2 if index + 1 < len(names) else _FREE
        entries += entry(name, 2, _FREE, right, starts[index], len(streams[name]))
    entries = entries.ljust(dir_sectors * sector, b"\x00")
    difat = [*range(fat_sectors), *([_FREE] * (109 - fat_sectors))]
    header = (
        OLE2_SIGNATURE
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIII", 0, fat_sectors, first_dir, 0)
        + struct.pack("<IIIII", 4096, _END, 0, _END, 0)
        + struct.pack("<109I", *difat)
    )
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return header + fat_bytes + entries + b"".join(bodies)


__all__ = [
    "DocCell",
    "DocTable",
    "csv_bytes",
    "docx_bytes",
    "layout",
    "ods_bytes",
    "odt_bytes",
    "ole2_bytes",
    "pdf_bytes",
    "xlsx_bytes",
    "zip_replace",
]
