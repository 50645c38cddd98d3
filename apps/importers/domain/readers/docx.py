"""A Word document (.docx) as headings, paragraphs, list items and tables in reading order.

The body XML is walked directly, so tables and paragraphs interleave as the document shows
them and merged cells (gridSpan across, vMerge down), shading and nested tables are seen.
python-docx opens the package (after the zip checks) and resolves styles; its XML parser does
not resolve entities.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx

from apps.importers.domain.readers import common, safety
from apps.importers.domain.source import Block, Cell, Item, Origin, SourceDocument, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NESTED_JOIN = " – "
BULLET = "• "
_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_TRAILING_DIGIT = re.compile(r"(\d)\s*$")
_OFF = {"0", "false", "off", "none"}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def attr(element: Any, tag: str) -> str | None:
    """The w:val (or other w: attribute) of the first ``tag`` child, e.g. attr(pPr, 'pStyle')."""
    if element is None:
        return None
    child = element.find(q(tag))
    return None if child is None else child.get(q("val"))


def is_on(element: Any, tag: str) -> bool:
    child = None if element is None else element.find(q(tag))
    return child is not None and (child.get(q("val")) or "true").lower() not in _OFF


def flatten(parent: Any) -> list[Any]:
    """Children, with content controls and custom XML wrappers opened up."""
    result = []
    for child in parent:
        if child.tag == q("sdt"):
            content = child.find(q("sdtContent"))
            if content is not None:
                result.extend(flatten(content))
        elif child.tag in {q("customXml"), q("smartTag"), q("ins")}:
            result.extend(flatten(child))
        else:
            result.append(child)
    return result


class Styles:
    """Style ids to what a reader needs: the name, and whether the style numbers a list."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.numbered: set[str] = set()
        for style in document.styles.element.findall(q("style")):
            style_id = style.get(q("styleId")) or ""
            name_element = style.find(q("name"))
            name = name_element.get(q("val")) if name_element is not None else style_id
            self.names[style_id] = name or style_id
            ppr = style.find(q("pPr"))
            if ppr is not None and ppr.find(q("numPr")) is not None:
                self.numbered.add(style_id)


def runs(paragraph: Any) -> list[tuple[str, bool]]:
    """Each run's text (tabs and breaks kept) and whether it is bold."""
    result = []
    for run in paragraph.iter(q("r")):
        if any(ancestor.tag in {q("del"), q("txbxContent")} for ancestor in run.iterancestors()):
            continue
        parts = []
        for child in run:
            if child.tag == q("t"):
                parts.append(child.text or "")
            elif child.tag == q("tab"):
                parts.append("\t")
            elif child.tag in {q("br"), q("cr")}:
                parts.append("\n")
            elif child.tag == q("noBreakHyphen"):
                parts.append("-")
        if parts:
            result.append(("".join(parts), is_on(run.find(q("rPr")), "b")))
    return result


def paragraph_text(paragraph: Any) -> tuple[str, bool]:
    pieces = runs(paragraph)
    text = common.clean("".join(text for text, _ in pieces))
    bold = bool(text) and all(bold for piece, bold in pieces if piece.strip())
    return text, bold


