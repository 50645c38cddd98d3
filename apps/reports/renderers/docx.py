"""A report as a Word document an officer can keep editing (python-docx).

Real Heading 1–4 styles (so Word's navigation pane and contents work), a cover page, a
contents list that is a Word TOC field (Word refreshes it on opening; until then it shows the
report's own list), real tables with a header row that repeats on every page and short rows
kept whole, RAG cells with the word and the cell shaded, charts as pictures with alt text and
their figures as a table, A4 pages with the title and protective marking in the header and
"Page X of Y" at the foot. Wide sections (the delivery plan) are on landscape pages.

The same report gives the same bytes (fixed dates and zip times), so builds can be compared.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt, RGBColor

from apps.plans.selectors import today
from apps.reports.builder import content as c
from apps.reports.renderers.docx_charts import charts_png
from apps.reports.renderers.docx_xml import (
    add_field,
    field_begin,
    field_end,
    keep_row_whole,
    language,
    left_border,
    outline_level,
    picture_alt_text,
    repeat_header,
    shade,
    table_caption,
    update_fields_on_open,
)
from apps.reports.renderers.office_zip import stable_zip

FONT = "Arial"
INK = RGBColor(0x0B, 0x0C, 0x0C)
HEADER_FILL = "#f3f2f1"
GROUP_FILLS = {1: "#b1b4b6", 2: "#dee0e2"}
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21), Cm(29.7), Cm(2)
LANDSCAPE_SECTIONS = {c.DELIVERY_PLAN}
KEEP_WHOLE_CHARACTERS = 600  # a row with more text than this may break across pages
HEADING_STYLES = {3: "Heading 2", 4: "Heading 3"}
TABLE_TEXT, TABLE_BULLET = "Table Text", "Table Bullet"
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
CHART_NOT_DRAWN = "The chart could not be drawn in this document; its figures are in the table."
DEFINITION_WIDTHS = [30, 70]
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe(text: str) -> str:
    """Text XML can carry: control characters pasted in from other documents dropped."""
    return XML_UNSAFE.sub("", text)


def _style_fonts(document: Any) -> None:
    """Arial in the GOV.UK ink colour, British English, headings sized as the HTML."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    language(normal, "en-GB")
    sizes = {"Title": 26, "Subtitle": 16, "Heading 1": 18, "Heading 2": 14, "Heading 3": 12}
    sizes |= {"Heading 4": 11, "TOC Heading": 18, "Caption": 10}
    for name, size in sizes.items():
        style = styles[name]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), INK
        style.font.italic = False
    outline_level(styles["TOC Heading"], 9)  # the contents heading is not itself listed
    text = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    text.base_style, text.font.size = normal, Pt(9)
    text.paragraph_format.space_after = Pt(2)
    bullet = styles.add_style(TABLE_BULLET, WD_STYLE_TYPE.PARAGRAPH)
    bullet.base_style, bullet.font.size = styles["List Bullet"], Pt(9)
    bullet.paragraph_format.space_after = Pt(2)


