"""One action row of a DHR action plan: lead agencies, target date, completion and outcome.

"Date of completion and Outcome" mostly holds the outcome hoped for, sometimes ending in a
date ("… NICE Guidance April14"); that date is kept as the completion, the rest as the
outcome. An action is marked completed only when the column says so and nothing more: an
outcome that begins "Completed and disseminated countywide strategy …" describes the aim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from apps.importers.domain.parsed import ImportWarning, ParsedAction
from apps.importers.domain.parsers.norfolk_text import (
    DATE_TOKEN,
    dates_in,
    is_only_dates,
    join_text,
    read_leads,
    starts_lower,
)
from apps.importers.domain.tagging import detect_tags
from apps.plans.domain.by_when import interpret_by_when

_TRAILING_DATE = re.compile(rf"\s*({DATE_TOKEN.pattern})\s*$", re.I)
_COMPLETED = re.compile(r"^(?:completed?|done)\b[\s:–-]*", re.I)
_STARTS_ONLY = re.compile(r"^(?:from|comme\s*ncing)\b", re.I)
_MAX_DUE_TEXT = 100


@dataclass
class DhrRow:
    line: int
    action: str = ""
    lead: str = ""
    milestones: str = ""
    target: str = ""
    completion: str = ""

    def _cells(self) -> list[str]:
        return [f.name for f in fields(self) if f.name != "line"]

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self._cells())

    def join(self, other: DhrRow) -> None:
        for name in self._cells():
            setattr(self, name, join_text(getattr(self, name), getattr(other, name)))

    def take_continued(self, below: DhrRow) -> bool:
        """Take the cells of the row below that carry on a sentence of this row."""
        taken = False
        for name in self._cells():
            text = getattr(below, name)
            if name != "action" and text and getattr(self, name) and starts_lower(text):
                setattr(self, name, join_text(getattr(self, name), text))
                setattr(below, name, "")
                taken = True
        return taken


def _completion(text: str) -> tuple[str, str]:
    """The completion date (or state) and the outcome, from the last column."""
    if is_only_dates(text):
        return text, ""
    if match := _TRAILING_DATE.search(text):
        return match[1], text[: match.start()].strip()
    return "", text


def row_action(row: DhrRow, number: int, scope: str, warnings: list[ImportWarning]) -> ParsedAction:
    lead, milestones = row.lead, row.milestones
    if lead and is_only_dates(lead):
        warnings.append(
            ImportWarning(
                row.line,
                f"The Lead Agency column holds the date “{lead}”; it was kept with the "
                "milestones and this action has no lead.",
            )
        )
        lead, milestones = "", join_text(f"{lead}:", milestones)
    text = row.action
    if not text:
        text = "Action not stated in the document"
        warnings.append(ImportWarning(row.line, "A row has no action to be taken; check it."))
    completion, outcome = _completion(row.completion)
    action = ParsedAction(
        number=f"{number})",
        text=text,
        leads=read_leads(lead, row.line, warnings) if lead else [],
        line=row.line,
        tags=detect_tags(text),
    )
    labelled = (
        ("Scope", scope),
        ("Milestones", milestones),
        ("Completion", completion),
        ("Outcome", outcome),
    )
    action.details = {label: value for label, value in labelled if value}
    _set_target(action, row, warnings)
    _set_status(action, row, completion, outcome, warnings)
    return action


def _set_target(action: ParsedAction, row: DhrRow, warnings: list[ImportWarning]) -> None:
    if not row.target:
        return
    action.due_text = row.target[:_MAX_DUE_TEXT]
    if _STARTS_ONLY.search(row.target):
        action.status = "ongoing"
        warnings.append(
            ImportWarning(
                row.line,
                f"The target date “{row.target}” says when the action starts, not when it is "
                "due; it has no due date and is marked on-going.",
            )
        )
        return
    found = dates_in(row.target)
    action.due_date = interpret_by_when(row.target).due_date or max(found, default=None)
    if action.due_date is None:
        warnings.append(
            ImportWarning(
                row.line,
                f"The target date “{row.target}” names no date; it was kept as written.",
            )
        )
    elif len(found) > 1:
        warnings.append(
            ImportWarning(
                row.line,
                f"The target date “{row.target}” gives {len(found)} dates; the action is due "
                "by the latest.",
            )
        )


def _set_status(
    action: ParsedAction,
    row: DhrRow,
    completion: str,
    outcome: str,
    warnings: list[ImportWarning],
) -> None:
    said = _COMPLETED.match(outcome)
    rest = outcome[said.end() :].strip() if said else ""
    if said and (not rest or interpret_by_when(rest).kind in ("date", "period")):
        action.status = "completed"
    elif said:
        warnings.append(
            ImportWarning(
                row.line,
                f"The outcome begins “{outcome[:40]}…”, which describes the aim rather than "
                "saying the action is complete; it was not marked completed.",
            )
        )
    elif completion and _COMPLETED.match(completion):
        action.status = "completed"
