"""Parser for the NSDC delivery-plan layout (Bassetlaw, Newark & Sherwood CSP, 2025 and 2026-27).

The documents are PDF conversions: tab-separated table rows with HTML inside cells, rows split
by page breaks, columns shifted where a cell was empty, and objective headings broken across
cells. A council officer should not have to retype them, and should not get a half-read plan
either, so the parser reads row by row, places each cell by what it looks like, and records an
ImportWarning (with the file's line number) wherever it had to judge. Anything that is not
this layout raises ImportFormatError with a plain-English message.

Pure Python: no Django and no database, so the preview and ``--json`` show exactly what would
be saved.
"""

from __future__ import annotations

import re

from apps.importers.domain.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
    ParsedUpdate,
)
from apps.importers.domain.parsers import nsdc_front as front
from apps.importers.domain.parsers.html_cells import cell_text, read_action_cell, update_text
from apps.importers.domain.parsers.nsdc_checks import finish
from apps.importers.domain.parsers.nsdc_objectives import (
    is_objective_heading,
    read_objective_heading,
    strip_heading_fragments,
)
from apps.importers.domain.parsers.nsdc_rows import ACTION_COLUMN, Row, read_row, split_leads
from apps.plans.domain.by_when import interpret_by_when

NOT_NSDC = (
    "This file is not a delivery plan in the layout SaferPlan can read: it needs a table with "
    "the headings Method, By when, Lead and Action(s), and numbered objectives."
)
NO_OBJECTIVES = (
    "This file has the delivery plan table headings but no objectives could be read from it."
)
_SEPARATOR = re.compile(r"[-\s|:]*")
_WIDE_GAP = re.compile(r"\s{4,}")


def looks_like_nsdc_plan(text: str) -> bool:
    """True if the text has the plan's table header row and at least one objective heading."""
    has_header = any(front.HEADER.match(front.plain_line(line)) for line in text.splitlines())
    return has_header and re.search(r"Objective\s*\d", text, re.I) is not None


