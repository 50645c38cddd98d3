"""How a report section becomes a sheet of data: its tables flattened into one list each.

The delivery plan prints a table per theme with objectives as group rows; a spreadsheet wants
one list it can sort and filter. So tables of the same kind and columns in a section become
one sheet table, and what the print shows as headings and group rows becomes columns
("Theme", "Objective"). Definition lists (a RAG key, a glossary) become two-column tables.
Paragraphs and notes are kept, in order, below the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apps.reports.builder import content as c

DEFINITIONS = "definitions"
# Per table kind: the column naming the heading above a table, and the one naming a group row.
CONTEXT_COLUMNS: dict[str, tuple[str, str]] = {
    c.TABLE_DELIVERY: ("Theme", "Objective"),
    c.TABLE_PERFORMANCE: ("", "Priority"),
    c.TABLE_QUARTERS: ("Priority", ""),
    c.TABLE_EXCEPTIONS: ("Exception", ""),
    c.TABLE_OVERDUE: ("List", ""),
    c.TABLE_CHART_DATA: ("Chart", ""),
}
GROUP_TITLES = {
    c.TABLE_DELIVERY: "Objectives and actions by theme",
    c.TABLE_QUARTERS: "Quarterly figures by priority",
    c.TABLE_EXCEPTIONS: "Positive and negative exceptions",
    c.TABLE_OVERDUE: "Overdue and due-soon actions",
    c.TABLE_CHART_DATA: "Figures behind the charts",
}
# Per section: a definition list's column names and title, and its context column.
DEFINITION_HEADERS: dict[str, tuple[str, str, str]] = {
    c.INTRODUCTION: ("Theme", "Statement", "Strategic themes"),
    c.STATUS: ("Rating", "Definition", "RAG status key"),
    c.PRIORITIES: ("Item", "Detail", "About each priority"),
    c.GLOSSARY: ("Acronym", "Meaning", "Glossary of acronyms"),
}
DEFINITION_CONTEXT = {c.PRIORITIES: "Priority"}
DEFAULT_DEFINITIONS = ("Term", "Definition", "Terms and definitions")

Value = c.Cell | str


@dataclass
class SheetTable:
    """One list on a sheet: a title, column names, and rows of cells or plain text."""

    key: tuple[str, ...]
    title: str
    header: list[str]
    rows: list[list[Value]] = field(default_factory=list)
    sources: int = 0  # how many report tables were flattened into it


@dataclass
class TextLine:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class SheetLayout:
    tables: list[SheetTable] = field(default_factory=list)
    text: list[TextLine] = field(default_factory=list)


def _sheet_table(
    layout: SheetLayout, key: tuple[str, ...], title: str, header: list[str]
) -> SheetTable:
    for table in layout.tables:
        if table.key == key:
            table.sources += 1
            return table
    table = SheetTable(key, title, header, sources=1)
    layout.tables.append(table)
    return table


def _add_table(layout: SheetLayout, table: c.Table, context: str) -> None:
    heading_column, group_column = CONTEXT_COLUMNS.get(table.kind, ("", ""))
    extra = [name for name in (heading_column, group_column) if name]
    key = (table.kind, *extra, *table.header)
    target = _sheet_table(layout, key, table.caption, [*extra, *table.header])
    if target.sources > 1:
        target.title = GROUP_TITLES.get(table.kind, target.title)
    group = ""
    for row in table.rows:
        if row.kind == c.ROW_GROUP:
            group = row.cells[0].text
            continue
        values: list[Value] = []
        if heading_column:
            values.append(context)
        if group_column:
            values.append(group)
        target.rows.append([*values, *row.cells])


def _add_definitions(
    layout: SheetLayout, block: c.DefinitionList, section_code: str, context: str
) -> None:
    term, meaning, title = DEFINITION_HEADERS.get(section_code, DEFAULT_DEFINITIONS)
    context_column = DEFINITION_CONTEXT.get(section_code, "")
    extra = [context_column] if context_column else []
    target = _sheet_table(
        layout, (DEFINITIONS, *extra, term, meaning), title, [*extra, term, meaning]
    )
    rags = list(block.rags) + [None] * (len(block.items) - len(block.rags))
    for (text, definition), rag in zip(block.items, rags, strict=True):
        values: list[Value] = [context] if context_column else []
        term_cell = c.Cell(lines=[text], rag=rag, value=text)
        target.rows.append([*values, term_cell, definition])


def sheet_layout(section: c.Section) -> SheetLayout:
    """The section's tables flattened, then its words in order."""
    layout = SheetLayout()
    context = ""
    for block in section.blocks:
        if isinstance(block, c.Heading):
            if block.level <= 3:
                context = block.text
            layout.text.append(TextLine(block.text, bold=True))
        elif isinstance(block, c.Table):
            _add_table(layout, block, context)
        elif isinstance(block, c.DefinitionList):
            _add_definitions(layout, block, section.code, context)
        elif isinstance(block, c.Chart):
            layout.text.append(TextLine(f"{block.title}. {block.description}"))
            if block.data is not None:
                _add_table(layout, block.data, block.title)
        elif isinstance(block, c.Paragraph):
            layout.text.append(TextLine(block.text, italic=block.emphasis))
        elif isinstance(block, c.BulletList):
            layout.text += [TextLine(f"• {item}") for item in block.items]
        else:
            layout.text.append(TextLine(block.text, italic=True))
    # Lists from the report's tables first: the first list's header is the one frozen.
    layout.tables.sort(key=lambda table: table.key[0] == DEFINITIONS)
    if all(line.bold for line in layout.text):
        layout.text = []  # headings alone say nothing the tables' columns do not
    return layout
