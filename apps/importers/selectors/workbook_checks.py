"""Checking a workbook's rows against a plan and working out what each row would change.

Nothing here writes: ``workbook_changes`` returns the changes for the preview, or every problem
found, so the import can refuse a workbook as a whole before anything is applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from apps.core.rag import RAG_DEFAULT_SCHEME
from apps.core.text import label_key
from apps.importers.domain.workbook.cells import clean_text, split_text_cell, text_cell
from apps.importers.domain.workbook.layout import COLUMN, Column
from apps.importers.domain.workbook.reading import (
    Problem,
    SheetRow,
    WorkbookInvalid,
    as_date,
    as_text,
    as_whole_number,
    cell_problem,
    read_action_rows,
)
from apps.importers.domain.workbook.structure import structure_problems
from apps.importers.selectors.workbook_rows import (
    STATUS_BY_LABEL,
    STATUS_LABELS,
    latest_update,
    lead_names,
    plan_actions,
)
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services import LeadResolver
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Objective, Plan, Status

REQUIRED = "Enter the {heading}; it cannot be empty"
TOO_LONG = "The {heading} must be {limit} characters or fewer (it has {length})"
KEY_NOT_A_NUMBER = (
    "The key must be the number SaferPlan wrote. Leave it as downloaded, or empty for a new action"
)
KEY_REPEATED = "This key is also on row {row}: each action can only have one row"
KEY_OTHER_PLAN = (
    "This row belongs to an action in another plan. Copy rows only within the same plan's workbook"
)
KEY_UNKNOWN = (
    "There is no action with key {key} in this plan. "
    "Leave the key as downloaded, or empty for a new action"
)
KEY_RETIRED = "Action {number} has been retired, so it cannot be changed from a spreadsheet"
OBJECTIVE_NOT_A_NUMBER = "Enter the objective number as a whole number, for example 3"
OBJECTIVE_UNKNOWN = "There is no objective {number} in this plan. Use one of: {numbers}"
OBJECTIVE_AMBIGUOUS = (
    "Objective {number} is in more than one theme. Write the theme as the plan names it: {themes}"
)
LEAD_UNKNOWN = (
    "“{lead}” is not an agency or person of {partnership}. "
    "Use their short name or initials as SaferPlan lists them"
)
BY_WHEN_UNREADABLE = (
    "Enter the by-when as a date such as 31/7/2026, a period such as April 2027 or 2026/27, "
    "or On-going, Completed, On hold, Not started, ASAP or TBC"
)
STATUS_UNKNOWN = "“{found}” is not a status. Choose one of: {choices}"
STATUS_NOT_RECORDED_REFUSED = (
    "“{found}” is only for an action whose plan document gave no status. Choose one of: {choices}"
)
RATING_UNKNOWN = (
    "“{found}” is not one of this plan's RAG ratings. Choose one of: {choices}, or leave it empty"
)
DATE_INVALID = "Enter the update date as a real date, for example 31/10/2026"
DATE_WITHOUT_UPDATE = "Enter the update for this date, or clear the date"

_LEAD_SPLIT = re.compile(r"[;,]")
LIMITS = {"number": 20, "method": 100, "due_text": 100}


@dataclass
class PlanContext:
    """What an import checks rows against: the plan's ratings, leads, objectives and actions."""

    partnership: Partnership
    plan: Plan | None
    ratings: dict[str, str]  # a rating's label or code, as label_key → its code
    rating_labels: dict[str, str]  # code → label, in the plan's order
    leads: LeadResolver  # looks leads up as a document import does, adding nobody
    objectives: dict[int, list[Objective]] = field(default_factory=dict)
    actions: dict[int, Action] = field(default_factory=dict)
    retired: dict[int, str] = field(default_factory=dict)
    other_plans: set[int] = field(default_factory=set)

    @property
    def structure(self) -> bool:
        """True when the rows create the plan's themes and objectives."""
        return not self.objectives

    @classmethod
    def build(
        cls, *, partnership: Partnership, plan: Plan | None, actions: Iterable[Action] = ()
    ) -> PlanContext:
        pairs = [(r.code, r.label) for r in plan.ratings.all()] if plan else []
        pairs = pairs or ([] if plan else [(w.code, w.word) for w in RAG_DEFAULT_SCHEME])
        ratings = {label_key(code): code for code, _ in pairs}
        ratings.update({label_key(label): code for code, label in pairs})
        context = cls(
            partnership=partnership,
            plan=plan,
            ratings=ratings,
            rating_labels=dict(pairs),
            leads=LeadResolver(partnership),
        )
        if plan is not None:
            for objective in Objective.objects.filter(theme__plan=plan).select_related("theme"):
                context.objectives.setdefault(objective.number, []).append(objective)
            context.actions = {a.pk: a for a in actions}
            context.retired = dict(
                Action.objects.filter(
                    objective__theme__plan=plan, retired_at__isnull=False
                ).values_list("pk", "number")
            )
        return context

    def note_other_plans(self, rows: list[SheetRow]) -> None:
        """Find which unknown keys belong to actions of other plans, in one query."""
        keys = {as_whole_number(row.values["key"]) for row in rows}
        unknown = {k for k in keys if k is not None} - self.actions.keys() - self.retired.keys()
        if unknown:
            self.other_plans = set(
                Action.objects.filter(pk__in=unknown).values_list("pk", flat=True)
            )


