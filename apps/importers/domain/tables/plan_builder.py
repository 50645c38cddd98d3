"""The plan as a table reader builds it: the current theme and objective, the objectives
numbered 1 to n across the plan, groups left empty dropped, and the RAG scheme the plan uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apps.core.rag import RAG_DEFAULT_SCHEME, RAG_WORDS, RagWord
from apps.core.text import text_squash
from apps.importers.domain.parsed import (
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedRating,
    ParsedTheme,
)
from apps.importers.domain.source import Origin

# "Objective 1.2: " before an objective's title: the plan numbers its objectives itself
_OBJECTIVE_LABEL = re.compile(
    r"^(?:objective|obj\.?)(?:\s*\d+(?:\.\d+)*\s*[:.\-–—)]?|\s*[:\-–—])\s+(?=\S)", re.I
)
MAX_LENGTHS = {"number": 20, "due_text": 100, "method": 100, "theme": 200}


@dataclass
class ReadRow:
    origin: Origin  # where the row is (sheet/row, page, table/row)
    # "action", "theme", "objective", "continuation", "header", "blank", "note"
    kind: str
    summary: str  # the judged line, in words
    index: int = 0  # index into the table's rows
    texts: list[str] = field(default_factory=list)  # the row's cell texts, as printed


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int = 60) -> str:
    return f"‘{clip(text, limit)}’"


class PlanBuilder:
    """The plan as it grows, table after table: the current theme and objective."""

    def __init__(self, plan: ParsedPlan, *, fallback_theme: str) -> None:
        self.plan = plan
        self.fallback_theme = clip(fallback_theme or plan.title or "Plan", MAX_LENGTHS["theme"])
        self.theme: ParsedTheme | None = None
        self.theme_origin = ""
        self.objective: ParsedObjective | None = None
        self.objective_origin = ""
        self.objectives_made = 0
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
        title = text_squash(title)
        if len(title) > MAX_LENGTHS["theme"]:
            # a theme cell holding a whole outcome statement: its first sentence names it
            statement = statement or title
            title = re.split(r"(?<=[.:;])\s", title, maxsplit=1)[0]
        title = clip(title, MAX_LENGTHS["theme"]) or self.fallback_theme
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
        title = _OBJECTIVE_LABEL.sub("", text_squash(title))
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
            and not self.objective_fresh
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
            if id(group) not in kept and row.kind in ("theme", "objective"):
                row.kind = "note"
                row.summary += " – no actions under it, so it was left out"
        number = 0
        for theme in self.plan.themes:
            for objective in theme.objectives:
                number += 1
                objective.number = number
        used = {a.rag for t in self.plan.themes for o in t.objectives for a in o.actions}
        scheme: list[RagWord] = list(RAG_DEFAULT_SCHEME)
        scheme += [w for w in RAG_WORDS if w.code in used and w not in scheme]
        self.plan.rag_scheme = [
            ParsedRating(code=w.code, label=w.word, colour=w.colour) for w in scheme
        ]
