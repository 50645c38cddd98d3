"""What a built report says, independent of any file format.

The builder (`apps.reports.builder.report_build`) turns a saved report definition into a
`Report`; each renderer (HTML, PDF, Word, Excel – see `apps.reports.renderers.formats`) turns a
`Report` into bytes and never touches the database. So every format carries the same content,
and a new format needs only this module to be written.

Shape of a report::

    Report
      cover: Cover | None            title, partnership, authors, date, version, marking
      contents: list[ContentsEntry]  one per section heading and per Heading block (level 2+)
      sections: list[Section]        in the order the definition chose
        Section.blocks: list[Block]  Heading | Paragraph | BulletList | DefinitionList
                                     | Table | Chart | Note

Text is plain text, never HTML: renderers escape it. Colours are hex strings ("#00703c").
Every RAG value carries its word as well as its colour (`Rag`), so no format relies on colour
alone. `Cell.value` keeps the raw figure or date behind a cell's text for Excel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

# Section codes a definition may choose, in the order a full report prints them.
COVER = "cover"
CONTENTS = "contents"
INTRODUCTION = "introduction"
STATUS = "status"
DELIVERY_PLAN = "delivery_plan"
OVERDUE = "overdue"
PERFORMANCE_SUMMARY = "performance_summary"
EXCEPTIONS = "exceptions"
PRIORITIES = "priorities"
GLOSSARY = "glossary"

SECTION_TITLES: dict[str, str] = {
    COVER: "Cover",
    CONTENTS: "Contents",
    INTRODUCTION: "Introduction and strategic themes",
    STATUS: "RAG status key and status summary",
    DELIVERY_PLAN: "Delivery plan",
    OVERDUE: "Overdue and due-soon actions",
    PERFORMANCE_SUMMARY: "Performance summary",
    EXCEPTIONS: "Exception reporting",
    PRIORITIES: "Priorities",
    GLOSSARY: "Glossary",
}
SECTION_CODES: tuple[str, ...] = tuple(SECTION_TITLES)

# Table kinds, so a renderer can style or size a table it knows (widths, fonts) by name.
TABLE_DELIVERY = "delivery_plan"
TABLE_SUMMARY = "status_summary"
TABLE_OVERDUE = "overdue"
TABLE_PERFORMANCE = "performance_summary"
TABLE_EXCEPTIONS = "exceptions"
TABLE_QUARTERS = "priority_quarters"
TABLE_CHART_DATA = "chart_data"
TABLE_GENERAL = "general"

# Row kinds: an ordinary data row, or a group heading row spanning every column
# ("Prevention" or "Objective 1: …" in the delivery plan table).
ROW_DATA = "data"
ROW_GROUP = "group"


@dataclass(frozen=True)
class Rag:
    """A rating as the documents print it: a code ("G"), a word ("Green") and a colour.

    `text_colour` is black or white, whichever reads on `colour`."""

    code: str
    word: str
    colour: str
    text_colour: str = "#0b0c0c"

    def __str__(self) -> str:
        return self.word


@dataclass
class Cell:
    """One table cell: paragraphs, then bulleted sub-items; an optional RAG; the raw value.

    `value` is what Excel should store (a number, date or the text); None means use `text`."""

    lines: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    rag: Rag | None = None
    value: str | int | float | Decimal | date | None = None

    @property
    def text(self) -> str:
        """Everything in the cell as plain text, one paragraph or item a line."""
        return "\n".join([*self.lines, *(f"• {item}" for item in self.items)])

    @classmethod
    def of(cls, text: str, *, value: str | int | float | Decimal | date | None = None) -> Cell:
        return cls(lines=[text] if text else [], value=value)


@dataclass
class Row:
    cells: list[Cell]
    kind: str = ROW_DATA  # ROW_DATA or ROW_GROUP (then one cell spanning all columns)
    level: int = 0  # for group rows: 1 theme, 2 objective


@dataclass
class Table:
    """A table with one header row; renderers repeat the header on every page.

    `widths` are relative column widths (percentages adding up to about 100), a hint only."""

    caption: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    kind: str = TABLE_GENERAL
    widths: list[int] = field(default_factory=list)

    @property
    def data_rows(self) -> list[Row]:
        return [row for row in self.rows if row.kind == ROW_DATA]


@dataclass
class Heading:
    """A heading inside a section (level 3 under the section's level 2 heading, and so on)."""

    text: str
    anchor: str
    level: int = 3


@dataclass
class Paragraph:
    text: str
    emphasis: bool = False  # printed in italics, as a theme's strapline is


@dataclass
class BulletList:
    items: list[str]
    numbered: bool = False


@dataclass
class DefinitionList:
    """Term → definition pairs: a RAG key, a glossary, a priority's sponsor and lead.

    `rags` runs alongside `items` where a term is a rating (so it can be shown in colour)."""

    items: list[tuple[str, str]]
    rags: list[Rag | None] = field(default_factory=list)


@dataclass
class Chart:
    """A chart as SVG markup (already escaped; safe to embed), its words, and its figures.

    Formats that cannot embed SVG use `data` (the same figures as a table) and `description`."""

    title: str
    svg: str
    description: str
    data: Table | None = None


@dataclass
class Note:
    """A short aside: "No actions are overdue", "Internal updates are left out"."""

    text: str


Block = Heading | Paragraph | BulletList | DefinitionList | Table | Chart | Note


@dataclass
class Section:
    code: str  # one of SECTION_CODES
    heading: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)
    page_break_before: bool = True

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


@dataclass
class ContentsEntry:
    text: str
    anchor: str
    level: int = 2  # 2 for a section, 3 for a heading inside one


@dataclass
class Cover:
    title: str
    partnership: str
    period_label: str
    authors: list[str]
    date: date
    version: str
    protective_marking: str
    subtitle: str = ""


@dataclass
class Report:
    """A whole built report. `public` is True for the variant with internal matter and
    people's names left out; `slug` names the definition (and the downloaded file)."""

    title: str
    slug: str
    partnership: str
    protective_marking: str
    public: bool
    cover: Cover | None
    contents: list[ContentsEntry]
    sections: list[Section]

    def section(self, code: str) -> Section | None:
        return next((s for s in self.sections if s.code == code), None)

    @property
    def filename_stem(self) -> str:
        return f"{self.slug}-public" if self.public else self.slug


def text_lines(text: str) -> list[str]:
    """A text's non-blank lines, trimmed: the paragraphs a report prints it as."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_walk(obj: Any, change: Callable[[str], str]) -> Any:
    """Every piece of text in the content, changed in place (chart markup is left alone:
    it holds measure titles and figures only)."""
    if isinstance(obj, str):
        return change(obj)
    if isinstance(obj, list):
        obj[:] = [text_walk(item, change) for item in obj]
        return obj
    if isinstance(obj, tuple):
        return tuple(text_walk(item, change) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type | Rag):
        for f in dataclasses.fields(obj):
            if not (isinstance(obj, Chart) and f.name == "svg"):
                setattr(obj, f.name, text_walk(getattr(obj, f.name), change))
    return obj


def report_texts(report: Report) -> list[str]:
    """All the words a reader sees (not chart markup), for the glossary scan and for tests."""
    texts: list[str] = []

    def keep(text: str) -> str:
        texts.append(text)
        return text

    text_walk(report, keep)
    return texts
