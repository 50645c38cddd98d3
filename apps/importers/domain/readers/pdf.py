"""A PDF's text layer as headings, paragraphs and tables, with tables that run over several
pages joined into one.

pdfplumber finds tables by their ruling lines, or by the alignment of their text where a page
has no lines. A table continues from the previous page when it is the first table on its page,
the previous page ended with a table of as many columns running to the foot of the page, and no
heading comes between: its repeated header rows are dropped and a row split by the page break
(its first column empty on the new page) is joined back to the row it began as.
"""

from __future__ import annotations

import bisect
import io
import itertools
import re
import statistics
from collections import defaultdict
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pdfplumber

from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import common, safety
from apps.importers.domain.source import Block, Cell, Item, Origin, SourceDocument, Table

LINE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
COLUMN_GAP = 0.8  # a gap between words this many font sizes wide separates columns
WORD_GAP = 0.15  # and one this wide separates words
ALIGN = 6.0  # points within which column starts count as one
BULLETS = "•●▪◦-–*"
_PDF_DATE = re.compile(
    r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?"
)
FOOT_FRACTION = 0.2  # a table ending this close to the foot of its page may continue
HEAD_FRACTION = 0.25  # a continuation starts this close to the top of its page
MARGIN = 0.07  # lines this close to the top or foot of a page are running headers or footers
HEADER_ROWS = 4  # at most this many rows at the top of a continuation are repeated headers


def pdf_date(value: Any) -> datetime | None:
    """ "D:20260301120000+01'00'" as an aware datetime; None when it is not a PDF date."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    match = _PDF_DATE.match(str(value or "").strip())
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(
        match.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True))  # fmt: skip
    zone: timezone = UTC
    if match[7] in {"+", "-"}:
        offset = timedelta(hours=int(match[8] or 0), minutes=int(match[9] or 0))
        zone = timezone(offset if match[7] == "+" else -offset)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def hex_colour(value: Any) -> str:
    """A pdfplumber fill colour (grey, RGB or CMYK floats) as "#RRGGBB"; "" for white/none."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, int | float) for v in value):
        return ""
    if len(value) == 1:
        red = green = blue = float(value[0])
    elif len(value) == 3:
        red, green, blue = (float(v) for v in value)
    elif len(value) == 4:
        c, m, y, k = (float(v) for v in value)
        red, green, blue = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return ""
    text = "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in (red, green, blue))
    return "" if text == "FFFFFF" else f"#{text}"


def is_bold(char: dict[str, Any]) -> bool:
    font = str(char.get("fontname", "")).lower()
    return any(word in font for word in ("bold", "black", "heavy", "semibold"))


def inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class PageTable:
    """One table as found on one page, before joining."""

    def __init__(self, rows: list[list[Cell]], bbox: tuple[float, float, float, float]) -> None:
        self.rows = rows
        self.bbox = bbox


def grid_of(found: Any, page: Any, name: str, where: str) -> PageTable | None:
    """The table's cells with their spans, fills and boldness from pdfplumber's table."""
    texts = found.extract()
    rows = found.rows
    if not rows:
        return None
    width = max(len(row.cells) for row in rows)
    xs = sorted({cell[0] for row in rows for cell in row.cells if cell is not None})
    tops = [row.bbox[1] for row in rows]
    rects = [r for r in page.rects if r.get("fill")]
    anchors: list[tuple[int, int, Cell]] = []
    owners: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            text = texts[r][c] if r < len(texts) and c < len(texts[r]) else ""
            text = safety.check_cell(name, common.clean(text or ""), f"{where}, row {r + 1}")
            col_span = max(1, sum(1 for x in xs if box[0] - 0.5 <= x < box[2] - 0.5))
            row_span = max(1, sum(1 for top in tops if box[1] - 0.5 <= top < box[3] - 0.5))
            cell = Cell(text=text, col_span=col_span, row_span=row_span)
            cell.fill = fill_at(rects, box)
            anchors.append((r, c, cell))
            for rr in range(r, r + row_span):
                for cc in range(c, c + col_span):
                    owners.setdefault((rr, cc), cell)
    mark_bold(found, page, owners, xs, tops)
    grid = common.expand(anchors, len(rows), width)
    return PageTable(grid, found.bbox)


