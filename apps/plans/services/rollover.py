"""Rolling a live plan forward to the next period: a new draft edition and the old one archived.

The new plan is a *draft*: the manager resets by-when dates, rewords and adds actions before
the board agrees it, and leads are not asked for updates (My actions lists live plans only)
until then. The old plan is archived and otherwise untouched, so its actions and updates stay
as they were reported; each carried-forward action points back to it as its predecessor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.plans.models import (
    Action,
    Objective,
    Plan,
    PredecessorMatch,
    Rating,
    Status,
    Theme,
)
from apps.plans.selectors.editions import plan_completed_actions

PLAN_NOT_LIVE = "Only a live plan can be rolled forward; this one is {status}"
TITLE_MISSING = "Enter the title of the new plan"
PERIOD_MISSING = "Enter the period the new plan covers, for example 2027-28"
PERIOD_UNCHANGED = "Enter a period different from this plan’s ({period})"
NOT_A_COMPLETED_ACTION = "Choose only completed actions of this plan to carry forward"
ROLLED_FORWARD = "Carried forward when the plan was rolled forward"


def _validate(plan: Plan, title: str, period_label: str, chosen: set[int]) -> None:
    if plan.status != Plan.Status.LIVE:
        raise ValidationError(PLAN_NOT_LIVE.format(status=plan.get_status_display().lower()))
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = TITLE_MISSING
    if not period_label.strip():
        errors["period_label"] = PERIOD_MISSING
    elif plan.period_label and period_label.strip() == plan.period_label.strip():
        errors["period_label"] = PERIOD_UNCHANGED.format(period=plan.period_label)
    completed = {a.pk for a in plan_completed_actions(plan=plan)}
    if not chosen <= completed:
        errors["completed"] = NOT_A_COMPLETED_ACTION
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_roll_forward(
    *,
    plan: Plan,
    user: User,
    title: str,
    period_label: str,
    carry_completed: Iterable[Action] = (),
) -> Plan:
    """Create the next period's draft plan from a live one and archive the live one.

    Themes, objectives and the RAG scheme are copied; actions are copied with their leads,
    tags, by-when, status and rating, except completed actions the manager did not choose and
    retired ones. All or nothing.
    """
    # Lock the row so two managers cannot roll the same plan forward twice.
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    chosen = {a.pk for a in carry_completed}
    _validate(plan, title, period_label, chosen)
    new_plan = Plan(
        partnership_id=plan.partnership_id,
        title=title.strip(),
        period_label=period_label.strip(),
        status=Plan.Status.DRAFT,
        predecessor=plan,
        introduction=plan.introduction,
    )
    new_plan.full_clean()
    history_user_set(new_plan, user)
    new_plan.save()
    ratings = {
        r.pk: _saved(
            Rating(
                plan=new_plan,
                code=r.code,
                label=r.label,
                colour=r.colour,
                definition=r.definition,
                position=r.position,
            ),
            user,
        )
        for r in plan.ratings.all()
    }
    objectives: dict[int, Objective] = {}
    for theme in plan.themes.prefetch_related("objectives"):
        new_theme = _saved(
            Theme(
                plan=new_plan, title=theme.title, statement=theme.statement, position=theme.position
            ),
            user,
        )
        for objective in theme.objectives.all():
            objectives[objective.pk] = _saved(
                Objective(theme=new_theme, number=objective.number, title=objective.title), user
            )
    actions = Action.objects.filter(
        objective__theme__plan=plan, retired_at__isnull=True
    ).prefetch_related("lead_people", "lead_organisations", "tags")
    for old in actions:
        if old.status == Status.COMPLETED and old.pk not in chosen:
            continue
        _copy_action(old, objectives[old.objective_id], ratings, user)
    plan.status = Plan.Status.ARCHIVED
    plan.full_clean()
    history_user_set(plan, user)
    plan.save(update_fields=["status"])
    return new_plan


_Copy = TypeVar("_Copy", Rating, Theme, Objective)


def _saved(copy: _Copy, user: User) -> _Copy:
    """A copied rating, theme or objective, validated and saved with who rolled it forward."""
    copy.full_clean()
    history_user_set(copy, user)
    copy.save()
    return copy


def _copy_action(
    old: Action, objective: Objective, ratings: dict[int, Rating], user: User
) -> Action:
    new = Action(
        objective=objective,
        number=old.number,
        position=old.position,
        method=old.method,
        text=old.text,
        sub_items=list(old.sub_items),
        details=dict(old.details),
        due_text=old.due_text,
        due_date=old.due_date,
        status=old.status,
        rating=ratings.get(old.rating_id) if old.rating_id else None,
        predecessor=old,
        predecessor_match=PredecessorMatch.ROLLOVER,
        predecessor_score=100,
        predecessor_reason=ROLLED_FORWARD,
    )
    new.full_clean()
    history_user_set(new, user)
    new.save()
    new.lead_people.set(old.lead_people.all())
    new.lead_organisations.set(old.lead_organisations.all())
    new.tags.set(old.tags.all())
    return new
