"""Parser for the Norfolk County CSP Plan 2013/16 "Appendix 3 Action Plans" layout.

Each priority (A–F) has a table of objectives with their lead, key actions, by when,
performance measures, target and linked priorities. The conversion splits rows over pages
(the rest of a row follows the next page's column headings, sometimes with those headings
mixed into its cells), runs list items together and leaves some priorities without a plan
("Action Plan under development"). Each priority becomes a theme "A: <title>", each
objective keeps the number the document prints within its priority (unnumbered ones are
numbered by their place, with a warning), and each key action becomes an action.

Pure Python: no Django and no database.
"""

from __future__ import annotations

import re

from apps.importers.domain.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
)
from apps.importers.domain.parsers.norfolk_ccsp_rows import SubRow, row_actions
from apps.importers.domain.parsers.norfolk_text import (
    cells_of,
    join_text,
    lines_of,
    read_leads,
    starts_lower,
    tidy,
)

NOT_NORFOLK_CCSP = (
    "This file is not a Norfolk CCSP action plan: it needs “CCSP Priority” headings and tables "
    "with the columns Objective, Lead, Key Actions, By When, Performance measure(s), Target and "
    "Linked priorities."
)
NO_OBJECTIVES = (
    "This file has the Norfolk CCSP action plan headings but no objectives could be read from "
    "its tables."
)
_HEADER = re.compile(r"^Objective\tLead\tKey Actions\tBy When", re.I)
_PRIORITY = re.compile(r"^CCSP Priority\b\s*(.*)$", re.I)
_PRIORITY_TITLE = re.compile(r"^([A-F])\.\s*(\S.*)$")
_EARLIER_TITLE = re.compile(r"^Priority ([A-F]):\s*(\S.*)$")
_PAGE_MARK = re.compile(
    r"^(?:CCSP Plan (20\d\d/\d\d)\s+)?Appendix 3 Action Plans"
    r"(?:\s+\d+\s+CCSP Plan (20\d\d/\d\d))?$",
    re.I,
)
_END = re.compile(r"^(?:APPENDIX\s+[4-9]|RECOMMENDATION\t)", re.I)
_NUMBERED = re.compile(r"^(\d{1,2})\.\s*(\S.*)$")
_WIDTH = 7
_MAX_STATEMENT = 100


def looks_like_norfolk_ccsp_plan(text: str) -> bool:
    """True if the text has a "CCSP Priority" heading and the action plan column headings."""
    lines = lines_of(text)
    has_header = any(_HEADER.match(line) for line in lines)
    return has_header and any(_PRIORITY.match(tidy(line)) for line in lines)


def parse_norfolk_ccsp_plan(text: str) -> ParsedPlan:
    """Read the Norfolk CCSP action plans into plain data, or raise ImportFormatError."""
    if not looks_like_norfolk_ccsp_plan(text):
        raise ImportFormatError(NOT_NORFOLK_CCSP)
    plan = _Reader(lines_of(text)).read()
    if not any(theme.objectives for theme in plan.themes):
        raise ImportFormatError(NO_OBJECTIVES)
    return plan