def paragraph_kind(paragraph: Any, styles: Styles) -> tuple[str, int]:
    """ "heading", "list_item" or "paragraph", with the heading level or list depth."""
    ppr = paragraph.find(q("pPr"))
    style_id = attr(ppr, "pStyle") or ""
    style = styles.names.get(style_id, style_id)
    if match := _HEADING_STYLE.fullmatch(style.strip()):
        return "heading", int(match[1])
    if style.strip().lower() == "title":
        return "heading", 1
    outline = attr(ppr, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return "heading", int(outline) + 1
    num_pr = ppr.find(q("numPr")) if ppr is not None else None
    if num_pr is not None and attr(num_pr, "numId") not in {None, "0"}:
        level = attr(num_pr, "ilvl")
        return "list_item", int(level) if level and level.isdigit() else 0
    if style_id in styles.numbered or style.lower().startswith("list"):
        digit = _TRAILING_DIGIT.search(style)
        return "list_item", int(digit[1]) - 1 if digit else 0
    return "paragraph", 0


class Reader:
    def __init__(self, name: str, document: Any) -> None:
        self.name = name
        self.styles = Styles(document)
        self.body = document.element.body
        self.items: list[Item] = []
        self.tables = 0

    def read(self) -> list[Item]:
        for child in flatten(self.body):
            if child.tag == q("p"):
                self.paragraph(child)
            elif child.tag == q("tbl"):
                self.table(child)
        return self.items

    def paragraph(self, paragraph: Any) -> None:
        text, _ = paragraph_text(paragraph)
        if not text:
            return
        safety.check_cell(self.name, text, "A paragraph")
        kind, level = paragraph_kind(paragraph, self.styles)
        self.items.append(Block(kind, text, Origin(), level=level))  # type: ignore[arg-type]

    def cell_lines(self, cell: Any) -> tuple[list[str], bool]:
        """A cell's lines: paragraphs (bulleted where they are list items) and nested tables,
        one line per nested row; and whether all its text is bold."""
        lines: list[str] = []
        bold = True
        for child in flatten(cell):
            if child.tag == q("p"):
                text, all_bold = paragraph_text(child)
                if not text:
                    continue
                bold = bold and all_bold
                kind, _ = paragraph_kind(child, self.styles)
                lines.append(BULLET + text if kind == "list_item" else text)
            elif child.tag == q("tbl"):
                bold = False
                for row in flatten(child):
                    if row.tag != q("tr"):
                        continue
                    texts = []
                    for inner in flatten(row):
                        if inner.tag == q("tc"):
                            inner_lines, _ = self.cell_lines(inner)
                            texts.append("; ".join(inner_lines))
                    line = NESTED_JOIN.join(text for text in texts if text)
                    if line:
                        lines.append(line)
        return lines, bold and bool(lines)

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        where = f"Table {number}"
        anchors: list[tuple[int, int, Cell]] = []
        open_merges: dict[int, Cell] = {}  # column → the cell a vMerge continues
        width = 0
        rows = [row for row in flatten(table) if row.tag == q("tr")]
        for r, row in enumerate(rows):
            trpr = row.find(q("trPr"))
            before = attr(trpr, "gridBefore")
            col = int(before) if before and before.isdigit() else 0
            for tc in flatten(row):
                if tc.tag != q("tc"):
                    continue
                tcpr = tc.find(q("tcPr"))
                span_text = attr(tcpr, "gridSpan")
                span = max(1, min(int(span_text), 1000)) if span_text and span_text.isdigit() else 1
                v_merge = tcpr.find(q("vMerge")) if tcpr is not None else None
                continues = v_merge is not None and v_merge.get(q("val")) in {None, "continue"}
                if continues and col in open_merges:
                    open_merges[col].row_span += 1
                else:
                    lines, bold = self.cell_lines(tc)
                    text = safety.check_cell(self.name, "\n".join(lines), f"{where}, row {r + 1}")
                    shading = tcpr.find(q("shd")) if tcpr is not None else None
                    fill = common.colour(shading.get(q("fill")) if shading is not None else "")
                    cell = Cell(text=text, fill=fill, col_span=span, bold=bold)
                    anchors.append((r, col, cell))
                    for c in range(col, col + span):
                        open_merges.pop(c, None)
                    if v_merge is not None:
                        open_merges[col] = cell
                col += span
            width = max(width, col)
        if width * len(rows) > safety.MAX_CELLS:
            raise safety.refuse(safety.TOO_MANY_CELLS, self.name, limit=safety.MAX_CELLS)
        grid = common.expand(anchors, len(rows), width)
        self.items.append(
            Table(
                rows=grid,
                origin=Origin(table=number),
                row_origins=[Origin(table=number, row=r + 1) for r in range(len(grid))],
            )
        )


DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Macro-enabled documents (.docm) and templates (.dotx, .dotm) hold the same body; python-docx
# opens only the plain type, so the package is given that type (the macros are never run).
OTHER_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def as_plain_document(name: str, data: bytes) -> bytes:
    archive = safety.open_zip(name, data)
    types = safety.read_member(name, archive, "[Content_Types].xml")
    if not any(kind.encode() in types for kind in OTHER_TYPES):
        return data
    for kind in OTHER_TYPES:
        types = types.replace(kind.encode(), DOCUMENT_TYPE.encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in archive.namelist():
            content = types if member == "[Content_Types].xml" else None
            target.writestr(member, content or safety.read_member(name, archive, member))
    return buffer.getvalue()


def read_docx(name: str, data: bytes) -> SourceDocument:
    data = as_plain_document(name, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise safety.refuse(safety.DAMAGED, name) from error
    items = Reader(name, document).read()
    try:
        modified = common.aware(document.core_properties.modified)
    except (ValueError, TypeError):
        modified = None
    return SourceDocument(name=name, format="docx", items=items, modified_at=modified)
