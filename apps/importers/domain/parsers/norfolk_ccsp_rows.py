"""One printed row of a Norfolk CCSP action plan turned into actions.

A row holds several key actions run together and, in its "By When" cell, as many dates as
it has milestones or actions ("Jul 2013 Sept 2013 Jul 2013"). Dates are paired with
milestones (the "▶" items) when the counts agree, otherwise with the actions when those
agree; if neither does, each action keeps the whole by-when and the latest date, and the
importer says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from apps.importers.domain.parsed import ImportWarning, ParsedAction
from apps.importers.domain.parsers.norfolk_text import DATE_TOKEN, Item, join_text, split_items
from apps.importers.domain.tagging import detect_tags
from apps.plans.domain.by_when import interpret_by_when

DETAIL_LABELS = ("Performance measure(s)", "Target", "Linked priorities")
_PRIORITY_LETTERS = re.compile(r"^[A-F](?:\s*(?:,|&|/|and)\s*[A-F])*$")
_MAX_DUE_TEXT = 100
_OPEN_QUOTE = re.compile(r"(?:^|\s)['‘][^'’]*$")


@dataclass
class SubRow:
    """The cells of one printed row, after rows split by a page break are joined."""

    line: int
    actions: str = ""
    is_list: bool = False  # the cell began with a space: its bullets were lost
    by_when: str = ""
    details: list[str] = field(default_factory=lambda: ["", "", ""])
    lead: str = ""

    def join(self, other: SubRow) -> None:
        self.actions = join_text(self.actions, other.actions)
        self.is_list = self.is_list or other.is_list
        self.by_when = join_text(self.by_when, other.by_when)
        self.details = [join_text(a, b) for a, b in zip(self.details, other.details, strict=True)]
        self.lead = join_text(self.lead, other.lead)

    def take_unfinished(self, below: SubRow) -> bool:
        """Take cells of the row below that finish a quotation this row opens ("'High" …)."""
        taken = False
        for index, text in enumerate(self.details):
            if below.details[index] and _OPEN_QUOTE.search(text):
                self.details[index] = join_text(text, below.details[index])
                below.details[index] = ""
                taken = True
        return taken


def _due(texts: list[str]) -> tuple[str, date | None]:
    dates = [d for d in (interpret_by_when(t).due_date for t in texts) if d]
    return ", ".join(texts)[:_MAX_DUE_TEXT], max(dates, default=None)


def _action(item: Item, number: int, row: SubRow, leads: list[str]) -> ParsedAction:
    labels = zip(DETAIL_LABELS, row.details, strict=True)
    return ParsedAction(
        number=f"{number})",
        text=item.text,
        sub_items=list(item.milestones),
        leads=list(leads),
        line=row.line,
        details={label: text for label, text in labels if text},
        tags=detect_tags(" ".join([item.text, *item.milestones])),
    )


def check_linked_priorities(row: SubRow, warnings: list[ImportWarning]) -> None:
    """Text under "Linked priorities" that is not priority letters belongs under "Target"."""
    linked = row.details[2]
    if linked and not _PRIORITY_LETTERS.match(linked) and not row.details[1]:
        row.details[1], row.details[2] = linked, ""
        warnings.append(
            ImportWarning(
                row.line,
                f"“{linked[:60]}” was printed under Linked priorities but reads as a target; "
                "it was moved to Target.",
            )
        )


def row_actions(
    row: SubRow, first_number: int, leads: list[str], warnings: list[ImportWarning]
) -> list[ParsedAction]:
    """The row's key actions with their milestones, dates, leads and details."""
    check_linked_priorities(row, warnings)
    split = split_items(row.actions, is_list=row.is_list)
    items = [item for item in split.items if item.text]
    if not items:
        return []
    if split.judged:
        warnings.append(
            ImportWarning(
                row.line,
                f"The key actions had lost their bullets; read them as {len(items)} actions "
                "where a new item seems to start: check the wording.",
            )
        )
    actions = [_action(item, first_number + i, row, leads) for i, item in enumerate(items)]
    _set_dates(row, items, actions, warnings)
    return actions


def _set_dates(
    row: SubRow, items: list[Item], actions: list[ParsedAction], warnings: list[ImportWarning]
) -> None:
    texts = [m[0] for m in DATE_TOKEN.finditer(row.by_when)]
    milestones = sum(len(item.milestones) for item in items)
    if len(texts) > 1 and milestones == len(texts):
        position = 0
        for item, action in zip(items, actions, strict=True):
            mine = texts[position : position + len(item.milestones)]
            position += len(item.milestones)
            action.sub_items = [f"{m} ({t})" for m, t in zip(item.milestones, mine, strict=True)]
            action.due_text, action.due_date = _due(mine) if mine else (None, None)
        warnings.append(
            ImportWarning(
                row.line,
                f"Paired the {len(texts)} by-when dates with the milestones in order.",
            )
        )
        return
    if len(texts) > 1 and len(texts) == len(actions):
        for action, text in zip(actions, texts, strict=True):
            action.due_text, action.due_date = _due([text])
        warnings.append(
            ImportWarning(
                row.line, f"Paired the {len(texts)} by-when dates with the actions in order."
            )
        )
        return
    written = interpret_by_when(row.by_when)
    due_date = written.due_date or max(
        (d for d in (interpret_by_when(t).due_date for t in texts) if d), default=None
    )
    if len(texts) > 1:
        warnings.append(
            ImportWarning(
                row.line,
                f"The by-when “{row.by_when}” has {len(texts)} dates for {len(actions)} actions "
                "and milestones that do not pair up; each action keeps them all, due by the "
                "latest.",
            )
        )
    for action in actions:
        action.due_text = row.by_when[:_MAX_DUE_TEXT] or None
        action.due_date = due_date
        action.status = written.status
