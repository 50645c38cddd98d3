"""The general reader: the tables of any document made into a plan by what their headings
mean, whatever the partnership called its columns.

Each table is laid out (``plan_layout``), then read row by row (``plan_rows``) into one
``ParsedPlan``. The hierarchy comes from what the document shows, in this order of strength:
a theme or objective column; full-width rows between actions; the last heading before a table
(or a title row above its header, or its sheet's name when each priority has a sheet); and the
action numbers (1.2.3: theme 1, objective 1.2). A plan that shows none of these has one theme
named after the plan. Every row's reading is kept for the preview.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from apps.core.text import text_squash
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.domain.source import Block, Origin, SourceDocument, Table
from apps.importers.domain.tables.headings import Use, heading_key
from apps.importers.domain.tables.plan_builder import PlanBuilder, ReadRow
from apps.importers.domain.tables.plan_layout import (
    PLAN_USES,
    grid_texts,
    headings_signature,
    layout_guess,
    uses_fit,
)
from apps.importers.domain.tables.plan_rows import NOT_A_TITLE, TableReader, names_a_group

__all__ = [
    "PlanReading",
    "PlanTable",
    "ReadRow",
    "column_choices",
    "headings_signature",
    "plan_read",
    "uses_from_headings",
    "uses_remembered",
]

LAYOUT_NAME = "table"

_PERIOD = re.compile(r"\b((?:19|20)\d{2})(\s*[-–/]\s*|\s+to\s+)((?:19|20)?\d{2})\b")
_PLAN_WORDS = re.compile(r"\b(plan|strategy|tracker|action plan)\b", re.I)
_GENERIC_PLAN = re.compile(
    r"^\W*(?:the\s+|our\s+)?(?:action|delivery|partnership)?\s*(?:plan|tracker)\W*$", re.I
)
_GENERIC_SHEET = re.compile(
    r"^(sheet\s*\d*|action plan|actions?|plan|tracker|data|delivery plan|master)$", re.I
)


@dataclass
class PlanTable:
    index: int  # 1-based among document.tables
    origin: Origin
    header_row: int | None  # index into table.rows, None when no header was recognised
    headings: list[str]  # the header row's texts (or "Column A", "Column B"… without one)
    uses: list[Use]  # per column: the guess, or the manager's choice
    chosen: bool  # uses came from a choice rather than a guess
    looks_like_plan: bool  # the guess found an action column and another plan column
    rows: list[ReadRow]
    samples: list[list[str]]  # up to 3 sample values per column, for the column-choice page
    action_count: int
    signature: str  # headings_signature(headings)
    read: bool = False  # its rows were read into the plan
    guessed: list[Use] = field(default_factory=list)  # the guess, even when a choice overrode it
    size: int = 0  # cells in the grid (rows × columns)
    # why it was not read, in words ("it does not look like a plan"), "" when read
    reason: str = ""
    # the header's first row: above header_row when the header takes two rows
    header_first: int | None = None


@dataclass
class PlanReading:
    parsed: ParsedPlan
    tables: list[PlanTable]
    skipped: list[str]  # what was not read, in words, including the document's own skipped

    @property
    def found(self) -> bool:
        """True when at least one action was read: otherwise the manager chooses columns."""
        return self.parsed.action_count > 0


def period_guess(*texts: str) -> str:
    """The plan's period as a title prints it: "2026-27", "2026/27", "2025-2028"."""
    for text in texts:
        if match := _PERIOD.search(text or ""):
            first, second = int(match[1]), int(match[3][-2:])
            if (second - first % 100) % 100 in range(1, 6):
                separator = "-" if match[2].strip() in ("-", "–", "to") else match[2].strip()
                return f"{match[1]}{separator}{match[3]}"
    return ""


def _table_plans(
    document: SourceDocument, uses: Mapping[int, Sequence[Use | str]], skip: Collection[int]
) -> list[PlanTable]:
    tables: list[PlanTable] = []
    for index, table in enumerate(document.tables, start=1):
        layout = layout_guess(table)
        chosen = index in uses
        column_uses = uses_fit(uses[index], table.width) if chosen else layout.guessed
        size = len(table.rows) * table.width
        plan_table = PlanTable(
            index=index,
            origin=table.origin,
            header_row=layout.header_row,
            headings=layout.headings,
            uses=column_uses,
            chosen=chosen,
            looks_like_plan=layout.looks_like_plan,
            rows=[],
            samples=layout.samples,
            action_count=0,
            signature=headings_signature(layout.headings),
            guessed=layout.guessed,
            size=size,
            header_first=layout.header_first,
        )
        if index in skip:
            plan_table.reason = "you chose to skip it"
        elif Use.ACTION not in column_uses:
            plan_table.reason = (
                "no column was chosen as the action" if chosen else "it does not look like a plan"
            )
        elif not chosen and not (
            layout.looks_like_plan and any(use in PLAN_USES for use in column_uses)
        ):
            plan_table.reason = "it does not look like a plan"
        plan_table.read = not plan_table.reason
        tables.append(plan_table)
    return tables


