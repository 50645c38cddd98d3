"""Parser for a Nottinghamshire Police and Crime Commissioner's theme update (2018-21 plan).

The theme's deliverables sit in markdown tables (No | Organisation | Deliverable | RAG Status),
each followed by a row holding its dated updates; page breaks start new tables and sometimes
push an update's end, or the whole update, out of the table as plain paragraphs. A status key
above the table defines the ratings (Green, Amber, Red, White (NS)) and how many deliverables
each has.

Shape: one theme per "THEME n:" heading, one objective titled like the theme (the document has
no objectives), one action per numbered deliverable with the organisation as its lead.
"""

from __future__ import annotations

import re
from datetime import date

from apps.core.text import text_squash
from apps.importers.domain.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
)
from apps.importers.domain.parsers import notts_front as front
from apps.importers.domain.parsers.html_cells import cell_text, tidy
from apps.importers.domain.parsers.notts_updates import Paragraph, UpdateList, cell_paragraphs
from apps.importers.domain.parsers.ratings import NOTTS_SCHEME, rating_in
from apps.importers.domain.tagging import detect_tags

NOT_NOTTS = (
    "This file is not a Police and Crime Commissioner's theme update SaferPlan can read: it "
    "needs a table with the headings No, Organisation, Deliverables and RAG Status."
)
NO_DELIVERABLES = (
    "This file has the deliverables table headings (No, Organisation, Deliverables, RAG "
    "Status) but no numbered deliverables could be read from it."
)
_SEPARATOR = re.compile(r"[\s|:\-]*")


def _is_header(cells: list[str] | None) -> bool:
    if cells is None or len(cells) < 4:
        return False
    words = [tidy(cell_text(c)).lower() for c in cells]
    return (
        words[0] in ("no", "no.", "ref")
        and words[1].startswith("organisation")
        and "deliverable" in words[2]
        and words[-1].startswith("rag")
    )


def _header_index(lines: list[str]) -> int | None:
    return next((i for i, raw in enumerate(lines) if _is_header(front.pipe_cells(raw))), None)


def looks_like_notts_theme_update(text: str) -> bool:
    """True if a table row has the headings No, Organisation, … Deliverables …, RAG Status."""
    return _header_index(text.splitlines()) is not None


def parse_notts_theme_update(text: str) -> ParsedPlan:
    """Read a PCC theme update into plain data, or raise ImportFormatError."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _header_index(lines)
    if header is None:
        raise ImportFormatError(NOT_NOTTS)
    plan = _Reader(lines, header).read()
    if not plan.action_count:
        raise ImportFormatError(NO_DELIVERABLES)
    return plan


def _is_shouting(text: str) -> bool:
    """A heading in capitals ("NOTTINGHAMSHIRE POLICE AND CRIME DELIVERY PLAN 2019/20")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


