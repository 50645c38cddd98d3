"""An Excel workbook (.xlsx, .xlsm) as one table per visible sheet.

Hidden sheets, rows and columns are left out and listed; merged cells are expanded; dates are
written as a council officer types them (31/03/2027, or March 2027 where the cell shows no
day) and numbers without a spurious ".0"; solid fills give the cell's colour. Macros are never
run (openpyxl does not run them and ``keep_vba`` is off).

Before openpyxl builds a cell, the sheet XML is counted in a streaming pass: more than
``MAX_CELLS`` cells (merged areas included) or ``MAX_ROWS`` rows in a sheet refuses the file.
openpyxl's normal mode is used after that check because read-only mode has no merged cells or
hidden rows and columns.
"""

from __future__ import annotations

import colorsys
import io
import re
import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from apps.importers.domain.readers import common, safety
from apps.importers.domain.source import Cell, Item, Origin, SourceDocument, Table

HIDDEN_SHEET = "Sheet ‘{sheet}’ is hidden and was not read"
CHART_SHEET = "Sheet ‘{sheet}’ is a chart and was not read"
HIDDEN_ROWS = "Sheet ‘{sheet}’: {count} hidden {rows} not read"
HIDDEN_COLUMNS = "Sheet ‘{sheet}’: {count} hidden {columns} not read"

# Office's default theme, in the order fills refer to it (light 1, dark 1, light 2, dark 2,
# accents 1 to 6), for workbooks whose theme cannot be read.
DEFAULT_THEME = [
    "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4",
    "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47",
]  # fmt: skip
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]')


def prescan(name: str, archive: zipfile.ZipFile) -> None:
    """Count every sheet's rows and cells, and merged areas, without keeping them."""
    cells = 0
    for member in archive.namelist():
        if not (member.startswith("xl/worksheets/") and member.endswith(".xml")):
            continue
        rows = 0
        with archive.open(member) as stream:
            parser = etree.iterparse(
                stream,
                events=("end",),
                tag=("{*}row", "{*}c", "{*}mergeCell"),
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
            )
            try:
                for _, element in parser:
                    local = etree.QName(element).localname
                    if local == "c":
                        cells += 1
                    elif local == "row":
                        rows += 1
                        if rows > safety.MAX_ROWS:
                            raise safety.refuse(safety.TOO_MANY_ROWS, name, limit=safety.MAX_ROWS)
                    else:
                        cells += merged_area(element.get("ref", ""))
                    if cells > safety.MAX_CELLS:
                        raise safety.refuse(safety.TOO_MANY_CELLS, name, limit=safety.MAX_CELLS)
                    element.clear(keep_tail=False)
                    if local == "row":
                        while element.getprevious() is not None:
                            del element.getparent()[0]
            except etree.LxmlError as error:
                raise safety.refuse(safety.DAMAGED, name) from error


def merged_area(ref: str) -> int:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return 0
    if None in (min_col, min_row, max_col, max_row):
        return safety.MAX_CELLS + 1  # whole rows or columns merged
    return (max_col - min_col + 1) * (max_row - min_row + 1)  # type: ignore[operator]


def number_text(value: float, number_format: str) -> str:
    shown = _QUOTED.sub("", number_format or "")
    if "%" in shown:
        return f"{round(value * 100, 10):g}%"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}"


def date_text(value: date | datetime, number_format: str) -> str:
    """31/03/2027 as typed; "March 2027" where the cell's format shows no day."""
    shown = _QUOTED.sub("", number_format or "").lower()
    if "m" in shown and "d" not in shown and "y" in shown:
        return value.strftime("%B %Y")
    text = value.strftime("%d/%m/%Y")
    if isinstance(value, datetime) and "h" in shown and value.time() != time(0, 0):
        text += value.strftime(" %H:%M")
    return text


def cell_text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return date_text(value, number_format)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int | float):
        return number_text(value, number_format)
    return common.clean(str(value))


def tinted(rgb: str, tint: float) -> str:
    """Excel's tint: towards white when positive, black when negative, in HLS lightness."""
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, light, sat)
    return "".join(f"{round(channel * 255):02X}" for channel in (red, green, blue))