def _title_rows(table: Table, header_row: int | None) -> list[str]:
    if header_row is None:
        return []
    titles: list[str] = []
    for row in grid_texts(table)[:header_row]:
        distinct = list(dict.fromkeys(text_squash(t) for t in row if text_squash(t)))
        if distinct:
            titles.append(" ".join(distinct))
    return titles


def _names_a_plan(text: str) -> bool:
    """ "Delivery plan 2026-27": the plan's own name, not one of its priorities."""
    if _GENERIC_PLAN.match(text):
        return True
    return (
        _PLAN_WORDS.search(text) is not None
        and bool(period_guess(text))
        and not names_a_group(text)
    )


def _is_title(text: str) -> bool:
    return bool(text) and NOT_A_TITLE.match(text) is None and len(text) <= 300


def _theme_headings(document: SourceDocument, tables: list[PlanTable]) -> dict[int, Block]:
    """The heading each read table sits under: the last heading since the previous read table
    (or a short paragraph naming a priority, for PDFs whose headings are plain text)."""
    found: dict[int, Block] = {}
    pending: list[Block] = []
    by_table = {id(t): i for i, t in enumerate(document.tables, start=1)}
    read = {t.index for t in tables if t.read}
    for item in document.items:
        if isinstance(item, Block):
            pending.append(item)
            continue
        index = by_table[id(item)]
        if index not in read:
            continue
        candidates = [
            b
            for b in pending
            if _is_title(text_squash(b.text))
            and not _names_a_plan(text_squash(b.text))
            and (
                b.kind == "heading"
                or (
                    b.kind == "paragraph"
                    and len(text_squash(b.text)) <= 100
                    and names_a_group(text_squash(b.text))
                )
            )
        ]
        if candidates:
            found[index] = candidates[-1]
        pending = []
    return found


def _title_block(
    document: SourceDocument, tables: list[PlanTable], headings: dict[int, Block]
) -> Block | None:
    """The document's title heading: its first top-level heading before any table, unless that
    heading is one of several headings each standing over its own table (then it is the first
    table's theme: "Priority 1" over table 1, "Priority 2" over table 2)."""
    first: Block | None = None
    for item in document.items:
        if isinstance(item, Table):
            break
        if item.kind == "heading" and item.level <= 1 and _is_title(text_squash(item.text)):
            first = item
            break
    if first is None:
        return None
    read = [t.index for t in tables if t.read]
    if read and headings.get(read[0]) is first and any(i in headings for i in read[1:]):
        return None
    return first


def _document_title(
    document: SourceDocument, tables: list[PlanTable], title_block: Block | None, title: str
) -> str:
    if text_squash(title):
        return text_squash(title)
    if title_block is not None:
        return text_squash(title_block.text)
    for item in document.items:
        if isinstance(item, Table):
            break
        if item.kind == "heading" and _names_a_plan(text_squash(item.text)):
            return text_squash(item.text)
    for plan_table in tables:
        if plan_table.read:
            rows = _title_rows(document.tables[plan_table.index - 1], plan_table.header_first)
            for text in rows:
                if _is_title(text) and not names_a_group(text):
                    return text
            break
    return PurePath(document.name).stem or document.name or "Plan"


def _statement(document: SourceDocument, heading: Block) -> str:
    """The paragraphs printed under a theme's heading, before its table."""
    items = document.items
    start = next(i for i, item in enumerate(items) if item is heading)
    parts: list[str] = []
    for item in items[start + 1 :]:
        if isinstance(item, Table) or item.kind == "heading":
            break
        parts.append(text_squash(item.text))
    return "\n\n".join(p for p in parts if p)[:2000]