class _Reader:
    def __init__(self, lines: list[str], header: int) -> None:
        self.lines = lines
        self.header = header
        self.plan = ParsedPlan(title="")
        self.theme_heading: tuple[str, str] | None = None
        self.objective: ParsedObjective | None = None
        self.action: ParsedAction | None = None
        self.in_table = False

    def warn(self, line: int, message: str) -> None:
        self.plan.warnings.append(ImportWarning(line, message))

    def read(self) -> ParsedPlan:
        heading = self.first_theme_line()
        found = front.read_front(self.lines, heading, self.plan.warnings)
        self.plan.title, self.plan.period_label = found.title, found.period_label
        key = front.read_status_key(self.lines, self.header)
        self.plan.rag_scheme = key.ratings
        if not key.ratings:
            self.warn(self.header + 1, "No status key was found above the table.")
        for index in range(heading, len(self.lines)):
            self.read_line(self.lines[index], index + 1)
        self.check_counts(key)
        self.finish(found.reported)
        return self.plan

    def first_theme_line(self) -> int:
        """The "THEME n:" heading just above the table, or the table itself if there is none."""
        for index in range(self.header - 1, max(self.header - 6, -1), -1):
            if front.THEME.match(self.lines[index]):
                return index
        return self.header

    def read_line(self, raw: str, line: int) -> None:
        cells = front.pipe_cells(raw)
        text = tidy(cell_text(raw)) if cells is None else ""
        if match := front.THEME.match(raw):
            self.theme_heading = (match["number"], match["title"])
            self.in_table, self.action = False, None
        elif _is_header(cells):
            self.start_theme(line)
        elif self.objective is None:
            return
        elif cells is not None:
            self.read_row(cells, raw, line)
        elif text and self.in_table and self.action is not None and not _is_shouting(text):
            self.read_loose_paragraph(raw, line)
        elif text:
            self.in_table = False  # another section of the report begins

    def start_theme(self, line: int) -> None:
        number, printed = self.theme_heading or ("", "")
        title = (
            front.theme_title(number, printed, "\n".join(self.lines)) if number else "Deliverables"
        )
        self.plan.themes.append(ParsedTheme(title=title))
        self.objective = ParsedObjective(number=1, title=title, line=line)
        self.plan.themes[-1].objectives.append(self.objective)
        self.theme_heading, self.action, self.in_table = None, None, True

    def read_row(self, cells: list[str], raw: str, line: int) -> None:
        filled = [c for c in cells if tidy(cell_text(c))]
        if not filled or _SEPARATOR.fullmatch(raw):
            return  # a page's empty header row or the line under it
        if not self.in_table:
            return
        if re.fullmatch(r"\d{1,3}", tidy(cell_text(cells[0]))) and len(filled) >= 3:
            self.add_deliverable(cells, line)
        elif len(filled) == 1 and cells[0].strip() and self.action is not None:
            updates = UpdateList(self.action.updates)
            for paragraph in cell_paragraphs(cells[0], line):
                self.note(updates.add(paragraph), line)
        else:
            self.in_table = False  # a different table: the deliverables have ended

    def add_deliverable(self, cells: list[str], line: int) -> None:
        assert self.objective is not None
        number = tidy(cell_text(cells[0]))
        organisation = tidy(cell_text(cells[1])) if len(cells) > 1 else ""
        rag_cell = tidy(cell_text(cells[-1])) if len(cells) > 3 else ""
        text = tidy(cell_text(" ".join(cells[2:-1] if len(cells) > 3 else cells[2:])))
        word = rating_in(rag_cell, NOTTS_SCHEME)
        rag = word.code if word is not None else None
        if rag is None:
            shown = f"“{rag_cell}”" if rag_cell else "no RAG status"
            self.warn(line, f"Deliverable {number} has {shown}, which is not in the status key.")
        leads = [text_squash(p) for p in re.split(r"[/,&]", organisation) if p.strip()]
        self.action = ParsedAction(number=number, text=text, leads=leads, rag=rag, line=line)
        self.objective.actions.append(self.action)

    def read_loose_paragraph(self, raw: str, line: int) -> None:
        """Text outside the table after a deliverable: its update, pushed out by a page break."""
        assert self.action is not None
        updates = UpdateList(self.action.updates)
        text = tidy(cell_text(raw))
        joins = text[:1].islower()
        self.note(updates.add(Paragraph(text, line), joins_sentence=joins), line)
        how = "finished mid-sentence" if joins and self.action.updates else "continued"
        self.warn(
            line,
            f"Read this text, printed outside the table, as deliverable {self.action.number}’s "
            f"update ({how} after a page break).",
        )

    def note(self, message: str | None, line: int) -> None:
        if message:
            self.warn(line, message)

    def check_counts(self, key: front.StatusKey) -> None:
        """The status key above the first table counts its deliverables by rating; compare."""
        if not self.plan.themes:
            return
        ratings = [a.rag for o in self.plan.themes[0].objectives for a in o.actions]
        for code, (count, total, line) in key.claimed.items():
            found = ratings.count(code)
            if found != count or total != len(ratings):
                self.warn(
                    line,
                    f"The status key gives {count}/{total} for {code}, but the table has "
                    f"{found} of {len(ratings)} deliverables rated {code}.",
                )

    def finish(self, reported: date | None) -> None:
        for theme in self.plan.themes:
            for objective in theme.objectives:
                self.check_numbers(objective)
                for action in objective.actions:
                    action.tags = detect_tags(action.text)
                    self.check_updates(action, reported)
        self.plan.warnings.sort(key=lambda warning: warning.line)

    def check_numbers(self, objective: ParsedObjective) -> None:
        numbers = [int(a.number) for a in objective.actions]
        for action, expected in zip(objective.actions, range(1, len(numbers) + 1), strict=True):
            if int(action.number) != expected:
                self.warn(
                    action.line,
                    f"Deliverable {action.number} is printed where deliverable {expected} "
                    "was expected: check for a missing or repeated row.",
                )
                break

    def check_updates(self, action: ParsedAction, reported: date | None) -> None:
        if not action.updates:
            self.warn(action.line, f"Deliverable {action.number} has no update.")
            return
        latest = action.updates[0]
        if latest.date is None:
            self.warn(latest.line, f"Deliverable {action.number}’s update has no date.")
        elif reported is not None and (reported - latest.date).days > 183:
            self.warn(
                latest.line,
                f"Deliverable {action.number}’s latest update is dated "
                f"{latest.date:%-d %B %Y}, more than six months before this report: check "
                "it is the latest.",
            )
