"""Reading a plan table's rows: each row judged as an action, a theme or objective heading, a
continuation of the action above, a repeated header, a blank or a note, and built into the plan.

Full-width rows. A row whose one text spans the table (merged, or copied into every column
when a reader lost the merge) is a heading; so is a row with one text in the first column when
that column is not the action's, or in the action column when it reads like a heading (bold,
"Priority 2: …", ending in a colon, or in capitals). Which level: words or numbering decide
("Objective 2", "Aim", "1.2 …" are objectives; "Theme", "Priority", "1 …" are themes);
otherwise a heading that looks like (same fill and boldness) an earlier objective heading is
an objective, one that looks like an earlier theme heading is a theme, and a heading straight
under a theme heading, with no actions between, is an objective. Anything else is a theme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from apps.core.rag import BLUE, RAG_DEFAULT_SCHEME, RAG_WORDS, RagWord
from apps.core.text import text_squash
from apps.importers.domain.parsed import (
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedRating,
    ParsedTheme,
    ParsedUpdate,
)
from apps.importers.domain.source import Cell, Origin, Table
from apps.importers.domain.tables.headings import Use, heading_key
from apps.importers.domain.tables.plan_cells import (
    action_split,
    date_read,
    leads_split,
    number_parts,
    number_split,
    rag_from_fill,
    rag_named,
    rag_read,
    status_read,
    updates_split,
)
from apps.plans.domain.by_when import interpret_by_when

GROUP_WORDS = re.compile(
    r"^\W*(?:strategic\s+|key\s+|csp\s+)?(theme|priority|priorities|strand|workstream|"
    r"work\s+stream|outcome|area\s+of\s+focus|section|objective|obj|aim|goal|sub[\s-]?priority)"
    r"\b",
    re.I,
)
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
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$)",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?:;)]$")
_STATUS_LABELS = {
    "not_started": "Not started",
    "ongoing": "On-going",
    "completed": "Completed",
    "on_hold": "On hold",
}
_MAX = {"number": 20, "due_text": 100, "method": 100, "theme": 200}


@dataclass
class ReadRow:
    origin: Origin  # where the row is (sheet/row, page, table/row)
    # "action", "theme", "objective", "continuation", "header", "blank", "note"
    kind: str
    summary: str  # the judged line, in words
    index: int = 0  # index into the table's rows
    texts: list[str] = field(default_factory=list)  # the row's cell texts, as printed


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote(text: str, limit: int = 60) -> str:
    return f"‘{_clip(text, limit)}’"


class PlanBuilder:
    """The plan as it grows: the current theme and objective, and the ratings seen."""

    def __init__(self, plan: ParsedPlan, *, fallback_theme: str) -> None:
        self.plan = plan
        self.fallback_theme = _clip(fallback_theme or plan.title or "Plan", _MAX["theme"])
        self.theme: ParsedTheme | None = None
        self.theme_origin = ""
        self.objective: ParsedObjective | None = None
        self.objective_origin = ""
        self.objectives_made = 0
        self.ratings: set[str] = set()
        # a theme or objective began since the last action, so numbering must not begin another
        self.theme_fresh = False
        self.objective_fresh = False
        self.last_theme_key: tuple[int, ...] | None = None
        self.last_objective_key: tuple[int, ...] | None = None
        # headings rows pointing at their group, so groups left empty become notes
        self.heading_rows: list[tuple[ReadRow, ParsedTheme | ParsedObjective]] = []

    def warn(self, line: int, message: str) -> None:
        self.plan.warnings.append(ImportWarning(line, message))

    def theme_start(self, title: str, *, statement: str = "", origin: str) -> ParsedTheme:
        title = _clip(text_squash(title), _MAX["theme"]) or self.fallback_theme
        if origin == "column":
            for theme in self.plan.themes:
                if theme.title == title:
                    self._enter(theme, origin)
                    return theme
        theme = ParsedTheme(title=title, statement=statement)
        self.plan.themes.append(theme)
        self._enter(theme, origin)
        return theme

    def _enter(self, theme: ParsedTheme, origin: str) -> None:
        self.theme, self.theme_origin = theme, origin
        self.objective = theme.objectives[-1] if theme.objectives else None
        self.objective_origin = "column" if self.objective is not None else ""
        self.theme_fresh = True
        # back in a theme met before: its last objective goes on until something starts another
        self.objective_fresh = self.objective is not None
        self.last_objective_key = None

    def objective_start(self, title: str, *, line: int, origin: str) -> ParsedObjective:
        theme = self.theme or self.theme_start(self.fallback_theme, origin="default")
        title = text_squash(title)
        if origin == "column":
            for objective in theme.objectives:
                if objective.title == title:
                    self.objective, self.objective_origin = objective, origin
                    self.objective_fresh = True
                    return objective
        self.objectives_made += 1
        objective = ParsedObjective(number=self.objectives_made, title=title, line=line)
        theme.objectives.append(objective)
        self.objective, self.objective_origin = objective, origin
        self.objective_fresh = True
        return objective

    def action_add(
        self,
        action: ParsedAction,
        *,
        theme_key: tuple[int, ...] | None,
        objective_key: tuple[int, ...] | None,
    ) -> None:
        """Add an action, starting the theme or objective its number implies when nothing the
        document printed has started one since the last action."""
        if (
            theme_key
            and not self.theme_fresh
            and (
                self.theme is None
                or (self.theme_origin in ("default", "number") and theme_key != self.last_theme_key)
            )
        ):
            self.theme_start(f"Theme {'.'.join(map(str, theme_key))}", origin="number")
        if self.theme is None:
            self.theme_start(self.fallback_theme, origin="default")
        if (
            objective_key
            and not self.objective_fresh
            and (self.objective is None or objective_key != self.last_objective_key)
        ):
            self.objective_start("", line=action.line, origin="number")
        if self.objective is None:
            self.objective_start("", line=action.line, origin="default")
        assert self.objective is not None
        if not action.number:
            action.number = str(len(self.objective.actions) + 1)
        self.objective.actions.append(action)
        if action.rag:
            self.ratings.add(action.rag)
        self.theme_fresh = self.objective_fresh = False
        self.last_theme_key = theme_key or self.last_theme_key
        self.last_objective_key = objective_key or self.last_objective_key

    def finish(self) -> None:
        """Drop themes and objectives no action came under, number the objectives 1 to n
        across the plan, and set the RAG scheme: Red, Amber and Green always, and Blue and
        White when the plan uses them, so the partnership's own scheme is created."""
        kept: set[int] = set()
        for theme in self.plan.themes:
            theme.objectives = [o for o in theme.objectives if o.actions]
            kept.update(id(o) for o in theme.objectives)
        self.plan.themes = [t for t in self.plan.themes if t.objectives]
        kept.update(id(t) for t in self.plan.themes)
        for row, group in self.heading_rows:
            if id(group) not in kept:
                row.kind = "note"
                row.summary += " – no actions under it, so it was left out"
        number = 0
        for theme in self.plan.themes:
            for objective in theme.objectives:
                number += 1
                objective.number = number
        scheme: list[RagWord] = list(RAG_DEFAULT_SCHEME)
        scheme += [w for w in RAG_WORDS if w.code in self.ratings and w not in scheme]
        self.plan.rag_scheme = [
            ParsedRating(code=w.code, label=w.word, colour=w.colour) for w in scheme
        ]


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
        wrapped: bool,
        title_rows: Sequence[str] = (),
    ) -> None:
        self.builder = builder
        self.table = table
        self.uses = list(uses)
        self.header_row = header_row
        self.headings = list(headings)
        self.wrapped = wrapped
        self.title_rows = list(title_rows)
        self.width = table.width
        self.cells = [row + [Cell()] * (self.width - len(row)) for row in table.rows]
        self.action_count = 0
        self.action: ParsedAction | None = None
        self.action_row: int | None = None
        self.action_read: ReadRow | None = None  # the action's row, re-described as rows join it
        self.previous_kind = ""
        self.theme_look: tuple[str, bool] | None = None
        self.objective_look: tuple[str, bool] | None = None
        self.theme_value = ""
        self.objective_value = ""
        self.header_keys = (
            [heading_key(c.text) for c in self.cells[header_row]] if header_row is not None else []
        )
        self.fills_mean_rag = {column: self._fills_vary(column) for column in range(self.width)}

    # columns -------------------------------------------------------------------------------

    def column(self, use: Use) -> int | None:
        return self.uses.index(use) if use in self.uses else None

    def columns(self, use: Use) -> list[int]:
        return [i for i, u in enumerate(self.uses) if u == use]

    def text(self, row: int, column: int | None) -> str:
        if column is None:
            return ""
        return (self.cells[row][column].text or "").strip()

    def _fills_vary(self, column: int) -> bool:
        """A column's fills are ratings only when they differ between rows: one colour down
        the whole column is decoration."""
        start = 0 if self.header_row is None else self.header_row + 1
        fills = {
            rag_from_fill(row[column].fill)
            for row in self.cells[start:]
            if any((c.text or "").strip() for c in row)
        }
        return len(fills) > 1

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
        if self.header_row is not None and index < self.header_row:
            title = " ".join(dict.fromkeys(text_squash(t) for t in row.texts if text_squash(t)))
            row.kind = "blank" if not title else "note"
            row.summary = "Blank row" if not title else f"Title above the table: {_quote(title)}"
            return
        if index == self.header_row:
            row.kind, row.summary = "header", "Header row: " + " | ".join(self.headings)
            return
        nonempty = [c for c in range(self.width) if self.text(index, c)]
        if not nonempty:
            row.kind, row.summary = "blank", "Blank row"
            return
        if self.header_keys and self._repeats_header(index):
            row.kind, row.summary = "header", "The header printed again (a new page); left out"
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
            row.kind, row.summary = "note", f"Text with no action, left out: {_quote(words)}"
            self.builder.warn(
                self.line(index),
                f"{self.where(index)}: text with no action was left out: {_quote(words)}.",
            )

    def _repeats_header(self, index: int) -> bool:
        keys = [heading_key(c.text) for c in self.cells[index]]
        wanted = [i for i, k in enumerate(self.header_keys) if k]
        same = sum(1 for i in wanted if keys[i] == self.header_keys[i])
        return same >= max(2, -(-len(wanted) * 3 // 5))

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
        if column == 0 and not _bare_number(text) and use != Use.UPDATE:
            return text
        return None

    @staticmethod
    def _reads_like_heading(cell: Cell, text: str) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", text)
        return (
            cell.bold
            or GROUP_WORDS.match(text) is not None
            or text.endswith(":")
            or (len(letters) >= 4 and letters.isupper() and len(text) <= 100)
        )

    def _level(self, text: str, look: tuple[str, bool]) -> str:
        match = GROUP_WORDS.match(text)
        if match:
            word = match[1].lower()
            return "objective" if word in _OBJECTIVE_WORDS or word.startswith("sub") else "theme"
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
        if self.previous_kind == "theme":
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
            row.kind, row.summary = "objective", f"Objective {_quote(text, 80)}"
        else:
            self.theme_look = self.theme_look or look
            group = self.builder.theme_start(text, origin="row")
            row.kind, row.summary = "theme", f"Theme {_quote(text, 80)}"
        self.builder.heading_rows.append((row, group))

    def groups_from_columns(self, index: int, row: ReadRow) -> None:
        """A theme or objective column: a new value begins a new group; a blank carries the one
        above (cells merged down repeat their text, so they carry too)."""
        theme = text_squash(self.text(index, self.column(Use.THEME)))
        if theme and theme != self.theme_value:
            self.theme_value = theme
            self.objective_value = ""
            group: ParsedTheme | ParsedObjective = self.builder.theme_start(theme, origin="column")
            row.kind, row.summary = "theme", f"Theme {_quote(theme, 80)}"
            self.builder.heading_rows.append((row, group))
            self.action_end()
        objective = text_squash(self.text(index, self.column(Use.OBJECTIVE)))
        if objective and objective != self.objective_value:
            self.objective_value = objective
            group = self.builder.objective_start(objective, line=self.line(index), origin="column")
            if row.kind != "theme":
                row.kind, row.summary = "objective", f"Objective {_quote(objective, 80)}"
                self.builder.heading_rows.append((row, group))
            self.action_end()

    # actions --------------------------------------------------------------------------------

    def _continues(self, index: int, nonempty: list[int]) -> bool:
        """The row goes on with the action above: its action cell is merged down from it, or
        a page break split the row (no number where the table numbers its actions, and the
        text goes on mid-sentence)."""
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
        mid_sentence = text[:1].islower() or not _ENDS_SENTENCE.search(self.action.text)
        if new_page and no_number and (numbered or mid_sentence) and number_split(text)[0] is None:
            return True
        return no_number and text[:1].islower() and bool(numbered) and number_split(text)[0] is None

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
            row.kind, row.summary = "note", f"Action number {_quote(number)} with no action text"
            return
        action = ParsedAction(number="", text=text, sub_items=sub_items, line=self.line(index))
        if len(number) > _MAX["number"]:
            action.details[self._label(self.column(Use.NUMBER))] = number
            number = ""
        action.number = number
        parts = number_parts(number)
        theme_key = parts[:1] if len(parts) >= 3 else None
        objective_key = parts[:2] if len(parts) >= 3 else parts[:1] if len(parts) == 2 else None
        self.fill_fields(index, action, joining="")
        self.action_end()
        self.builder.action_add(action, theme_key=theme_key, objective_key=objective_key)
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
        written = text_squash(self.text(index, column))
        if not written:
            return
        if joining == "merged" and action.due_text:
            label = self._label(column)
            action.details[label] = action.details.get(label, action.due_text) + "\n" + written
            return
        if joining and action.due_text:
            written = f"{action.due_text} {written}"
        if len(written) > _MAX["due_text"]:
            action.details[self._label(column)] = written
        action.due_text = _clip(written, _MAX["due_text"])
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
        if len(written) > _MAX["method"]:
            action.details[self._label(column)] = written
            written = _clip(written, _MAX["method"])
        action.method = written

    def _status_and_rag(self, index: int, action: ParsedAction, *, joining: str) -> None:
        status_column = self.column(Use.STATUS)
        rag_column = self.column(Use.RAG)
        status_text = text_squash(self.text(index, status_column))
        rag_text = text_squash(self.text(index, rag_column))
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
                    f"{self.where(index)}: the RAG rating {_quote(rag_text)} of action "
                    f"{action.number or text_squash(action.text)[:30]} was not recognised.",
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
                f"{self.where(index)}: the status {_quote(status_text)} was not recognised; "
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
        name = f"action {action.number}" if action.number else f"action {_quote(action.text, 40)}"
        if not action.leads and self.column(Use.LEAD) is not None:
            self.builder.warn(action.line, f"{self.where(index)}: {name} has no lead.")
        if action.due_text and interpret_by_when(action.due_text).kind == "unknown":
            self.builder.warn(
                action.line,
                f"{self.where(index)}: the by-when {_quote(action.due_text)} of {name} could "
                "not be read as a date; it is kept as written.",
            )

    def describe(self, action: ParsedAction) -> str:
        parts = [f"Action {action.number} {_quote(action.text)}"]
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
