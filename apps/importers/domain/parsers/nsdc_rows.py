"""One table row of an NSDC delivery plan, with each cell placed by what it looks like.

Columns cannot be trusted: where a cell was empty the conversion shifts the rest left or
right, so a by-when lands in the method column or a lead in the by-when column. The row is
therefore read left to right: a page number is skipped, a date or state is the by-when,
initials are the lead, a short first cell is the method, the first remaining cell is the
action and the rest are its update. Leads are split into separate people or agencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apps.core.text import text_squash
from apps.importers.domain.parsed import ImportWarning
from apps.importers.domain.parsers.html_cells import cell_text
from apps.importers.domain.parsers.ratings import NSDC_SCHEME, rating_in
from apps.plans.domain.by_when import interpret_by_when

ACTION_COLUMN = 3  # Method, By when, Lead, Action(s), Update(s), R A G
_LEAD_TOKEN = re.compile(r"^(?:[A-Z]{1,4}|[A-Z]*[^\x00-\x7f][A-Z]*)$")
_LEAD_SPLIT = re.compile(r"\s*[/?,]\s*")
_NUMBER_TOKEN = re.compile(r"\b\d{1,2}\)\s*")


@dataclass
class Row:
    """The cells of one row, by role; ``first_column`` is where its first content sat."""

    line: int
    first_column: int
    method: str | None = None
    due: str | None = None
    lead: str | None = None
    action: str | None = None  # raw cell, HTML kept
    updates: list[str] = field(default_factory=list)  # raw cells
    rag: str | None = None
    stray: list[str] = field(default_factory=list)

    @property
    def starts_action(self) -> bool:
        return self.method is None and self.due is None and self.lead is None


def looks_like_lead(text: str) -> bool:
    """Initials or agencies such as "JW/ YS", "YS? SM", "BNS CSP", "١W" or "YS/ 5) SM"."""
    tokens = [t for t in re.split(r"[\s/?,]+", _NUMBER_TOKEN.sub(" ", text)) if t]
    return bool(tokens) and len(text) <= 30 and all(_LEAD_TOKEN.match(t) for t in tokens)


def _is_number_start(text: str) -> bool:
    return re.match(r"\d{1,2}\)", text) is not None


def _is_by_when(text: str) -> bool:
    return interpret_by_when(text).kind not in ("unknown", "empty")


def read_row(raw: str, line: int) -> Row:
    """Place each non-empty cell of a tab-separated row by its content."""
    cells = raw.split("\t")
    filled = [(i, c, cell_text(c)) for i, c in enumerate(cells) if cell_text(c)]
    row = Row(line=line, first_column=filled[0][0] if filled else 0)
    for position, (column, cell, text) in enumerate(filled):
        if row.action is not None:
            row.updates.append(cell)
        elif re.fullmatch(r"\d{1,4}", text) and position + 1 < len(filled):
            row.stray.append(text)
        elif _is_number_start(text) or "<li" in cell.lower() or "<p" in cell.lower():
            row.action = cell
        elif row.due is None and row.lead is None and _is_by_when(text):
            row.due = text
        elif row.lead is None and looks_like_lead(text):
            row.lead = text
        elif column == 0 and len(text.split()) <= 6:
            row.method = text
        else:
            row.action = cell
    _take_rag(row)
    return row


def _take_rag(row: Row) -> None:
    """The last update cell is the RAG column when it holds one word that is a rating."""
    last = cell_text(row.updates[-1]) if row.updates else ""
    word = rating_in(last, NSDC_SCHEME) if len(last.split()) == 1 else None
    if word is not None:
        row.rag = word.code
        row.updates.pop()


def split_leads(text: str, line: int, warnings: list[ImportWarning]) -> list[str]:
    """Separate people or agencies: "JW/ YS /SM" -> ["JW", "YS", "SM"]; "BNS CSP" stays whole."""
    if _NUMBER_TOKEN.search(text):
        warnings.append(
            ImportWarning(line, f"The lead “{text}” contains an action number; it was left out.")
        )
        text = _NUMBER_TOKEN.sub(" ", text)
    if "?" in text:
        warnings.append(
            ImportWarning(line, f"Read the lead “{text}” as separate leads: “?” taken for “/”.")
        )
    leads = [text_squash(part) for part in _LEAD_SPLIT.split(text) if part.strip()]
    for lead in leads:
        if any(len(token) == 1 for token in lead.split()) and " " in lead:
            warnings.append(ImportWarning(line, f"The lead “{lead}” is unclear; check it."))
    return leads