def fill_at(rects: list[dict[str, Any]], box: tuple[float, float, float, float]) -> str:
    """The colour of the smallest filled rectangle under the cell's centre."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    best, best_area = "", float("inf")
    for rect in rects:
        if inside(x, y, (rect["x0"], rect["top"], rect["x1"], rect["bottom"])):
            area = (rect["x1"] - rect["x0"]) * (rect["bottom"] - rect["top"])
            if area < best_area:
                best, best_area = hex_colour(rect.get("non_stroking_color")), area
    return best


def mark_bold(
    found: Any, page: Any, owners: dict[tuple[int, int], Cell], xs: list[float], tops: list[float]
) -> None:
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    cells: dict[int, Cell] = {}
    x0, top, x1, bottom = found.bbox
    for char in page.chars:
        if not char["text"].strip():
            continue
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        key = (bisect.bisect_right(tops, y) - 1, bisect.bisect_right(xs, x) - 1)
        cell = owners.get(key)
        if cell is not None:
            cells[id(cell)] = cell
            counts[id(cell)][0 if is_bold(char) else 1] += 1
    for ident, (bold, plain) in counts.items():
        cells[ident].bold = bold > 0 and plain == 0


def segments(line: dict[str, Any]) -> list[tuple[float, str, bool]]:
    """A text line cut where the gap between words is as wide as a column gutter: each
    segment's left edge, its text and whether it is all bold."""
    # pdfplumber lists an expanded ligature ("ff") twice among a line's characters
    unique = {(c["x0"], c["top"], c["text"]): c for c in line["chars"] if c["text"].strip()}
    chars = sorted(unique.values(), key=lambda c: c["x0"])
    result: list[tuple[float, str, bool]] = []
    current: list[dict[str, Any]] = []

    def close() -> None:
        if current:
            text = current[0]["text"]
            for before, char in itertools.pairwise(current):
                gap = char["x0"] - before["x1"]
                text += (" " if gap > WORD_GAP * char["size"] else "") + char["text"]
            result.append((current[0]["x0"], text, all(is_bold(c) for c in current)))

    for char in chars:
        if current and char["x0"] - current[-1]["x1"] > COLUMN_GAP * char["size"]:
            close()
            current = []
        current.append(char)
    close()
    return result


def aligned_tables(page: Any, name: str, where: str) -> list[PageTable]:
    """Tables without ruling lines, found as runs of three or more lines cut into aligned
    columns by wide gaps. A line with only later columns filled continues the row above (a
    wrapped cell); a single-segment line between tabular lines is a row of its own."""
    lines = page.extract_text_lines(return_chars=True, strip=True)
    cut = [segments(line) for line in lines]
    tables: list[PageTable] = []
    i = 0
    while i < len(lines):
        if len(cut[i]) < 2:
            i += 1
            continue
        last, j, tabular = i, i, 0
        while j < len(lines):
            if len(cut[j]) >= 2:
                last, tabular = j, tabular + 1
            elif not any(len(cut[k]) >= 2 for k in range(j + 1, min(j + 3, len(lines)))):
                break
            j += 1
        left = min(x for x, _, _ in cut[i])
        end = last + 1
        while end < len(lines) and len(cut[end]) == 1 and cut[end][0][0] > left + ALIGN:
            end += 1
        if tabular >= 3:
            tables.append(aligned_table(lines[i:end], cut[i:end], name, where))
        i = max(end, i + 1)
    return tables