def parse_nsdc_plan(text: str) -> ParsedPlan:
    """Read an NSDC-layout delivery plan into plain data, or raise ImportFormatError."""
    if not looks_like_nsdc_plan(text):
        raise ImportFormatError(NOT_NSDC)
    plan = _Reader(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).read()
    if not any(theme.objectives for theme in plan.themes):
        raise ImportFormatError(NO_OBJECTIVES)
    return plan


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.plan = ParsedPlan(title="")
        self.warnings = self.plan.warnings
        self.bullets = front.read_strategic_bullets(lines)
        self.theme: ParsedTheme | None = None
        self.objective: ParsedObjective | None = None
        self.action: ParsedAction | None = None
        self.method: str | None = None
        self.unused_method: tuple[str, int] | None = None

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    def read(self) -> ParsedPlan:
        self.plan.title, self.plan.period_label = front.read_title(self.lines, self.warnings)
        self.plan.introduction = front.read_introduction(self.lines)
        headings = front.find_theme_headings(self.lines, self.warnings)
        starts = {h.used_lines[0]: h for h in headings.values()}
        skipped = {i for h in headings.values() for i in h.used_lines}
        for index, raw in enumerate(self.lines):
            if index in starts:
                self.start_theme(starts[index])
            elif index in skipped or (self.theme is None and not is_objective_heading(raw)):
                continue
            elif "rag classification" in raw.lower():
                break
            else:
                self.read_line(raw, index + 1)
        self.close_method()
        self.plan.rag_scheme = front.read_rag_scheme(self.lines, self.warnings)
        finish(self.plan)
        return self.plan

    def start_theme(self, heading: front.ThemeHeading) -> None:
        self.close_method()
        self.theme = ParsedTheme(title=heading.title, statement=heading.statement)
        self.plan.themes.append(self.theme)
        self.objective, self.action, self.method = None, None, None
        text = "\n".join(self.lines)
        front.check_statement_words(
            heading.statement, heading.title, text, heading.line, self.warnings
        )

    def read_line(self, raw: str, line: int) -> None:
        text = front.plain_line(raw)
        if not text or _SEPARATOR.fullmatch(text) or re.fullmatch(r"\d{1,3}", text):
            return  # blank, a separator row or a page number on its own
        if front.HEADER.match(text):
            return  # the column headings, repeated on each page
        if is_objective_heading(raw):
            self.read_objective(raw, line)
        elif self.objective is None:
            self.warn(line, f"Text outside any objective was left out: “{text[:60]}”.")
        else:
            self.read_table_row(read_row(raw, line))

    def read_objective(self, raw: str, line: int) -> None:
        heading = read_objective_heading(raw, self.bullets)
        if heading is None:
            self.warn(
                line,
                "This looks like an objective heading but its number could not be read.",
            )
            return
        if heading.repaired:
            self.warn(
                line,
                f"Objective {heading.number}’s heading was broken across cells "
                f"(“{heading.printed}”); its title was taken from the matching "
                "Strategic Themes bullet.",
            )
        elif heading.broken:
            self.warn(
                line,
                f"Objective {heading.number}’s heading was broken across cells; check its title.",
            )
        self.start_objective(heading.number, heading.title, line)

    def start_objective(self, number: int, title: str, line: int) -> None:
        self.close_method()
        if self.theme is None:
            self.warn(line, f"Objective {number} comes before any theme heading.")
            self.theme = ParsedTheme(title="Delivery plan")
            self.plan.themes.append(self.theme)
        self.objective = ParsedObjective(number=number, title=title, line=line)
        self.theme.objectives.append(self.objective)
        self.action, self.method = None, None

    def close_method(self) -> None:
        if self.unused_method is not None:
            name, line = self.unused_method
            self.warn(line, f"The method “{name}” has no actions beside it, so it was left out.")
        self.unused_method = None

    def read_table_row(self, row: Row) -> None:
        for stray in row.stray:
            self.warn(row.line, f"Left out “{stray}” inside the row: it looks like a page number.")
        if row.action is None:
            self.read_row_without_action(row)
            return
        head = read_action_cell(row.action)
        new_action = not row.starts_action or head.number or head.implied_number
        if not new_action and self.lost_heading(row):
            return
        if not new_action and self.repeats_update(row):
            return
        if not new_action and (row.first_column > ACTION_COLUMN or head.text[:1].islower()):
            self.continue_action(row)
            return
        self.add_action(row)

    def read_row_without_action(self, row: Row) -> None:
        if row.method and not (row.due or row.lead):
            self.close_method()
            self.method = row.method
            self.unused_method = (row.method, row.line)
        else:
            self.warn(row.line, "A row with a by-when or lead but no action was left out.")

    def repeats_update(self, row: Row) -> bool:
        """A fragment that repeats text already in the previous action's update."""
        text = cell_text(row.action or "")
        if self.action is None or row.updates or not self.action.updates:
            return False
        if text not in self.action.updates[-1].text:
            return False
        self.warn(
            row.line,
            f"Left out “{text[:60]}”: it repeats the update of action {self.action.number}.",
        )
        return True

    def lost_heading(self, row: Row) -> bool:
        """Pieces of the next objective's heading printed in the action and update cells."""
        assert self.objective is not None
        rest, source = strip_heading_fragments(cell_text(row.action or ""), self.bullets)
        if source is None or self.has_objective_titled(source):
            return False
        number = self.objective.number + 1
        self.warn(
            row.line,
            f"Objective {number}’s heading was broken up and mixed into this row; its title was "
            "taken from the matching Strategic Themes bullet.",
        )
        self.start_objective(number, source, row.line)
        updates = [strip_heading_fragments(update_text(c), [source])[0] for c in row.updates]
        action = ParsedAction(number="1)", text=rest, method=None, line=row.line)
        action.updates = [ParsedUpdate(u, row.line) for u in updates if u]
        self.warn(row.line, f"Action 1) of objective {number} has no number in the document.")
        self.append(action)
        return True

    def has_objective_titled(self, title: str) -> bool:
        key = re.sub(r"[^a-z]", "", title.lower())
        return any(
            re.sub(r"[^a-z]", "", o.title.lower()) == key
            for theme in self.plan.themes
            for o in theme.objectives
        )

    def continue_action(self, row: Row) -> None:
        """Join a row that a page break split off to the action above it."""
        if self.action is None:
            self.warn(
                row.line,
                f"Text before any action was left out: “{cell_text(row.action or '')[:60]}”.",
            )
            return
        cells = [row.action or "", *row.updates]
        looks_like_items = re.match(r"\s*(<[uo]l|<li|[a-z]\.\s)", cells[0]) is not None
        if len(cells) > 1 or looks_like_items:
            part = read_action_cell(cells[0], continuing=True)
            if part.text:
                if self.action.sub_items:
                    self.action.sub_items[-1] += " " + part.text
                else:
                    self.action.text += " " + part.text
            self.action.sub_items.extend(part.sub_items)
            cells = cells[1:]
        for cell in cells:
            self.continue_update(update_text(cell), row.line)
        self.warn(
            row.line,
            f"Joined this row, split by a page break, to action {self.action.number}.",
        )

    def continue_update(self, text: str, line: int) -> None:
        assert self.action is not None
        if not text:
            return
        if not self.action.updates:
            self.action.updates.append(ParsedUpdate(text, line))
            return
        update = self.action.updates[-1]
        ends_sentence = update.text.rstrip()[-1:] in ".!?:"
        update.text += ("\n\n" if ends_sentence else " ") + text

    def add_action(self, row: Row) -> None:
        assert self.objective is not None
        cell, updates = row.action or "", list(row.updates)
        head = read_action_cell(cell)
        if head.number and not head.text and not head.sub_items and updates:
            numbered = read_action_cell(updates.pop(0))
            head.text, head.sub_items = numbered.text, numbered.sub_items
        if not updates and "<" not in cell and _WIDE_GAP.search(cell.strip()):
            first, rest = _WIDE_GAP.split(cell.strip(), maxsplit=1)
            head = read_action_cell(first)
            updates = [rest]
            self.warn(
                row.line,
                "An action and its update were run together in one cell; split at the wide gap.",
            )
        number = head.number or self.next_number(row.line, implied=head.implied_number)
        if row.method:
            self.close_method()
            self.method = row.method
        self.unused_method = None
        by_when = interpret_by_when(row.due)
        action = ParsedAction(
            number=number,
            text=head.text,
            method=self.method,
            sub_items=head.sub_items,
            due_text=by_when.text or None,
            due_date=by_when.due_date,
            status=by_when.status,
            leads=split_leads(row.lead, row.line, self.warnings) if row.lead else [],
            rag=row.rag,
            line=row.line,
        )
        text = "\n\n".join(t for t in (update_text(c) for c in updates) if t)
        if text:
            action.updates.append(ParsedUpdate(text, row.line))
        self.check_numbering(action)
        self.append(action)

    def next_number(self, line: int, *, implied: bool) -> str:
        assert self.objective is not None
        previous = [int(a.number[:-1]) for a in self.objective.actions if a.number[:-1].isdigit()]
        number = f"{previous[-1] + 1 if previous else 1})"
        if implied:
            self.warn(
                line,
                f"Action {number} is numbered by its list; the number is not in its text.",
            )
        else:
            self.warn(
                line,
                f"This action has no number in the document; numbered {number} by its place.",
            )
        return number

    def check_numbering(self, action: ParsedAction) -> None:
        assert self.objective is not None
        if self.action is None or self.action not in self.objective.actions:
            return
        before, now = self.action.number[:-1], action.number[:-1]
        if before.isdigit() and now.isdigit() and int(now) <= int(before):
            self.warn(
                action.line,
                f"Action {action.number} follows {self.action.number}: "
                "the numbering starts again here.",
            )

    def append(self, action: ParsedAction) -> None:
        assert self.objective is not None
        self.objective.actions.append(action)
        self.action = action