def theme_colours(book: Any) -> list[str]:
    """The workbook theme's colours in fill order, or Office's default theme."""
    theme = getattr(book, "loaded_theme", None)
    if not theme:
        return DEFAULT_THEME
    try:
        root = etree.fromstring(theme, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return DEFAULT_THEME
    scheme = root.find(".//{*}clrScheme")
    if scheme is None:
        return DEFAULT_THEME
    found: dict[str, str] = {}
    for slot in scheme:
        value = ""
        for colour in slot:
            value = colour.get("lastClr") or colour.get("val") or ""
        found[etree.QName(slot).localname] = value
    order = ["lt1", "dk1", "lt2", "dk2", *(f"accent{i}" for i in range(1, 7))]
    colours = [found.get(key, "") for key in order]
    return [c if len(c) == 6 else d for c, d in zip(colours, DEFAULT_THEME, strict=True)]


class Reader:
    def __init__(self, name: str, book: Any) -> None:
        self.name = name
        self.book = book
        self.theme = theme_colours(book)
        self.palette = list(getattr(book, "_colors", None) or COLOR_INDEX)
        self.skipped: list[str] = []
        self.budget = safety.MAX_CELLS

    def fill(self, cell: Any) -> str:
        fill = cell.fill
        if getattr(fill, "fill_type", None) != "solid":
            return ""
        colour = fill.fgColor
        try:
            if colour.type == "rgb":
                return common.colour(colour.rgb)
            if colour.type == "theme" and 0 <= colour.theme < len(self.theme):
                return "#" + tinted(self.theme[colour.theme], colour.tint or 0.0)
            if colour.type == "indexed" and 0 <= colour.indexed < min(64, len(self.palette)):
                return common.colour(self.palette[colour.indexed])
        except (TypeError, ValueError):
            return ""
        return ""

    def read(self) -> list[Item]:
        items: list[Item] = []
        for sheet in self.book.chartsheets:
            self.skipped.append(CHART_SHEET.format(sheet=sheet.title))
        for sheet in self.book.worksheets:
            if sheet.sheet_state != "visible":
                self.skipped.append(HIDDEN_SHEET.format(sheet=sheet.title))
                continue
            table = self.sheet(sheet)
            if table is not None:
                items.append(table)
        return items

    def hidden(self, sheet: Any) -> tuple[set[int], set[int]]:
        rows = {r for r, dim in sheet.row_dimensions.items() if dim.hidden}
        columns: set[int] = set()
        for key, dim in sheet.column_dimensions.items():
            if not dim.hidden:
                continue
            first = dim.min or column_index_from_string(key)
            last = dim.max or first
            columns.update(range(first, min(last, 16384) + 1))
        return rows, columns

    def sheet(self, sheet: Any) -> Table | None:
        title = sheet.title
        merged = [
            (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            for rng in sheet.merged_cells.ranges
        ]
        covered = {
            (r, c)
            for r0, c0, r1, c1 in merged
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }
        found: dict[tuple[int, int], Cell] = {}
        for (r, c), source in sheet._cells.items():
            if (r, c) in covered:
                continue
            text = cell_text(source.value, source.number_format)
            fill = self.fill(source)
            if text or fill:
                where = f"Sheet ‘{title}’, cell {source.coordinate}"
                safety.check_cell(self.name, text, where)
                found[(r, c)] = Cell(text=text, fill=fill, bold=bool(source.font and source.font.b))
        texted = [key for key, cell in found.items() if cell.text]
        if not texted:
            return None
        hidden_rows, hidden_cols = self.hidden(sheet)
        first_row = min(r for r, _ in texted)
        last_row = max(r for r, _ in texted)
        first_col = min(c for _, c in texted)
        last_col = max(c for _, c in texted)
        for r0, c0, r1, c1 in merged:
            if (r0, c0) in found and found[(r0, c0)].text:
                last_row, last_col = max(last_row, r1), max(last_col, c1)
        rows = [r for r in range(first_row, last_row + 1) if r not in hidden_rows]
        cols = [c for c in range(first_col, last_col + 1) if c not in hidden_cols]
        self.note_hidden(title, found, hidden_rows, hidden_cols)
        self.budget -= len(rows) * len(cols)
        if self.budget < 0:
            raise safety.refuse(safety.TOO_MANY_CELLS, self.name, limit=safety.MAX_CELLS)
        row_at = {r: i for i, r in enumerate(rows)}
        col_at = {c: j for j, c in enumerate(cols)}
        placed: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in merged:
            anchor = found.get((r0, c0))
            shown_rows = [row_at[r] for r in range(r0, r1 + 1) if r in row_at]
            shown_cols = [col_at[c] for c in range(c0, c1 + 1) if c in col_at]
            if anchor is None or not shown_rows or not shown_cols:
                continue
            anchor.row_span, anchor.col_span = len(shown_rows), len(shown_cols)
            # a merge whose first row or column is hidden still shows in the rest of its area
            placed[(r0, c0)] = (shown_rows[0], shown_cols[0])
        anchors: list[tuple[int, int, Cell]] = []
        for (r, c), cell in found.items():
            if (r, c) in placed:
                anchors.append((*placed[(r, c)], cell))
            elif r in row_at and c in col_at:
                anchors.append((row_at[r], col_at[c], cell))
        grid = common.expand(anchors, len(rows), len(cols))
        return Table(
            rows=grid,
            origin=Origin(sheet=title),
            row_origins=[Origin(sheet=title, row=r) for r in rows],
        )

    def note_hidden(
        self,
        title: str,
        found: dict[tuple[int, int], Cell],
        hidden_rows: set[int],
        hidden_cols: set[int],
    ) -> None:
        """List hidden rows and columns that held text, the ones a reader would miss."""
        texted = [key for key, cell in found.items() if cell.text]
        row_count = len({r for r, _ in texted if r in hidden_rows})
        col_count = len({c for _, c in texted if c in hidden_cols})
        if row_count:
            rows_word = "row was" if row_count == 1 else "rows were"
            self.skipped.append(HIDDEN_ROWS.format(sheet=title, count=row_count, rows=rows_word))
        if col_count:
            cols_word = "column was" if col_count == 1 else "columns were"
            self.skipped.append(
                HIDDEN_COLUMNS.format(sheet=title, count=col_count, columns=cols_word)
            )


def read_xlsx(name: str, data: bytes) -> SourceDocument:
    prescan(name, safety.open_zip(name, data))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), data_only=True, keep_vba=False, rich_text=False)
    except Exception as error:  # openpyxl, zipfile and the XML parser raise many kinds
        raise safety.refuse(safety.DAMAGED, name) from error
    try:
        reader = Reader(name, book)
        items = reader.read()
        modified = common.aware(getattr(book.properties, "modified", None))
    finally:
        book.close()
    return SourceDocument(
        name=name, format="xlsx", items=items, skipped=reader.skipped, modified_at=modified
    )