def aligned_table(
    lines: list[dict[str, Any]], cut: list[list[tuple[float, str, bool]]], name: str, where: str
) -> PageTable:
    starts: list[float] = []
    for x in sorted(x for parts in cut if len(parts) >= 2 for x, _, _ in parts):
        if not starts or x - starts[-1] > ALIGN:
            starts.append(x)
    rows: list[list[Cell]] = []
    for parts in cut:
        cells: dict[int, tuple[str, bool]] = {}
        for x, text, bold in parts:
            column = max(0, bisect.bisect_right(starts, x + ALIGN) - 1)
            previous = cells.get(column)
            cells[column] = (f"{previous[0]} {text}" if previous else text, bold)
        if rows and 0 not in cells:
            for column, (text, _) in cells.items():
                cell = rows[-1][column]
                cell.text = f"{cell.text}\n{text}" if cell.text else text
            continue
        rows.append([Cell(text=cells[c][0], bold=cells[c][1]) if c in cells else Cell()
                     for c in range(len(starts))])  # fmt: skip
    for number, row in enumerate(rows, start=1):
        for cell in row:
            safety.check_cell(name, cell.text, f"{where}, row {number}")
    bbox = (
        min(line["x0"] for line in lines),
        min(line["top"] for line in lines),
        max(line["x1"] for line in lines),
        max(line["bottom"] for line in lines),
    )
    return PageTable(rows, bbox)