class _Objective:
    """An objective being read: its printed rows are kept until the objective is complete."""

    def __init__(self, objective: ParsedObjective, lead: str) -> None:
        self.parsed = objective
        self.lead = lead
        self.rows: list[SubRow] = []


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.plan = ParsedPlan(title="")
        self.warnings = self.plan.warnings
        self.theme: ParsedTheme | None = None
        self.theme_line = 0
        self.in_table = False
        self.objective: _Objective | None = None

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    def read(self) -> ParsedPlan:
        self.read_title()
        index = 0
        while index < len(self.lines):
            raw = self.lines[index]
            line = index + 1
            index += 1
            plain = tidy(raw.replace("\t", " "))
            if self.theme is None and not _PRIORITY.match(plain):
                continue
            if _END.match(raw):
                break
            if not plain or _PAGE_MARK.match(plain) or re.fullmatch(r"[-\s]+", plain):
                continue
            if match := _PRIORITY.match(plain):
                index = self.start_priority(match[1], index, line)
            elif _HEADER.match(raw):
                self.in_table = True
            elif "\t" in raw and self.in_table:
                self.read_row(raw, line)
            else:
                self.read_prose(plain, line)
        self.close_objective()
        self.close_theme()
        self.plan.warnings.sort(key=lambda warning: warning.line)
        return self.plan

    def read_title(self) -> None:
        marks = (_PAGE_MARK.match(tidy(raw)) for raw in self.lines)
        period = next((m[1] or m[2] for m in marks if m and (m[1] or m[2])), None)
        if period is None:
            self.warn(0, "No “CCSP Plan” page heading was found; the plan period is not known.")
            label = ""
        else:
            label = period.replace("/", "-")
        self.plan.period_label = label
        name = "Norfolk County Community Safety Partnership Plan"
        self.plan.title = f"{name} {label}: action plans" if label else f"{name}: action plans"

    def start_priority(self, rest: str, index: int, line: int) -> int:
        """Open a theme; the title is on the heading line or the next non-blank one."""
        self.close_objective()
        self.close_theme()
        if not rest:
            while index < len(self.lines) and not self.lines[index].strip():
                index += 1
            if index < len(self.lines) and _PRIORITY_TITLE.match(tidy(self.lines[index])):
                rest = tidy(self.lines[index])
                index += 1
        match = _PRIORITY_TITLE.match(tidy(rest.replace("\t", " ")))
        if match is None:
            self.warn(line, "A “CCSP Priority” heading without a letter and title was left out.")
            self.theme = None
            return index
        title = self.complete_title(match[1], match[2], line)
        self.theme = ParsedTheme(title=f"{match[1]}: {title}")
        self.theme_line = line
        self.plan.themes.append(self.theme)
        self.in_table = False
        return index

    def complete_title(self, letter: str, title: str, line: int) -> str:
        """A title cut short at the end of a line is completed from the plan's own heading."""
        if not title.endswith((",", " and", " to", " of")):
            return title
        start = title.rstrip(",").strip()
        for raw in self.lines:
            match = _EARLIER_TITLE.match(tidy(raw))
            if match and match[1] == letter and match[2].startswith(start):
                self.warn(
                    line,
                    f"Priority {letter}’s title was cut short (“{title}”); completed from the "
                    f"plan’s heading “Priority {letter}: {match[2]}”.",
                )
                return match[2]
        self.warn(line, f"Priority {letter}’s title “{title}” looks cut short; check it.")
        return start

    def read_prose(self, text: str, line: int) -> None:
        """Text under a priority heading: a short note becomes its statement."""
        assert self.theme is not None
        if not self.in_table and len(text) <= _MAX_STATEMENT and not self.theme.objectives:
            self.theme.statement = join_text(self.theme.statement, text)
        else:
            self.warn(line, f"Left out text that is not part of the table: “{text[:60]}”.")

    def read_row(self, raw: str, line: int) -> None:
        cells = self.without_headings(cells_of(raw, _WIDTH), line)
        if not any(cells):
            return
        actions_cell = [*raw.split("\t"), "", "", ""][2]
        row = SubRow(
            line=line,
            actions=cells[2],
            is_list=actions_cell.startswith(" "),
            by_when=cells[3],
            details=cells[4:7],
            lead=cells[1],
        )
        first = cells[0]
        if first and starts_lower(first) and self.objective is not None:
            self.continue_page(first, row)
        elif first:
            self.start_objective(first, row)
        elif self.objective is None:
            self.warn(line, "A row before any objective was left out.")
        elif not row.actions and self.objective.rows:
            self.objective.rows[-1].join(row)
            self.warn(line, "A row with no key actions was joined to the row above it.")
        else:
            if self.objective.rows and self.objective.rows[-1].take_unfinished(row):
                self.warn(line, "Joined a cell that continues an open quotation in the row above.")
            self.objective.rows.append(row)

    def without_headings(self, cells: list[str], line: int) -> list[str]:
        """Column headings the conversion printed inside a row split by a page break."""
        found = []
        for position, heading in ((0, "Objective"), (4, "Performance measure(s)")):
            if cells[position].startswith(heading + " "):
                cells[position] = cells[position][len(heading) :].strip()
                found.append(heading)
        for position, heading in ((1, "Lead"), (5, "Target"), (6, "Linked priorities")):
            if cells[position] == heading:
                cells[position] = ""
                found.append(heading)
        if found:
            self.warn(
                line,
                "Left out the column headings printed inside this row: " + ", ".join(found) + ".",
            )
        return cells

    def continue_page(self, text: str, row: SubRow) -> None:
        """The rest of a row that a page break split: join it cell by cell."""
        assert self.objective is not None
        objective = self.objective.parsed
        objective.title = join_text(objective.title, text)
        if self.objective.rows:
            self.objective.rows[-1].join(row)
        else:
            self.objective.rows.append(row)
        self.warn(
            row.line,
            f"Joined this row, split by a page break, to objective {objective.number}.",
        )

    def start_objective(self, text: str, row: SubRow) -> None:
        self.close_objective()
        if self.theme is None:
            return
        numbers = [o.number for o in self.theme.objectives]
        if match := _NUMBERED.match(text):
            number, title = int(match[1]), match[2]
        else:
            number, title = (numbers[-1] + 1 if numbers else 1), text
            self.warn(
                row.line,
                f"This objective has no number in the document; numbered {number} by its place.",
            )
        if number in numbers:
            number = max(numbers) + 1
            self.warn(row.line, f"An objective number appears twice; renumbered {number}.")
        parsed = ParsedObjective(number=number, title=title, line=row.line)
        self.theme.objectives.append(parsed)
        self.objective = _Objective(parsed, row.lead)
        row.lead = ""
        self.objective.rows.append(row)

    def close_objective(self) -> None:
        if self.objective is None:
            return
        objective, self.objective = self.objective, None
        leads = read_leads(objective.lead, objective.parsed.line, self.warnings)
        for row in objective.rows:
            row_leads = read_leads(row.lead, row.line, self.warnings) if row.lead else leads
            number = len(objective.parsed.actions) + 1
            objective.parsed.actions.extend(row_actions(row, number, row_leads, self.warnings))
        if not objective.parsed.actions:
            note = f" (“{self.theme.statement}”)" if self.theme and self.theme.statement else ""
            self.warn(
                objective.parsed.line,
                f"Objective {objective.parsed.number} has no key actions{note}; it was kept "
                "without actions.",
            )

    def close_theme(self) -> None:
        if self.theme is not None and not self.theme.objectives:
            note = f": “{self.theme.statement}”" if self.theme.statement else ""
            self.warn(
                self.theme_line,
                f"Priority {self.theme.title[:1]} has no action plan table{note}; it was kept as "
                "a theme without objectives.",
            )
        self.in_table = False
