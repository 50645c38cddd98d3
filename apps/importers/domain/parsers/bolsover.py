"""Parser for Bolsover Community Safety Partnership's action plan (PRIORITY / ACTION / LEAD).

The plan is one table in a scrutiny committee pack: a row per priority, its ACTION cell a mix
of aims (``<p>`` paragraphs ending in a colon) and bullets, its LEAD cell one paragraph per
bullet. Page breaks split rows: the next page carries on with an empty PRIORITY cell.

It is read as one theme; each priority is an objective, numbered in printed order; each bullet
(or a paragraph with no bullets under it) is an action, numbered within its objective. An aim
stays with every action under it as the detail "Aim", so nothing printed is lost and the
actions can still be filtered and updated one by one. There is no RAG scheme in the document.

Pure Python, like the other parsers: the preview shows exactly what would be saved.
"""

from __future__ import annotations

import re

from apps.importers.domain.glossary import glossary_agencies
from apps.importers.domain.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
)
from apps.importers.domain.parsers import bolsover_cells as cells
from apps.importers.domain.parsers.html_cells import cell_text, tidy
from apps.importers.domain.tagging import detect_tags

NOT_BOLSOVER = (
    "This file is not an action plan in the Bolsover layout: it needs a table with the "
    "headings Priority, Action and Lead."
)
NO_PRIORITIES = (
    "This file has the action plan table (Priority, Action, Lead) but no priorities with "
    "actions could be read from it."
)
AIM = "Aim"
_HEADER = ("PRIORITY", "ACTION", "LEAD")
_PERIOD = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4}|\d{2})")
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a"}


def _header_index(lines: list[str]) -> int | None:
    for index, raw in enumerate(lines):
        found = tuple(tidy(cell_text(c)).upper() for c in raw.split("\t") if c.strip())
        if found == _HEADER:
            return index
    return None


def looks_like_bolsover_plan(text: str) -> bool:
    """True if a line is the tab-separated header row PRIORITY, ACTION, LEAD."""
    return _header_index(text.splitlines()) is not None


