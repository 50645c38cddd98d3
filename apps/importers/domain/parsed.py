"""The shape every plan parser returns: plain data, independent of the database.

Parsers turn a document into a ``ParsedPlan``; the importer service then saves it in one
transaction. Keeping the two apart lets ``--json`` and the upload preview show exactly what
would be created without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


class ImportFormatError(Exception):
    """The file is not a delivery plan we can read. The message is shown to a council officer."""


@dataclass
class ImportWarning:
    line: int
    message: str


@dataclass
class ParsedUpdate:
    text: str
    line: int = 0
    date: date | None = None


@dataclass
class ParsedAction:
    number: str
    text: str
    method: str | None = None
    sub_items: list[str] = field(default_factory=list)
    due_text: str | None = None
    due_date: date | None = None
    # one of "not_started", "ongoing", "completed", "on_hold" or None
    status: str | None = None
    leads: list[str] = field(default_factory=list)
    updates: list[ParsedUpdate] = field(default_factory=list)
    rag: str | None = None
    tags: list[str] = field(default_factory=list)
    line: int = 0
    # Columns a layout prints that have no field of their own, label → text, in printed order
    # (Norfolk's "Performance measure(s)", "Target"; a DHR plan's "Scope", "Milestones" …).
    details: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedObjective:
    number: int
    title: str
    actions: list[ParsedAction] = field(default_factory=list)
    line: int = 0


@dataclass
class ParsedTheme:
    title: str
    statement: str = ""
    objectives: list[ParsedObjective] = field(default_factory=list)


@dataclass
class ParsedRating:
    code: str
    label: str
    definition: str = ""
    colour: str = ""


@dataclass
class ParsedPlan:
    title: str
    themes: list[ParsedTheme] = field(default_factory=list)
    rag_scheme: list[ParsedRating] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    # free text the document prints before the tables (introduction, strategic themes)
    introduction: str = ""
    period_label: str = ""
    # the name of the layout the parser read (see ``apps.importers.domain.documents.LAYOUTS``)
    layout: str = ""
    # the document's own glossary, abbreviation → full name ("BDC" → "Bolsover District
    # Council"), so its leads resolve as the document means them (``glossary_agencies``)
    agencies: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape promised in the README (extra keys allowed)."""
        return {
            "layout": self.layout,
            "title": self.title,
            "period_label": self.period_label,
            "themes": [
                {
                    "title": theme.title,
                    "statement": theme.statement,
                    "objectives": [
                        {
                            "number": objective.number,
                            "title": objective.title,
                            "line": objective.line,
                            "actions": [_action_json(action) for action in objective.actions],
                        }
                        for objective in theme.objectives
                    ],
                }
                for theme in self.themes
            ],
            "rag_scheme": [
                {
                    "code": rating.code,
                    "label": rating.label,
                    "definition": rating.definition,
                    "colour": rating.colour,
                }
                for rating in self.rag_scheme
            ],
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
        }

    @property
    def action_count(self) -> int:
        return sum(len(o.actions) for t in self.themes for o in t.objectives)


def _action_json(action: ParsedAction) -> dict[str, Any]:
    return {
        "number": action.number,
        "method": action.method,
        "text": action.text,
        "sub_items": action.sub_items,
        "due_text": action.due_text,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
        "leads": action.leads,
        "rag": action.rag,
        "tags": action.tags,
        "line": action.line,
        "details": action.details,
        "updates": [
            {"text": u.text, "line": u.line, "date": u.date.isoformat() if u.date else None}
            for u in action.updates
        ],
    }