class Reader:
    def __init__(self, name: str, pdf: Any) -> None:
        self.name = name
        self.pdf = pdf
        self.items: list[Item] = []
        self.skipped: list[str] = []
        self.tables = 0
        self.chars = 0
        self.open_table: Table | None = None  # the table the last page ended with

    def read(self) -> list[Item]:
        pages = self.pdf.pages
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > safety.MAX_PAGES:
                self.skipped.append(
                    safety.PAGES_NOT_READ.format(first=number, last=total, limit=safety.MAX_PAGES)
                )
                break
            try:
                self.page(number, page)
            finally:
                page.close()
            if self.chars > safety.MAX_TEXT_CHARS and number < total:
                self.skipped.append(
                    safety.TEXT_NOT_READ.format(
                        first=number + 1, last=total, limit=safety.MAX_TEXT_CHARS
                    )
                )
                break
        return self.items

    def find_tables(self, page: Any) -> list[Any]:
        settings: dict[str, Any] = dict(LINE_SETTINGS)
        verticals = [edge for edge in page.edges if edge["orientation"] == "v"]
        if verticals:
            # A row split by a page break has no rule where the page ends (or, on the next
            # page, where it resumes); close the table there so the part is still a row.
            settings["explicit_horizontal_lines"] = [
                min(edge["top"] for edge in verticals),
                max(edge["bottom"] for edge in verticals),
            ]
        # a single ruled cell is a box (a page border, a callout), not a table: its text is
        # read as lines
        return [
            table
            for table in page.find_tables(settings)
            if len(table.rows) > 1 or len(table.rows[0].cells) > 1
        ]

    def page(self, number: int, page: Any) -> None:
        self.chars += len(page.chars)
        found = sorted(self.find_tables(page), key=lambda t: t.bbox[1])
        grids: list[PageTable] = []
        for index, table in enumerate(found):
            grid = grid_of(table, page, self.name, f"Page {number}, table {index + 1}")
            if grid is not None and any(not common.row_blank(row) for row in grid.rows):
                grids.append(grid)
        if not found:
            grids = aligned_tables(page, self.name, f"Page {number}")
        placed: list[tuple[float, PageTable | Block]] = [(g.bbox[1], g) for g in grids]
        boxes = [t.bbox for t in found] + [g.bbox for g in grids]
        placed.extend(self.lines(page, number, boxes))
        placed.sort(key=lambda pair: pair[0])
        height = float(page.height)
        first_table = True
        last_part: PageTable | None = None
        for _, thing in placed:
            if isinstance(thing, Block):
                if thing.kind == "heading":
                    self.open_table, last_part = None, None
                self.items.append(thing)
                continue
            joined = (
                first_table
                and self.open_table is not None
                and thing.bbox[1] <= height * HEAD_FRACTION
                and self.join(self.open_table, thing, number)
            )
            first_table = False
            if not joined:
                self.tables += 1
                table = Table(
                    rows=thing.rows,
                    origin=Origin(page=number, table=self.tables),
                    row_origins=[
                        Origin(page=number, table=self.tables, row=r + 1)
                        for r in range(len(thing.rows))
                    ],
                )
                self.items.append(table)
                self.open_table = table
            last_part = thing
        if last_part is None or last_part.bbox[3] < height * (1 - FOOT_FRACTION):
            self.open_table = None

    def join(self, previous: Table, part: PageTable, page: int) -> bool:
        """Add ``part`` to ``previous`` if it continues it; False if it is a new table."""
        if previous.width != max((len(row) for row in part.rows), default=0):
            return False
        rows = part.rows
        # the header rows a page repeats: some of the table's first rows (a title row above
        # the header is often not repeated)
        heads = [previous.texts(i) for i in range(min(HEADER_ROWS, len(previous.rows) - 1))]
        repeated = 0
        while repeated < min(len(rows), HEADER_ROWS) and [c.text for c in rows[repeated]] in heads:
            repeated += 1
        rows = rows[repeated:]
        if rows and not rows[0][0].text and not common.row_blank(rows[0]) and previous.rows:
            last = previous.rows[-1]
            for mine, theirs in zip(last, rows[0], strict=False):
                if theirs.text and not theirs.covered:
                    mine.text = f"{mine.text}\n{theirs.text}" if mine.text else theirs.text
                mine.fill = mine.fill or theirs.fill
            rows = rows[1:]
        first = len(previous.rows) + 1
        previous.rows.extend(rows)
        previous.row_origins.extend(
            Origin(page=page, table=previous.origin.table, row=first + r) for r in range(len(rows))
        )
        previous.continued = True
        return True

    def lines(
        self, page: Any, number: int, boxes: list[tuple[float, float, float, float]]
    ) -> list[tuple[float, Block]]:
        lines = []
        for line in page.extract_text_lines(return_chars=True, strip=True):
            x = (line["x0"] + line["x1"]) / 2
            y = (line["top"] + line["bottom"]) / 2
            if any(inside(x, y, box) for box in boxes):
                continue
            text = common.clean(line["text"])
            if text:
                lines.append((line, text))
        sizes = [char["size"] for char in page.chars if char["text"].strip()]
        body = statistics.median(sizes) if sizes else 0.0
        blocks = []
        origin = Origin(page=number)
        height = float(page.height)
        for line, text in lines:
            safety.check_cell(self.name, text, f"Page {number}")
            chars = [char for char in line["chars"] if char["text"].strip()]
            size = statistics.fmean(char["size"] for char in chars) if chars else body
            bold = bool(chars) and all(is_bold(char) for char in chars)
            running = line["top"] < height * MARGIN or line["bottom"] > height * (1 - MARGIN)
            if running:
                # a running header or footer ("OFFICIAL", "Page 3 of 12") is no heading, so a
                # table running on over the page break is still joined
                block = Block("paragraph", text, origin)
            elif body and size >= body * 1.6:
                block = Block("heading", text, origin, level=1)
            elif body and size >= body * 1.2:
                block = Block("heading", text, origin, level=2)
            elif bold and len(text) < 120:
                block = Block("heading", text, origin, level=3)
            elif text[0] in BULLETS and len(text) > 1 and text[1] == " ":
                block = Block("list_item", text[2:].strip(), origin)
            else:
                block = Block("paragraph", text, origin)
            blocks.append((line["top"], block))
        return blocks


def _open(name: str, data: bytes) -> Any:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many kinds on a damaged or locked file
        chain = f"{type(error).__name__} {error!r} {error.__cause__!r}".lower()
        if "password" in chain or "encrypt" in chain:
            raise safety.refuse(safety.PASSWORD, name) from error
        raise safety.refuse(safety.DAMAGED, name) from error


def read_pdf(name: str, data: bytes) -> SourceDocument:
    safety.check_file_size(name, data)
    safety.check_pdf_streams(name, data)
    pdf = _open(name, data)
    try:
        reader = Reader(name, pdf)
        try:
            items = reader.read()
        except ImportFormatError:
            raise
        except Exception as error:  # pdfminer raises many kinds on a damaged page
            chain = f"{type(error).__name__} {error!r}".lower()
            if "password" in chain or "encrypt" in chain:
                raise safety.refuse(safety.PASSWORD, name) from error
            raise safety.refuse(safety.DAMAGED, name) from error
        modified = pdf_date((pdf.metadata or {}).get("ModDate"))
    finally:
        pdf.close()
    if not reader.chars:
        raise safety.refuse(safety.SCANNED_PDF, name)
    return SourceDocument(
        name=name, format="pdf", items=items, skipped=reader.skipped, modified_at=modified
    )