def parse_bolsover_plan(text: str) -> ParsedPlan:
    """Read a Bolsover-layout action plan into plain data, or raise ImportFormatError."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _header_index(lines)
    if header is None:
        raise ImportFormatError(NOT_BOLSOVER)
    plan = _Reader(lines, header).read()
    if not any(o.actions for t in plan.themes for o in t.objectives):
        raise ImportFormatError(NO_PRIORITIES)
    # The plan's glossary says what its leads' initials mean ("BDC – Bolsover District Council").
    plan.agencies = glossary_agencies(lines)
    return plan


def _plain(raw: str) -> str:
    return tidy(cell_text(raw).lstrip("#").strip("*_ "))


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


class _Reader:
    def __init__(self, lines: list[str], header: int) -> None:
        self.lines = lines
        self.header = header
        self.plan = ParsedPlan(title="")
        self.objective: ParsedObjective | None = None
        self.aim: str | None = None

    def warn(self, line: int, message: str) -> None:
        self.plan.warnings.append(ImportWarning(line, message))

    def read(self) -> ParsedPlan:
        self.read_title()
        self.plan.themes.append(ParsedTheme(title=self.theme_title()))
        for index in range(self.header + 1, len(self.lines)):
            raw = self.lines[index]
            if not raw.strip():
                continue
            if "\t" not in raw:
                break  # the table has ended: the report's text goes on
            self.read_row(raw.split("\t"), index + 1)
        self.finish()
        return self.plan

    def read_title(self) -> None:
        """The heading just above the table names the plan and its years."""
        for index in range(self.header - 1, max(self.header - 6, -1), -1):
            text = _plain(self.lines[index])
            if "plan" in text.lower():
                title = _title_case(text) if text.isupper() else text
                self.plan.title = re.sub(r"\s*([-–])\s*(?=\d)", r" \1 ", title)
                break
        if not self.plan.title:
            self.plan.title = "Community Safety Partnership action plan"
            self.warn(self.header + 1, "No title was found above the table; check the title.")
        if period := _PERIOD.search(self.plan.title):
            self.plan.period_label = f"{period[1]}-{period[2]}"

    def theme_title(self) -> str:
        """The "Strategic Priorities 2017-2020" heading that introduces the table, if printed."""
        for raw in self.lines[: self.header]:
            if raw.startswith("#") and "strategic priorities" in raw.lower():
                return _plain(raw)
        return "Priorities"

    def read_row(self, row: list[str], line: int) -> None:
        priority = _plain(row[0])
        action_cell = row[1] if len(row) > 1 else ""
        lead_cell = " ".join(row[2:])
        if tuple(tidy(cell_text(c)).upper() for c in row if c.strip()) == _HEADER:
            return  # the header repeated on a new page
        if priority:
            self.start_objective(priority, line)
        elif self.objective is None:
            self.warn(
                line, f"Text before the first priority was left out: “{_plain(action_cell)[:60]}”."
            )
            return
        assert self.objective is not None
        previous = self.objective.actions[-1] if not priority and self.objective.actions else None
        cell = cells.read_action_cell(
            action_cell, aim=self.aim, previous=previous.text if previous else None
        )
        self.aim = cell.aim
        if cell.continuation is not None and previous is not None:
            previous.text = f"{previous.text} {cell.continuation}"
            self.warn(
                line,
                f"Joined “{cell.continuation[:40]}” to action {previous.number} of "
                f"“{self.objective.title}”: a page break split it.",
            )
        new = [self.add_action(item, line) for item in cell.items]
        self.pair_leads(new, previous if cell.continuation else None, lead_cell, line)

    def start_objective(self, title: str, line: int) -> None:
        title = re.sub(r"\s*/\s*", "/", title)
        number = len(self.plan.themes[0].objectives) + 1
        self.objective = ParsedObjective(number=number, title=title, line=line)
        self.plan.themes[0].objectives.append(self.objective)
        self.aim = None

    def add_action(self, item: cells.Item, line: int) -> ParsedAction:
        assert self.objective is not None
        number = str(len(self.objective.actions) + 1)
        action = ParsedAction(number=number, text=item.text, line=line)
        if item.aim:
            action.details[AIM] = item.aim
        self.objective.actions.append(action)
        return action

    def pair_leads(
        self,
        new: list[ParsedAction],
        continued: ParsedAction | None,
        lead_cell: str,
        line: int,
    ) -> None:
        """Give each action of the row its lead paragraph, in order, saying where it judged."""
        assert self.objective is not None
        paragraphs = cells.lead_paragraphs(lead_cell)
        if continued is not None and not continued.leads and len(paragraphs) == len(new) + 1:
            continued.leads = cells.split_lead(paragraphs.pop(0))
        paragraphs, splits = cells.reconcile(paragraphs, len(new))
        for printed, parts in splits:
            shown = " and ".join(f"“{p}”" for p in parts)
            self.warn(line, f"The leads “{printed}” were run together; read as {shown}.")
        for action, paragraph in zip(new, paragraphs, strict=False):
            action.leads = cells.split_lead(paragraph)
        if len(paragraphs) == len(new):
            return
        where = f"“{self.objective.title}”"
        if len(paragraphs) < len(new):
            missing = ", ".join(a.number for a in new[len(paragraphs) :])
            self.warn(
                line,
                f"{where} prints {len(new)} actions but {len(paragraphs)} leads on this row; "
                f"they were paired in order, so action {missing} has no lead: check the leads.",
            )
        else:
            extra = "; ".join(paragraphs[len(new) :])
            self.warn(
                line,
                f"{where} prints more leads than actions on this row; “{extra}” was left out: "
                "check the leads.",
            )

    def finish(self) -> None:
        for objective in self.plan.themes[0].objectives:
            if not objective.actions:
                self.warn(objective.line, f"The priority “{objective.title}” has no actions.")
            for action in objective.actions:
                # the priority and aim name the crime type the bullet itself often leaves out
                words = [objective.title, action.details.get(AIM, ""), action.text]
                action.tags = detect_tags(" ".join(words))
        self.plan.warnings.sort(key=lambda warning: warning.line)