@dataclass
class RowChange:
    """What one row will do: create an action, edit it, move it and/or add an update."""

    row: int
    action: Action | None
    number: str  # as the plan shows it now (a new action's own number)
    objective: Objective | tuple[str, int]  # a tuple names an objective still to be created
    values: dict[str, Any]
    edits: list[str] = field(default_factory=list)
    move: bool = False
    edit: bool = False
    update: tuple[str, date | None] | None = None

    @property
    def summary(self) -> str:
        """A line of the preview, in the plan's words."""
        if self.action is None:
            target = self.objective
            number = target[1] if isinstance(target, tuple) else target.number
            parts = [f"new action {self.number} under objective {number}"]
        else:
            edits = ": " + "; ".join(self.edits) if self.edits else ""
            parts = [f"action {self.number}{edits}"]
        if self.update is not None:
            when = self.update[1]
            parts.append(
                f"new update dated {when:%-d/%-m/%Y}" if when else "new update dated today"
            )
        return f"Row {self.row}: " + ", ".join(parts)


@dataclass
class Changes:
    changes: list[RowChange]
    problems: list[Problem]
    context: PlanContext

    @property
    def ok(self) -> bool:
        return not self.problems


def _length(row: int, column: Column, text: str, problems: list[Problem]) -> None:
    limit = LIMITS.get(column.key)
    if limit is not None and len(text) > limit:
        message = TOO_LONG.format(heading=column.header.lower(), limit=limit, length=len(text))
        problems.append(cell_problem(row, column, message))


def _required(row: SheetRow, key: str, problems: list[Problem]) -> str:
    text = as_text(row.values[key])
    if not text:
        column = COLUMN[key]
        problems.append(
            cell_problem(row.number, column, REQUIRED.format(heading=column.header.lower()))
        )
    return text


def _leads(
    row: SheetRow, context: PlanContext, problems: list[Problem]
) -> tuple[list[Person], list[Organisation]]:
    people: list[Person] = []
    organisations: list[Organisation] = []
    for part in _LEAD_SPLIT.split(as_text(row.values["leads"])):
        if not part.strip():
            continue
        lead = context.leads.find(part)
        if isinstance(lead, Organisation):
            organisations.append(lead)
        elif isinstance(lead, Person):
            people.append(lead)
        else:
            message = LEAD_UNKNOWN.format(lead=part.strip(), partnership=context.partnership)
            problems.append(cell_problem(row.number, COLUMN["leads"], message))
    return people, organisations


def _due_text(row: SheetRow, action: Action | None) -> str:
    """The by-when as written; a date Excel converted that equals the stored date stays as is."""
    value = row.values["due_text"]
    if action is not None and as_date(value) is not None and not isinstance(value, str):
        stored = interpret_by_when(action.due_text)
        if stored.kind == "date" and stored.due_date == as_date(value):
            return clean_text(action.due_text)
    return as_text(value)