def plan_read(
    document: SourceDocument,
    *,
    uses: Mapping[int, Sequence[Use]] | None = None,
    skip: Collection[int] = (),
    title: str = "",
) -> PlanReading:
    """Read every table that holds a plan (or that the manager chose columns for) into one
    plan; list the others in ``skipped``. Never raises on what a document holds: a document
    with no plan table gives a plan with no actions, for the column choice."""
    tables = _table_plans(document, uses or {}, set(skip))
    headings = _theme_headings(document, tables)
    title_block = _title_block(document, tables, headings)
    headings = {i: b for i, b in headings.items() if b is not title_block}
    plan_title = _document_title(document, tables, title_block, title)[:300]
    builder = PlanBuilder(
        ParsedPlan(
            title=plan_title,
            period_label=period_guess(plan_title, document.name),
            layout=LAYOUT_NAME,
        ),
        fallback_theme=plan_title,
    )
    read_tables = [t for t in tables if t.read]
    sheets = {t.origin.sheet for t in read_tables}
    by_sheet = len(read_tables) > 1 and len(sheets) == len(read_tables) and None not in sheets
    first = True
    for plan_table in read_tables:
        table = document.tables[plan_table.index - 1]
        # A title row naming a priority is nearest the table; then the heading above it;
        # then, after the first table, any title row.
        theme_title, statement = "", ""
        title_rows = [t for t in _title_rows(table, plan_table.header_first) if _is_title(t)]
        named = [t for t in title_rows if names_a_group(t)]
        others = [t for t in title_rows if t != plan_title and not _names_a_plan(t)]
        if named:
            theme_title = named[-1]
        elif (heading := headings.get(plan_table.index)) is not None:
            theme_title, statement = text_squash(heading.text), _statement(document, heading)
        elif not first and others:
            theme_title = others[-1]
        sheet = plan_table.origin.sheet or ""
        if not theme_title and by_sheet and not _GENERIC_SHEET.match(sheet.strip()):
            theme_title = sheet.strip()
        if theme_title:
            builder.theme_start(theme_title, statement=statement, origin="table")
        reader = TableReader(
            builder,
            table,
            uses=plan_table.uses,
            header_row=plan_table.header_row,
            header_first=plan_table.header_first,
            headings=plan_table.headings,
            wrapped=document.format == "pdf",
            chosen=plan_table.chosen,
        )
        plan_table.rows = reader.read()
        plan_table.action_count = reader.action_count
        first = False
    builder.finish()
    skipped = list(document.skipped)
    for plan_table in tables:
        where = plan_table.origin.describe()
        if not plan_table.read:
            skipped.append(
                f"{where}: a table of {plan_table.size} cells was not read ({plan_table.reason})"
            )
        elif plan_table.action_count == 0:
            skipped.append(f"{where}: a table with plan headings held no actions")
    return PlanReading(parsed=builder.plan, tables=tables, skipped=skipped)


def uses_remembered(
    tables: Sequence[PlanTable], remembered: Mapping[str, Sequence[Use | str]]
) -> dict[int, list[Use]]:
    """The choices a partnership made before for tables with the same headings (by
    ``headings_signature``), as ``plan_read``'s ``uses``: next quarter's tracker needs none."""
    return {
        table.index: uses_fit(remembered[table.signature], len(table.headings))
        for table in tables
        if table.signature in remembered
    }


def uses_from_headings(
    tables: Sequence[PlanTable], mapping: Mapping[str, Use | str]
) -> dict[int, list[Use]]:
    """The command line's ``--map "Target date=by_when"``: every table with such a heading
    (compared as ``heading_key`` does) uses that column so, its other columns as guessed or
    chosen. Unknown uses raise ValueError, for the command to report."""
    wanted = {heading_key(heading): Use(use) for heading, use in mapping.items()}
    chosen: dict[int, list[Use]] = {}
    for table in tables:
        keys = [heading_key(h) for h in table.headings]
        if not any(key in wanted for key in keys):
            continue
        chosen[table.index] = [
            wanted.get(key, use) for key, use in zip(keys, table.uses, strict=True)
        ]
    return chosen


def column_choices(tables: Sequence[PlanTable]) -> list[dict[str, Any]]:
    """Per table, where it is and how each column was used, for ``--json`` and the preview."""
    return [
        {
            "table": table.index,
            "where": table.origin.describe(),
            "read": table.read,
            "reason": table.reason,
            "chosen": table.chosen,
            # the header's row within the table, counted from 1 as a person would
            "header_row": None if table.header_row is None else table.header_row + 1,
            "columns": [
                {"heading": heading, "use": use.value, "guessed": guessed.value}
                for heading, use, guessed in zip(
                    table.headings, table.uses, table.guessed or table.uses, strict=False
                )
            ],
            "actions": table.action_count,
            "signature": table.signature,
        }
        for table in tables
    ]