def _page(section: Any, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Cm(1)


def _header_footer(section: Any, report: c.Report) -> None:
    """Marking at the top and foot of every page (as protective marking requires), the
    title under it, and "Page X of Y" (Word fields) at the foot."""
    marking, title = section.header.paragraphs[0], section.header.add_paragraph()
    marking.add_run(safe(report.protective_marking)).bold = True
    title.add_run(safe(report.title)).font.size = Pt(9)
    pages, foot = section.footer.paragraphs[0], section.footer.add_paragraph()
    pages.add_run("Page ")
    add_field(pages, "PAGE", "1")
    pages.add_run(" of ")
    add_field(pages, "NUMPAGES", "1")
    foot.add_run(safe(report.protective_marking)).bold = True
    for paragraph in (marking, title, pages, foot):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _properties(document: Any, report: c.Report) -> None:
    """File → Info: title, authors, period and marking; dated by the report, not the build."""
    properties = document.core_properties
    cover = report.cover
    authors = "; ".join(cover.authors) if cover and cover.authors else report.partnership
    properties.title, properties.author = safe(report.title), safe(authors)
    properties.subject = safe(cover.period_label) if cover else ""
    properties.category = safe(report.protective_marking)
    properties.keywords = safe(report.partnership)
    properties.comments = "Built by SaferPlan" + (" (public version)" if report.public else "")
    properties.last_modified_by = report.partnership
    properties.language = "en-GB"
    properties.revision = 1
    stamp = datetime.combine(cover.date if cover else today(), time())
    properties.created = properties.modified = stamp


def _charts(report: c.Report) -> list[c.Chart]:
    return [b for s in report.sections for b in s.blocks if isinstance(b, c.Chart)]


class _Writer:
    """Writes the report into the document, block by block, in the report's order."""

    def __init__(self, document: Any, pictures: dict[int, bytes | None]) -> None:
        self.document = document
        self.pictures = pictures
        self.landscape = False
        self.started = False  # whether anything is on the first page yet
        styles = document.styles
        # Style ids, set on the XML: python-docx's `paragraph.style = …` scans every style
        # each time, which made a 1,000-action plan take seconds.
        self.text_style = styles[TABLE_TEXT].style_id
        self.bullet_style = styles[TABLE_BULLET].style_id

    # Pages -------------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        section = self.document.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)

    def _new_page(self, *, landscape: bool) -> bool:
        """Start a page (a new Word section when the orientation changes); True when the
        next paragraph must itself break the page."""
        if landscape != self.landscape:
            section = self.document.sections[-1]
            if self.started:
                section = self.document.add_section(WD_SECTION.NEW_PAGE)
            _page(section, landscape=landscape)
            self.landscape = landscape
            return False
        return self.started

    def _paragraph(self, text: str = "", style: str | None = None) -> Any:
        self.started = True
        return self.document.add_paragraph(safe(text), style)

    # Front matter ------------------------------------------------------------------------
    def cover(self, cover: c.Cover) -> None:
        self._paragraph(cover.title, "Title")
        if cover.subtitle:
            self._paragraph(cover.subtitle, "Subtitle")
        details = [("Partnership", cover.partnership)]
        if cover.period_label:
            details.append(("Reporting period", cover.period_label))
        if cover.authors:
            details.append(("Authors" if len(cover.authors) > 1 else "Author", ""))
        details += [("Date", f"{cover.date:%-d %B %Y}")]
        if cover.version:
            details.append(("Version", cover.version))
        details.append(("Protective marking", cover.protective_marking))
        for label, value in details:
            paragraph = self._paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            if value:
                paragraph.add_run(safe(value))
            if label.startswith("Author"):
                for author in cover.authors:
                    paragraph.add_run().add_break()
                    paragraph.add_run(safe(author))

    def contents(self, entries: list[c.ContentsEntry]) -> None:
        """A TOC field whose shown result is the report's own list, so the text is there
        before Word refreshes the field (it is marked to refresh when the file opens)."""
        breaks = self._new_page(landscape=False)
        heading = self._paragraph("Contents", "TOC Heading")
        heading.paragraph_format.page_break_before = breaks
        for index, entry in enumerate(entries):
            paragraph = self._paragraph()
            if index == 0:
                field_begin(paragraph, TOC_INSTRUCTION, dirty=True)
            paragraph.add_run(safe(entry.text))
            if entry.level > 2:
                paragraph.paragraph_format.left_indent = Cm(0.75 * (entry.level - 2))
            if index == len(entries) - 1:
                field_end(paragraph)

    # Sections and blocks -----------------------------------------------------------------
    def section(self, section: c.Section) -> None:
        breaks = self._new_page(landscape=section.code in LANDSCAPE_SECTIONS)
        heading = self._paragraph(section.heading, "Heading 1")
        heading.paragraph_format.page_break_before = breaks and section.page_break_before
        for block in section.blocks:
            self.block(block)

    def block(self, block: c.Block) -> None:
        if isinstance(block, c.Heading):
            self._paragraph(block.text, HEADING_STYLES.get(block.level, "Heading 4"))
        elif isinstance(block, c.Paragraph):
            run = self._paragraph().add_run(safe(block.text))
            if block.emphasis:
                run.italic = True
        elif isinstance(block, c.BulletList):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                self._paragraph(item, style)
        elif isinstance(block, c.DefinitionList):
            self.definitions(block)
        elif isinstance(block, c.Table):
            self.table(block)
        elif isinstance(block, c.Chart):
            self.chart(block)
        else:
            self.note(block.text)

    def note(self, text: str) -> None:
        paragraph = self._paragraph(text)
        paragraph.paragraph_format.left_indent = Cm(0.5)
        left_border(paragraph)

    def chart(self, chart: c.Chart) -> None:
        caption = self._paragraph(chart.title, "Caption")
        caption.paragraph_format.keep_with_next = True
        picture = self.pictures.get(id(chart))
        if picture is not None:
            run = self._paragraph().add_run()
            run.add_picture(BytesIO(picture), width=Emu(self.text_width))
            picture_alt_text(run, safe(chart.title), safe(chart.description))
        else:
            self.note(CHART_NOT_DRAWN)
        self._paragraph(chart.description).runs[0].font.size = Pt(9)
        if chart.data is not None:
            self.table(chart.data)

    # Tables ------------------------------------------------------------------------------
    def _widths(self, relative: list[int], columns: int) -> list[int]:
        weights = relative if len(relative) == columns else [1] * columns
        total = sum(weights) or 1
        return [int(self.text_width * weight / total) for weight in weights]

    def _new_table(self, columns: int, relative: list[int], caption: str) -> tuple[Any, list]:
        table = self.document.add_table(rows=0, cols=columns)
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        widths = self._widths(relative, columns)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        table_caption(table, safe(caption))
        self.started = True
        return table, widths

    def _text(
        self, cell: Any, lines: list[str], items: list[str] | None = None, bold: bool = False
    ) -> None:
        paragraphs = [(line, self.text_style) for line in lines]
        paragraphs += [(item, self.bullet_style) for item in items or []]
        first = cell.paragraphs[0]
        for index, (text, style) in enumerate(paragraphs or [("", self.text_style)]):
            paragraph = first if index == 0 else cell.add_paragraph()
            paragraph._p.style = style
            run = paragraph.add_run(safe(text))
            if bold:
                run.bold = True

    def _rag(self, cell: Any, rag: c.Rag, text: str) -> None:
        """The word in the rating's colour: readable without colour, and at a glance."""
        self._text(cell, [text], bold=True)
        cell.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(
            rag.text_colour.lstrip("#").upper()
        )
        shade(cell, rag.colour)

    def _sized(self, row: Any, widths: list[int]) -> list[Any]:
        cells = row.cells
        for cell, width in zip(cells, widths, strict=False):
            cell.width = width
        return list(cells)

    def table(self, table: c.Table) -> None:
        caption = self._paragraph(table.caption, "Caption")
        caption.paragraph_format.keep_with_next = True
        columns = len(table.header)
        word_table, widths = self._new_table(columns, table.widths, table.caption)
        header = word_table.add_row()
        for cell, text in zip(self._sized(header, widths), table.header, strict=True):
            self._text(cell, [text], bold=True)
            shade(cell, HEADER_FILL)
        keep_row_whole(header)
        repeat_header(header)
        for row in table.rows:
            word_row = word_table.add_row()
            cells = self._sized(word_row, widths)
            if row.kind == c.ROW_GROUP:
                merged = cells[0].merge(cells[-1]) if columns > 1 else cells[0]
                self._text(merged, [row.cells[0].text], bold=True)
                merged.paragraphs[0].paragraph_format.keep_with_next = True
                shade(merged, GROUP_FILLS.get(row.level, HEADER_FILL))
                keep_row_whole(word_row)
                continue
            for cell, content in zip(cells, row.cells, strict=False):
                if content.rag is not None:
                    self._rag(cell, content.rag, content.rag.word)
                else:
                    self._text(cell, content.lines, content.items)
            if sum(len(cell.text) for cell in row.cells) <= KEEP_WHOLE_CHARACTERS:
                keep_row_whole(word_row)

    def definitions(self, block: c.DefinitionList) -> None:
        """Terms and definitions as a two-column table (a RAG key's terms in colour)."""
        if not block.items:
            return  # Word rejects a table without rows
        word_table, widths = self._new_table(2, DEFINITION_WIDTHS, "Terms and definitions")
        rags = list(block.rags) + [None] * (len(block.items) - len(block.rags))
        for (term, definition), rag in zip(block.items, rags, strict=True):
            row = word_table.add_row()
            term_cell, definition_cell = self._sized(row, widths)
            if rag is not None:
                self._rag(term_cell, rag, term)
            else:
                self._text(term_cell, [term], bold=True)
            lines = c.text_lines(definition)
            self._text(definition_cell, lines)
            if len(term) + len(definition) <= KEEP_WHOLE_CHARACTERS:
                keep_row_whole(row)


def render_docx(report: c.Report) -> bytes:
    document = Document()
    _style_fonts(document)
    _page(document.sections[0], landscape=False)
    _header_footer(document.sections[0], report)
    _properties(document, report)
    charts = _charts(report)
    pictures = dict(zip((id(chart) for chart in charts), charts_png(charts), strict=True))
    writer = _Writer(document, pictures)
    if report.cover is not None:
        writer.cover(report.cover)
    if report.contents:
        writer.contents(report.contents)
    for section in report.sections:
        writer.section(section)
    update_fields_on_open(document)
    buffer = BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())