def _choice(row: SheetRow, key: str, context: PlanContext, problems: list[Problem]) -> str | None:
    found = as_text(row.values[key])
    column = COLUMN[key]
    if key == "status":
        if not found:
            _required(row, key, problems)
            return None
        status = STATUS_BY_LABEL.get(label_key(found))
        if status is None:
            message = STATUS_UNKNOWN.format(found=found, choices=", ".join(STATUS_LABELS))
            problems.append(cell_problem(row.number, column, message))
        return status
    if not found:
        return None
    code = context.ratings.get(label_key(found))
    if code is None:
        choices = ", ".join(context.rating_labels.values())
        message = RATING_UNKNOWN.format(found=found, choices=choices)
        problems.append(cell_problem(row.number, column, message))
    return code


def _objective(
    row: SheetRow, context: PlanContext, problems: list[Problem]
) -> Objective | tuple[str, int] | None:
    value = row.values["objective_number"]
    column = COLUMN["objective_number"]
    if as_text(value) == "":
        _required(row, "objective_number", problems)
        return None
    number = as_whole_number(value)
    if number is None:
        problems.append(cell_problem(row.number, column, OBJECTIVE_NOT_A_NUMBER))
        return None
    theme = as_text(row.values["theme"])
    if context.structure:
        return (theme, number)
    candidates = context.objectives.get(number, [])
    if len(candidates) > 1:
        named = [o for o in candidates if label_key(o.theme.title) == label_key(theme)]
        if len(named) == 1:
            return named[0]
        themes = "; ".join(o.theme.title for o in candidates)
        message = OBJECTIVE_AMBIGUOUS.format(number=number, themes=themes)
        problems.append(cell_problem(row.number, column, message))
        return None
    if not candidates:
        numbers = ", ".join(str(n) for n in sorted(context.objectives)) or "none yet"
        message = OBJECTIVE_UNKNOWN.format(number=number, numbers=numbers)
        problems.append(cell_problem(row.number, column, message))
        return None
    return candidates[0]


def _action(
    row: SheetRow, context: PlanContext, seen: dict[int, int], problems: list[Problem]
) -> tuple[bool, Action | None]:
    """The action a row's key names (ok, action); keys are ignored when building a new plan."""
    value = row.values["key"]
    if context.structure or as_text(value) == "":
        return True, None
    column = COLUMN["key"]
    key = as_whole_number(value)
    message = None
    if key is None:
        message = KEY_NOT_A_NUMBER
    elif key in seen:
        message = KEY_REPEATED.format(row=seen[key])
    elif key in context.retired:
        message = KEY_RETIRED.format(number=context.retired[key])
    elif key not in context.actions:
        message = KEY_OTHER_PLAN if key in context.other_plans else KEY_UNKNOWN.format(key=key)
    if message is not None:
        problems.append(cell_problem(row.number, column, message))
        return False, None
    assert key is not None
    seen[key] = row.number
    return True, context.actions[key]


def _describe(action: Action, values: dict[str, Any], context: PlanContext) -> list[str]:
    edits = []
    if values["number"] != clean_text(action.number):
        edits.append(f"number “{clean_text(action.number)}” → “{values['number']}”")
    if values["method"] != clean_text(action.method):
        edits.append("method changed")
    stored_text = split_text_cell(text_cell(action.text, action.sub_items))
    if (values["text"], values["sub_items"]) != stored_text:
        edits.append("action text changed")
    new_leads = sorted(o.short_name for o in values["lead_organisations"]) + sorted(
        p.initials for p in values["lead_people"]
    )
    if new_leads != lead_names(action):
        edits.append(f"leads “{'; '.join(lead_names(action))}” → “{'; '.join(new_leads)}”")
    if values["due_text"] != clean_text(action.due_text):
        edits.append(f"by when “{clean_text(action.due_text)}” → “{values['due_text']}”")
    if values["status"] != action.status:
        labels = dict(Status.choices)
        edits.append(f"status {labels[action.status]} → {labels[values['status']]}")
    old_code = action.rating.code if action.rating else None
    if values["rating"] != old_code:
        old = context.rating_labels.get(old_code or "", "not rated")
        edits.append(
            f"RAG {old} → {context.rating_labels.get(values['rating'] or '', 'not rated')}"
        )
    return edits


