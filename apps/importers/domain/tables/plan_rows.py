"""Reading a plan table's rows: each row judged as an action, a theme or objective heading, a
continuation of the action above, a repeated header, a blank or a note, and built into the plan.

Headings. A row whose one text spans the table (merged, or copied into every column when a
reader lost the merge) is a heading; so is a row with one text in the first column when that
column is not the action's and the text is not a value of its column, or a row with one text in
the action column that reads like a heading: bold, shaded, ending in a colon, in capitals, or
naming its group ("Priority 2: …", "Theme A –"; not "Aim to reduce …").

Levels, in order: the words ("Objective", "Aim", "Goal" are objectives; "Theme", "Priority",
"Outcome" are themes, except that under a theme the table was given by its heading or title
row, the groups the table shows are its objectives); numbering ("1.2 …" an objective, "1 …" a
theme); the look (a heading filled and bold like an earlier objective heading is an objective,
like an earlier theme heading a theme); a heading straight under a theme heading, with no
actions between, is an objective, as is the first one under a given theme. Anything else is
a theme.

Continuations. A row with no action text after an action, a row whose action cell is merged
down from the row above, and a row a page break split off (no number where the table numbers
its actions, its text going on mid-sentence) are joined to the action above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from apps.core.rag import AMBER, BLUE, GREEN, RAG_WORDS, RED, RagWord
from apps.core.text import text_squash
from apps.importers.domain.parsed import (
    ParsedAction,
    ParsedObjective,
    ParsedTheme,
    ParsedUpdate,
)
from apps.importers.domain.source import Cell, Origin, Table
from apps.importers.domain.tables.headings import Use, heading_key
from apps.importers.domain.tables.plan_builder import (
    MAX_LENGTHS,
    PlanBuilder,
    ReadRow,
    clip,
    quote,
)
from apps.importers.domain.tables.plan_cells import (
    action_split,
    date_read,
    leads_split,
    number_parts,
    number_split,
    rag_from_fill,
    rag_named,
    rag_read,
    says_nothing,
    status_read,
    updates_split,
)
from apps.importers.domain.tables.plan_layout import header_again
from apps.plans.domain.by_when import interpret_by_when

GROUP_WORDS = re.compile(
    r"^\W*(?:strategic\s+|key\s+|csp\s+)?(theme|priority|priorities|strand|workstream|"
    r"work\s+stream|outcome|area\s+of\s+focus|objective|obj|aim|goal|sub[\s-]?priority)"
    r"\b",
    re.I,
)
_GROUP_LABEL = re.compile(r"\s*\d|\s*(?:[A-Z](?=\W|$))?\s*(?:[:\-–—.)]|$)")


def names_a_group(text: str) -> bool:
    """ "Priority 1 …", "Theme A: …", "Outcome – …", "Objectives": a group named as such,
    where "Aim to reduce …" or "Outcome measures agreed" are sentences that merely start so."""
    match = GROUP_WORDS.match(text)
    return match is not None and _GROUP_LABEL.match(text, match.end()) is not None


_OBJECTIVE_WORDS = {
    "objective",
    "obj",
    "aim",
    "goal",
    "subpriority",
    "sub priority",
    "sub-priority",
}
NOT_A_TITLE = re.compile(
    r"^\W*(last\s+updated|updated|version|v\d|date\b|as\s+at|official|protective\s+marking|"
    r"page\s+\d|draft|key\b|rag\s+key|status\s+key|prepared\s+by|author|review\s+date|"
    r"contents\b|introduction\b|foreword\b|glossary\b|appendix\b|annex\b|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$)",
    re.I,
)
_MIDNIGHT = re.compile(r"(?<=^\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$")
_STATUS_LABELS = {
    "not_started": "Not started",
    "ongoing": "On-going",
    "completed": "Completed",
    "on_hold": "On hold",
}


def _bare_number(text: str) -> bool:
    return (
        bool(number_parts(text))
        or re.fullmatch(r"[A-Za-z]{0,4}\d{1,3}[a-z]?[.)]?", text) is not None
    )


class TableReader:
    """One table's rows, read into the builder."""

    def __init__(
        self,
        builder: PlanBuilder,
        table: Table,
        *,
        uses: Sequence[Use],
        header_row: int | None,
        headings: Sequence[str],
        header_first: int | None = None,
        wrapped: bool,
        chosen: bool = False,
    ) -> None:
        self.builder = builder
        self.table = table
        self.uses = list(uses)
        self.header_row = header_row
        self.header_first = header_row if header_first is None else header_first
        self.headings = list(headings)
        self.wrapped = wrapped
        # a heading, title row or sheet named this table's theme, so a heading row inside it
        # with nothing to tell its level is an objective
        self.theme_given = builder.theme_origin == "table" and builder.theme_fresh
        self.width = table.width
        self.cells = [row + [Cell()] * (self.width - len(row)) for row in table.rows]
        self.texts = [[c.text or "" for c in row] for row in self.cells]
        self.chosen = chosen
        self.action_count = 0
        self.action: ParsedAction | None = None
        self.action_row: int | None = None
        self.action_read: ReadRow | None = None  # the action's row, re-described as rows join it
        self.previous_kind = ""
        self.theme_look: tuple[str, bool] | None = None
        self.objective_look: tuple[str, bool] | None = None
        self.theme_value = ""
        self.objective_value = ""
        self.header_keys = [
            [heading_key(c.text) for c in self.cells[index]]
            for index in range(self.header_first or 0, (header_row or 0) + 1)
            if header_row is not None
        ]
        if self.column(Use.LEAD) is None:
            where = table.origin.describe()
            builder.warn(0, f"{where} has no lead column: its actions have no leads.")
        self.fills_mean_rag = {column: self._fills_mean_rag(column) for column in range(self.width)}

    # columns -------------------------------------------------------------------------------

    def column(self, use: Use) -> int | None:
        return self.uses.index(use) if use in self.uses else None

    def columns(self, use: Use) -> list[int]:
        return [i for i, u in enumerate(self.uses) if u == use]

    def text(self, row: int, column: int | None) -> str:
        if column is None:
            return ""
        return (self.cells[row][column].text or "").strip()

    def _fills_mean_rag(self, column: int) -> bool:
        """Whether a column's fills are ratings. They are when they differ between the action
        rows (one colour down the whole column is decoration), or, in a status column, when
        every action's cell is red, amber or green."""
        start = 0 if self.header_row is None else self.header_row + 1
        fills = {
            rag_from_fill(row[column].fill)
            for row in self.cells[start:]
            if len({(c.text or "").strip() for c in row} - {""}) >= 2  # not a heading row
        }
        if len(fills) > 1:
            return True
        uniform = next(iter(fills), None)
        return self.uses[column] == Use.STATUS and uniform in (RED, AMBER, GREEN)

    # where ----------------------------------------------------------------------------------

    def origin(self, row: int) -> Origin:
        return self.table.row_origin(row)

    def where(self, row: int) -> str:
        origin = self.origin(row)
        described = origin.describe()
        if origin.row is None and origin.line is None:
            described += f", row {row + 1}" if origin != Origin() else f"Row {row + 1}"
        return described

    def line(self, row: int) -> int:
        origin = self.origin(row)
        return origin.row or origin.line or row + 1

    # rows -----------------------------------------------------------------------------------

    def read(self) -> list[ReadRow]:
        rows: list[ReadRow] = []
        for index, cells in enumerate(self.cells):
            texts = [c.text or "" for c in cells]
            row = ReadRow(self.origin(index), "note", "", index, texts)
            self.judge(index, row)
            rows.append(row)
            if row.kind != "blank":
                self.previous_kind = row.kind
        self.action_end()
        return rows

    def action_end(self) -> None:
        """The action above is complete (the next one began, or a heading, or the table
        ended): check it and describe it with everything joined to it."""
        if self.action is not None and self.action_row is not None and self.action_read:
            self.check(self.action_row, self.action)
            self.action_read.summary = self.describe(self.action)
        self.action, self.action_row, self.action_read = None, None, None

    def judge(self, index: int, row: ReadRow) -> None:
        if self.header_first is not None and index < self.header_first:
            title = " ".join(dict.fromkeys(text_squash(t) for t in row.texts if text_squash(t)))
            row.kind = "blank" if not title else "note"
            row.summary = "Blank row" if not title else f"Title above the table: {quote(title)}"
            return
        if self.header_row is not None and self.header_first is not None:
            if index == self.header_row:
                row.kind, row.summary = "header", "Header row: " + " | ".join(self.headings)
                return
            if self.header_first <= index < self.header_row:
                row.kind, row.summary = "header", "Header row (its first line)"
                return
        nonempty = [c for c in range(self.width) if self.text(index, c)]
        if not nonempty:
            row.kind, row.summary = "blank", "Blank row"
            return
        if self.header_keys and self._repeats_header(index):
            row.kind, row.summary = "header", "The header printed again (a new page); left out"
            return
        if not self.chosen and (uses := header_again(self.texts, index)) is not None:
            # another table stacked under this one: its own headings say what its columns hold
            self.action_end()
            self.uses = uses
            self.headings = [
                text_squash(t) or h for t, h in zip(row.texts, self.headings, strict=False)
            ]
            self.header_keys.append([heading_key(t) for t in row.texts])
            row.kind, row.summary = "header", "Header row: " + " | ".join(self.headings)
            return
        heading = self._heading_text(index, nonempty)
        if heading is not None:
            self.heading(index, heading, row)
            return
        self.groups_from_columns(index, row)
        action_column = self.column(Use.ACTION)
        if self._continues(index, nonempty):
            self.continuation(index, row)
        elif action_column is not None and self.text(index, action_column):
            self.action_row_read(index, row)
        elif row.kind in ("theme", "objective"):
            pass
        elif self.action is not None:
            self.continuation(index, row)
        else:
            words = " ".join(text_squash(t) for t in row.texts if text_squash(t))
            row.kind, row.summary = "note", f"Text with no action, left out: {quote(words)}"
            self.builder.warn(
                self.line(index),
                f"{self.where(index)}: text with no action was left out: {quote(words)}.",
            )

    def _repeats_header(self, index: int) -> bool:
        # headings are short: a long cell is never one, and not worth the comparing
        keys = [heading_key(c.text) if len(c.text) <= 80 else "" for c in self.cells[index]]
        for header in self.header_keys:
            wanted = [i for i, k in enumerate(header) if k]
            same = sum(1 for i in wanted if keys[i] == header[i])
            if same >= max(2, -(-len(wanted) * 3 // 5)):
                return True
        return False

    # headings -------------------------------------------------------------------------------

    def _heading_text(self, index: int, nonempty: list[int]) -> str | None:
        cells = self.cells[index]
        distinct = list(dict.fromkeys(text_squash(cells[c].text) for c in nonempty))
        widest = max(cells[c].col_span for c in range(self.width))
        # wide enough to be a heading: the whole table, or all but one column of a wide table
        wide = widest >= (self.width - 1 if self.width >= 4 else self.width)
        if self.width >= 2:
            if cells[0].col_span >= self.width:
                return " ".join(distinct)
            copied = len(nonempty) >= 2 and len(nonempty) >= self.width - 1
            if len(distinct) == 1 and (wide or copied):
                return distinct[0]
            if len(distinct) == 2 and wide and _bare_number(distinct[0]):
                return " ".join(distinct)
        if len(nonempty) != 1:
            return None
        column = nonempty[0]
        cell = cells[column]
        text = distinct[0]
        use = self.uses[column]
        if use in (Use.THEME, Use.OBJECTIVE, Use.IGNORE):
            return None
        if cell.covered and index > 0 and self.text(index - 1, column) == cell.text.strip():
            return None  # a cell merged down: the row goes on with the action above
        if use == Use.ACTION:
            return text if self._reads_like_heading(cell, text) else None
        if column == 0 and not _bare_number(text) and not self._reads_as_value(use, text):
            return text
        return None

    @staticmethod
    def _reads_as_value(use: Use, text: str) -> bool:
        """Text alone in the first column that is that column's kind of value (a date, a
        rating, a status, an update) goes on from the row above rather than heading a group."""
        if use == Use.BY_WHEN:
            return interpret_by_when(text).kind not in ("unknown", "empty")
        if use == Use.RAG:
            return rag_read(text) is not None
        if use == Use.STATUS:
            return status_read(text) is not None or rag_named(text) is not None
        return use in (Use.UPDATE, Use.UPDATE_DATE)

    @staticmethod
    def _reads_like_heading(cell: Cell, text: str) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", text)
        shaded = cell.fill.strip().lower().lstrip("#") not in ("", "ffffff", "auto")
        return (
            cell.bold
            or shaded
            or names_a_group(text)
            or text.endswith(":")
            or (len(letters) >= 4 and letters.isupper() and len(text) <= 100)
        )

    def _level(self, text: str, look: tuple[str, bool]) -> str:
        match = GROUP_WORDS.match(text)
        if match:
            word = match[1].lower()
            if word in _OBJECTIVE_WORDS or word.startswith("sub"):
                return "objective"
            # under a theme the table was given (its heading or title row), the groups the
            # table itself shows are the level below, whatever they are called
            if self.theme_given and self.theme_look is None:
                return "objective"
            return "theme"
        number, _ = number_split(text)
        parts = number_parts(number)
        if len(parts) >= 2:
            return "objective"
        if len(parts) == 1:
            return "theme"
        if self.objective_look is not None and look == self.objective_look:
            return "objective"
        if self.theme_look is not None and look == self.theme_look:
            return "theme"
        if self.previous_kind == "theme" or (self.theme_given and self.theme_look is None):
            return "objective"
        return "theme"

    def heading(self, index: int, text: str, row: ReadRow) -> None:
        cells = self.cells[index]
        first = next(c for c in cells if (c.text or "").strip())
        look = (first.fill.lower(), first.bold)
        level = self._level(text, look)
        self.action_end()
        if level == "objective":
            self.objective_look = self.objective_look or look
            group: ParsedTheme | ParsedObjective = self.builder.objective_start(
                text, line=self.line(index), origin="row"
            )
            row.kind, row.summary = "objective", f"Objective {quote(text, 80)}"
        else:
            self.theme_look = self.theme_look or look
            group = self.builder.theme_start(text, origin="row")
            row.kind, row.summary = "theme", f"Theme {quote(text, 80)}"
        self.builder.heading_rows.append((row, group))

    def groups_from_columns(self, index: int, row: ReadRow) -> None:
        """A theme or objective column: a new value begins a new group; a blank carries the one
        above (cells merged down repeat their text, so they carry too)."""
        theme_column = self.column(Use.THEME)
        theme = text_squash(self.text(index, theme_column))
        if theme and theme != self.theme_value:
            self.theme_value = theme
            if number_parts(theme):  # a "Priority" column holding 1, 2, 3
                theme = f"{self._label(theme_column)} {theme}"
            self.objective_value = ""
            group: ParsedTheme | ParsedObjective = self.builder.theme_start(theme, origin="column")
            row.kind, row.summary = "theme", f"Theme {quote(theme, 80)}"
            self.builder.heading_rows.append((row, group))
            self.action_end()
        objective_column = self.column(Use.OBJECTIVE)
        objective = text_squash(self.text(index, objective_column))
        if objective and objective != self.objective_value:
            self.objective_value = objective
            if number_parts(objective):
                objective = f"{self._label(objective_column)} {objective}"
            group = self.builder.objective_start(objective, line=self.line(index), origin="column")
            if row.kind != "theme":
                row.kind, row.summary = "objective", f"Objective {quote(objective, 80)}"
                self.builder.heading_rows.append((row, group))
            self.action_end()

    # actions --------------------------------------------------------------------------------

    def _continues(self, index: int, nonempty: list[int]) -> bool:
        """The row goes on with the action above: its action cell is merged down from it, or
        a page break split the row (no number at the top of a page where the table numbers
        its actions, or text going on in lower case)."""
        if self.action is None or self.action_row is None:
            return False
        action_column = self.column(Use.ACTION)
        if action_column is None:
            return False
        cell = self.cells[index][action_column]
        text = self.text(index, action_column)
        if not text:
            return False
        if cell.covered and self.text(index - 1, action_column) == text:
            return True
        number_column = self.column(Use.NUMBER)
        numbered = number_column is not None and self.text(self.action_row, number_column)
        no_number = number_column is None or not self.text(index, number_column)
        new_page = (
            self.origin(index).page is not None
            and self.origin(index - 1).page is not None
            and self.origin(index).page != self.origin(index - 1).page
        )
        if number_split(text)[0] is not None or not no_number:
            return False
        # a table that numbers its actions: an unnumbered row at the top of a page goes on
        if new_page and numbered:
            return True
        # otherwise only text going on in lower case, where a page or the numbering says so
        return text[:1].islower() and (new_page or bool(numbered))

    def continuation(self, index: int, row: ReadRow) -> None:
        assert self.action is not None
        action = self.action
        merged_down = False
        action_column = self.column(Use.ACTION)
        if action_column is not None and (text := self.text(index, action_column)):
            cell = self.cells[index][action_column]
            merged_down = cell.covered and self.text(index - 1, action_column) == text
            if not merged_down:
                head, items = action_split(text, wrapped=self.wrapped)
                if action.sub_items and head:
                    action.sub_items[-1] += " " + head
                elif head:
                    action.text += " " + head
                action.sub_items.extend(items)
        self.fill_fields(index, action, joining="merged" if merged_down else "split")
        how = "a cell merged down" if merged_down else "row split over a page"
        row.kind, row.summary = "continuation", f"Joined to the action above ({how})"

    def action_row_read(self, index: int, row: ReadRow) -> None:
        action_column = self.column(Use.ACTION)
        raw = self.text(index, action_column)
        number = text_squash(self.text(index, self.column(Use.NUMBER)))
        printed, rest = number_split(raw)
        if not number and printed:
            number, raw = printed, rest
        elif printed and number.rstrip(".)") == printed:
            raw = rest
        text, sub_items = action_split(raw, wrapped=self.wrapped)
        if not text:
            row.kind, row.summary = "note", f"Action number {quote(number)} with no action text"
            return
        action = ParsedAction(number="", text=text, sub_items=sub_items, line=self.line(index))
        if len(number) > MAX_LENGTHS["number"]:
            action.details[self._label(self.column(Use.NUMBER))] = number
            number = ""
        action.number = number
        parts = number_parts(number)
        theme_key = parts[:1] if len(parts) >= 3 else None
        objective_key = parts[:2] if len(parts) >= 3 else parts[:1] if len(parts) == 2 else None
        self.action_end()
        # added first, so an unnumbered action has its number before any warning names it
        self.builder.action_add(action, theme_key=theme_key, objective_key=objective_key)
        self.fill_fields(index, action, joining="")
        self.action, self.action_row, self.action_read = action, index, row
        self.action_count += 1
        row.kind, row.summary = "action", self.describe(action)

    def _label(self, column: int | None) -> str:
        if column is None:
            return "Detail"
        return self.headings[column] if column < len(self.headings) else f"Column {column + 1}"

    def fill_fields(self, index: int, action: ParsedAction, *, joining: str) -> None:
        """Every column but the action's, into the action. ``joining`` is "split" for a row a
        page break split off (its cells go on from the ones above), "merged" for a row under an
        action cell merged down (its cells are further entries), "" for a new action."""
        for lead in leads_split(self.text(index, self.column(Use.LEAD))):
            if lead not in action.leads:
                action.leads.append(lead)
        self._by_when(index, action, joining=joining)
        self._method(index, action, joining=joining)
        self._status_and_rag(index, action, joining=joining)
        self._updates(index, action, joining=joining)
        for column, use in enumerate(self.uses):
            if use != Use.DETAIL or not (value := self.text(index, column)):
                continue
            label = self._unique_label(action, column)
            if joining and label in action.details:
                action.details[label] += "\n" + value
            else:
                action.details[label] = value

    def _unique_label(self, action: ParsedAction, column: int) -> str:
        label = self._label(column)
        same = [c for c, h in enumerate(self.headings) if h == label and c < column]
        return f"{label} ({len(same) + 1})" if same else label

    def _by_when(self, index: int, action: ParsedAction, *, joining: str) -> None:
        column = self.column(Use.BY_WHEN)
        # a spreadsheet's date cell as some readers write it: the time of midnight says nothing
        written = _MIDNIGHT.sub("", text_squash(self.text(index, column)))
        if not written:
            return
        if joining == "merged" and action.due_text:
            label = self._label(column)
            action.details[label] = action.details.get(label, action.due_text) + "\n" + written
            return
        if joining and action.due_text:
            written = f"{action.due_text} {written}"
        if len(written) > MAX_LENGTHS["due_text"]:
            action.details[self._label(column)] = written
        action.due_text = clip(written, MAX_LENGTHS["due_text"])
        read = interpret_by_when(written)
        action.due_date = read.due_date
        if read.status and action.status is None:
            action.status = read.status

    def _method(self, index: int, action: ParsedAction, *, joining: str) -> None:
        column = self.column(Use.METHOD)
        written = text_squash(self.text(index, column))
        if not written:
            return
        if joining and action.method:
            written = f"{action.method} {written}"
        if len(written) > MAX_LENGTHS["method"]:
            action.details[self._label(column)] = written
            written = clip(written, MAX_LENGTHS["method"])
        action.method = written

    def _status_and_rag(self, index: int, action: ParsedAction, *, joining: str) -> None:
        status_column = self.column(Use.STATUS)
        rag_column = self.column(Use.RAG)
        status_text = text_squash(self.text(index, status_column))
        rag_text = text_squash(self.text(index, rag_column))
        status_text = "" if says_nothing(status_text) else status_text
        rag_text = "" if says_nothing(rag_text) else rag_text
        status = status_read(status_text) if status_text else None
        rating: RagWord | None = None
        if rag_column is not None:
            rating = rag_read(rag_text) if rag_text else None
            if rating is None:
                rating = rag_from_fill(self.cells[index][rag_column].fill)
            if rag_text and rag_read(rag_text) is None:
                action.details[self._label(rag_column)] = rag_text
                self.builder.warn(
                    action.line,
                    f"{self.where(index)}: the RAG rating {quote(rag_text)} of action "
                    f"{action.number} was not recognised.",
                )
        if rating is None and status_text:
            rating = rag_named(status_text)
        if rating is None and rag_column is None:
            for column in (status_column, self.column(Use.ACTION), self.column(Use.NUMBER)):
                if column is not None and self.fills_mean_rag.get(column):
                    rating = rag_from_fill(self.cells[index][column].fill)
                    if rating is not None:
                        break
        if status_text and status is None and rag_named(status_text) is None:
            action.details[self._label(status_column)] = status_text
            self.builder.warn(
                action.line,
                f"{self.where(index)}: the status {quote(status_text)} was not recognised; "
                "it is kept as a detail.",
            )
        if rating is not None and not (joining and action.rag):
            action.rag = rating.code
        # A status column says most; then a Blue of a BRAG scheme (complete); the by-when's
        # state ("Completed", "Ongoing") was taken already and stays if neither speaks.
        if status is not None:
            action.status = status
        elif rating == BLUE and action.rag == BLUE.code:
            action.status = "completed"

    def _updates(self, index: int, action: ParsedAction, *, joining: str) -> None:
        update_columns = self.columns(Use.UPDATE)
        date_columns = self.columns(Use.UPDATE_DATE)
        for column in update_columns:
            text = self.text(index, column)
            if not text:
                continue
            paired = self._date_column_for(column, update_columns, date_columns)
            column_date = date_read(self.text(index, paired)) if paired is not None else None
            if (
                joining == "split"
                and action.updates
                and not any(when for when, _ in updates_split(text))
            ):
                action.updates[-1].text += " " + text_squash(text)
                continue
            for when, words in updates_split(text):
                action.updates.append(
                    ParsedUpdate(text=words, line=self.line(index), date=when or column_date)
                )

    @staticmethod
    def _date_column_for(
        column: int, update_columns: list[int], date_columns: list[int]
    ) -> int | None:
        """The update-date column beside an update column, or the only one there is."""
        for neighbour in (column - 1, column + 1):
            if neighbour in date_columns:
                return neighbour
        if len(date_columns) == 1 and len(update_columns) == 1:
            return date_columns[0]
        return None

    # checks and words -----------------------------------------------------------------------

    def check(self, index: int, action: ParsedAction) -> None:
        name = f"action {action.number}" if action.number else f"action {quote(action.text, 40)}"
        if not action.leads and self.column(Use.LEAD) is not None:
            self.builder.warn(action.line, f"{self.where(index)}: {name} has no lead.")
        if action.due_text and interpret_by_when(action.due_text).kind == "unknown":
            self.builder.warn(
                action.line,
                f"{self.where(index)}: the by-when {quote(action.due_text)} of {name} could "
                "not be read as a date; it is kept as written.",
            )

    def describe(self, action: ParsedAction) -> str:
        parts = [f"Action {action.number} {quote(action.text)}"]
        if action.leads:
            parts.append(
                ("lead " if len(action.leads) == 1 else "leads ") + ", ".join(action.leads)
            )
        elif self.column(Use.LEAD) is not None:
            parts.append("no lead")
        if action.due_text:
            parts.append(f"by {action.due_text}")
        if action.status:
            parts.append(_STATUS_LABELS.get(action.status, action.status))
        if action.rag:
            word = next((w.word for w in RAG_WORDS if w.code == action.rag), action.rag)
            parts.append(word)
        if action.sub_items:
            count = len(action.sub_items)
            parts.append(f"{count} sub-item" + ("s" if count != 1 else ""))
        if action.updates:
            count = len(action.updates)
            parts.append(f"{count} update" + ("s" if count != 1 else ""))
        return " – ".join(parts[:2]) + (", " + ", ".join(parts[2:]) if parts[2:] else "")
