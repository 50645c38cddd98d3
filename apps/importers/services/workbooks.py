"""Applying a checked workbook: all of its changes in one transaction, through the plan services.

Going through ``apps.plans.services`` means each change is validated as a form's would be and
lands in the audit history under the importing user.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.core.rag import RAG_DEFAULT_SCHEME
from apps.core.text import label_key
from apps.importers.domain.workbook.layout import ACTIONS_SHEET
from apps.importers.domain.workbook.reading import Problem
from apps.importers.selectors.workbook_checks import Changes, RowChange, workbook_changes
from apps.partnerships.models import Partnership
from apps.plans import services
from apps.plans.models import Action, Objective, Plan, Rating

SERVICE_REFUSED = "SaferPlan could not save this row: {message}"


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _objectives(
    plan: Plan, changes: list[RowChange], user: User
) -> dict[tuple[str, int], Objective]:
    """Create the themes and objectives the rows name, in the order they first appear.

    An objective takes the first title its rows give (the check made sure they agree).
    """
    named = [change.objective for change in changes if isinstance(change.objective, tuple)]
    titles: dict[tuple[str, int], str] = {}
    for change in changes:
        if isinstance(change.objective, tuple):
            key = (label_key(change.objective[0]), change.objective[1])
            titles[key] = titles.get(key) or change.values["objective_title"]
    themes = {label_key(t.title): t for t in plan.themes.all()}
    top = plan.themes.aggregate(top=Max("position"))["top"]
    position = -1 if top is None else top
    objectives: dict[tuple[str, int], Objective] = {}
    for theme_title, number in named:
        key = (label_key(theme_title), number)
        if key[0] not in themes:
            position += 1
            themes[key[0]] = services.theme_create(
                plan=plan, title=theme_title, position=position, user=user
            )
        if key not in objectives:
            objectives[key] = services.objective_create(
                theme=themes[key[0]], number=number, title=titles[key], user=user
            )
    return objectives


def _apply_row(
    change: RowChange,
    plan: Plan,
    user: User,
    ratings: dict[str, Rating],
    objectives: dict[tuple[str, int], Objective],
) -> None:
    values = change.values
    objective = (
        change.objective
        if isinstance(change.objective, Objective)
        else objectives[(label_key(change.objective[0]), change.objective[1])]
    )
    rating = ratings.get(values["rating"]) if values["rating"] else None
    fields = {
        "number": values["number"],
        "text": values["text"],
        "method": values["method"],
        "sub_items": values["sub_items"],
        "due_text": values["due_text"],
        "status": values["status"],
        "rating": rating,
        "lead_people": values["lead_people"],
        "lead_organisations": values["lead_organisations"],
    }
    action: Action
    if change.action is None:
        action = services.action_create(objective=objective, user=user, **fields)
    else:
        action = change.action
        if change.move:
            services.action_move(action=action, user=user, objective=objective)
        if change.edit:
            tags = list(action.tags.all())
            services.action_edit(action=action, user=user, tags=tags, **fields)
    if change.update is not None:
        text, when = change.update
        services.action_add_update(
            action=action,
            user=user,
            text=text,
            status=values["status"],
            rating=rating,
            reported_on=when,
            period_label=plan.period_label,
        )


def _apply(changes: Changes, plan: Plan, user: User) -> None:
    ratings = {r.code: r for r in plan.ratings.all()}
    objectives = _objectives(plan, changes.changes, user)
    for change in changes.changes:
        try:
            _apply_row(change, plan, user, ratings, objectives)
        except ValidationError as error:
            message = SERVICE_REFUSED.format(message="; ".join(error.messages))
            raise _Refused(Problem(message, ACTIONS_SHEET, change.row)) from error


def workbook_import(*, plan: Plan, data: bytes, user: User) -> Changes:
    """Check the workbook against the plan and, only if every row is valid, apply it whole."""
    changes = workbook_changes(plan=plan, data=data)
    if not changes.ok or not changes.changes:
        return changes
    try:
        with transaction.atomic():
            _apply(changes, plan, user)
    except _Refused as refused:
        changes.problems.append(refused.problem)
    return changes


def plan_create_from_workbook(
    *, partnership: Partnership, user: User, title: str, period_label: str, data: bytes
) -> tuple[Plan | None, Changes]:
    """A new draft plan rated Red, Amber, Green, whose themes, objectives and actions are the
    workbook's rows; nothing is created unless every row is valid."""
    changes = workbook_changes(partnership=partnership, data=data)
    if not changes.ok:
        return None, changes
    try:
        with transaction.atomic():
            plan = services.plan_create(
                partnership=partnership,
                title=title.strip(),
                period_label=period_label.strip(),
                status=Plan.Status.DRAFT,
                source_name="Workbook",
                user=user,
            )
            for position, word in enumerate(RAG_DEFAULT_SCHEME):
                services.rating_create(
                    plan=plan,
                    code=word.code,
                    label=word.word,
                    colour=word.colour,
                    position=position,
                    user=user,
                )
            _apply(changes, plan, user)
    except _Refused as refused:
        changes.problems.append(refused.problem)
        return None, changes
    return plan, changes