def _check_row(
    row: SheetRow, context: PlanContext, seen: dict[int, int], problems: list[Problem]
) -> RowChange | None:
    before = len(problems)
    ok, action = _action(row, context, seen, problems)
    objective = _objective(row, context, problems)
    number = _required(row, "number", problems)
    text, sub_items = split_text_cell(as_text(row.values["text"]))
    if not text:
        _required(row, "text", problems)
    method = as_text(row.values["method"])
    due_text = _due_text(row, action)
    for key, value in [("number", number), ("method", method), ("due_text", due_text)]:
        _length(row.number, COLUMN[key], value, problems)
    changed_due = action is None or due_text != clean_text(action.due_text)
    if changed_due and interpret_by_when(due_text).kind == "unknown":
        problems.append(cell_problem(row.number, COLUMN["due_text"], BY_WHEN_UNREADABLE))
    people, organisations = _leads(row, context, problems)
    status = _choice(row, "status", context, problems)
    # "Not recorded" round-trips, and a new row may say it, but a recorded status never goes back.
    if status == Status.NOT_RECORDED and action is not None and action.status != status:
        message = STATUS_NOT_RECORDED_REFUSED.format(
            found=as_text(row.values["status"]), choices=", ".join(STATUS_LABELS)
        )
        problems.append(cell_problem(row.number, COLUMN["status"], message))
        status = None
    rating = _choice(row, "rag", context, problems)
    update = _update(row, action, problems)
    if len(problems) > before or not ok or objective is None or status is None:
        return None
    values = {
        "number": number,
        "method": method,
        "text": text,
        "sub_items": sub_items,
        "due_text": due_text,
        "status": status,
        "rating": rating,
        "lead_people": people,
        "lead_organisations": organisations,
        "theme": as_text(row.values["theme"]),
        "objective_title": as_text(row.values["objective_title"]),
    }
    # The preview names an existing action by its number before the change.
    shown = clean_text(action.number) if action is not None else number
    change = RowChange(row.number, action, shown, objective, values, update=update)
    if action is not None:
        change.edits = _describe(action, values, context)
        change.edit = bool(change.edits)
        if isinstance(objective, Objective) and objective.pk != action.objective_id:
            change.move = True
            change.edits.append(f"moved to objective {objective.number}")
        if not change.edits and update is None:
            return None
    return change


def _update(
    row: SheetRow, action: Action | None, problems: list[Problem]
) -> tuple[str, date | None] | None:
    """A new update if the row's latest-update text or date differs from the stored one."""
    text = as_text(row.values["update_text"])
    raw_date = row.values["update_date"]
    when = as_date(raw_date)
    if as_text(raw_date) and when is None:
        problems.append(cell_problem(row.number, COLUMN["update_date"], DATE_INVALID))
        return None
    if not text:
        if when is not None and action is None:
            problems.append(cell_problem(row.number, COLUMN["update_text"], DATE_WITHOUT_UPDATE))
        return None
    latest = latest_update(action) if action is not None else None
    if latest is not None and (clean_text(latest.text), latest.reported_on) == (text, when):
        return None
    return text, when


def workbook_changes(
    *, data: bytes, plan: Plan | None = None, partnership: Partnership | None = None
) -> Changes:
    """Every change the workbook would make, or every problem that stops it; writes nothing.

    With no plan (or a plan with no objectives yet) the rows also create themes and objectives.
    """
    owner = plan.partnership if plan is not None else partnership
    assert owner is not None, "name the plan or the partnership"
    actions = plan_actions(plan=plan, for_export=False) if plan is not None else []
    context = PlanContext.build(partnership=owner, plan=plan, actions=actions)
    try:
        rows = read_action_rows(data)
    except WorkbookInvalid as error:
        return Changes([], error.problems, context)
    context.note_other_plans(rows)
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    changes = []
    for row in rows:
        change = _check_row(row, context, seen, problems)
        if change is not None:
            changes.append(change)
    if context.structure:
        problems.extend(structure_problems(rows))
    return Changes(changes, problems, context)
