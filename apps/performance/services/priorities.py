"""Writes that set up a partnership's priorities, with their links to its plans and the rows of
their alignment tables. Every check the forms make is made here, against the field at fault."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet

from apps.core.history import history_user_set
from apps.partnerships.models import Organisation, Partnership
from apps.performance.models import Priority, PriorityAlignment
from apps.plans.models import Action, Objective

CODE_MISSING = "Enter the priority's code, for example A"
CODE_TAKEN = "There is already a priority {code} in this partnership: choose another code"
TITLE_MISSING = "Enter the title"
SPONSOR_NOT_IN_PARTNERSHIP = "Choose a sponsor agency from this partnership's organisations"
OBJECTIVE_NOT_IN_PARTNERSHIP = "Choose objectives from this partnership's own plans"
ACTION_NOT_IN_PARTNERSHIP = "Choose actions from this partnership's own plans"
OTHER_PLAN_MISSING = "Enter the other plan's name, for example Police and Crime Plan"
OTHER_PRIORITY_MISSING = "Enter the other plan's priority that this one lines up with"


def position_after_last(rows: QuerySet[Any]) -> int:
    """Where a new row goes: after the last of a priority's measures or alignment rows."""
    last = rows.aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


def _links_check(
    partnership: Partnership,
    sponsor: Organisation | None,
    objectives: Iterable[Objective],
    actions: Iterable[Action],
) -> dict[str, str]:
    errors = {}
    if sponsor is not None and sponsor.partnership_id != partnership.pk:
        errors["sponsor_organisation"] = SPONSOR_NOT_IN_PARTNERSHIP
    objective_ids = [o.pk for o in objectives]
    found = Objective.objects.filter(pk__in=objective_ids, theme__plan__partnership=partnership)
    if found.count() != len(set(objective_ids)):
        errors["plan_objectives"] = OBJECTIVE_NOT_IN_PARTNERSHIP
    action_ids = [a.pk for a in actions]
    found_actions = Action.objects.filter(
        pk__in=action_ids, objective__theme__plan__partnership=partnership
    )
    if found_actions.count() != len(set(action_ids)):
        errors["plan_actions"] = ACTION_NOT_IN_PARTNERSHIP
    return errors


@transaction.atomic
def priority_save(
    *,
    partnership: Partnership,
    priority: Priority | None = None,
    code: str,
    title: str,
    sponsor_organisation: Organisation | None = None,
    sponsor_name: str = "",
    lead_officer: str = "",
    why: str = "",
    objectives: str = "",
    plan_objectives: Iterable[Objective] = (),
    plan_actions: Iterable[Action] = (),
    user: User | None,
) -> Priority:
    """Create a priority, or change one, with its links to the partnership's plans. The code
    must be unique in the partnership because pages and reports name priorities by it."""
    plan_objectives, plan_actions = list(plan_objectives), list(plan_actions)
    code, title = code.strip(), title.strip()
    errors = _links_check(partnership, sponsor_organisation, plan_objectives, plan_actions)
    if not code:
        errors["code"] = CODE_MISSING
    else:
        taken = Priority.objects.filter(partnership=partnership, code__iexact=code)
        if priority is not None:
            taken = taken.exclude(pk=priority.pk)
        if taken.exists():
            errors["code"] = CODE_TAKEN.format(code=code)
    if not title:
        errors["title"] = TITLE_MISSING
    if errors:
        raise ValidationError(errors)
    priority = priority or Priority(partnership=partnership)
    priority.code, priority.title = code, title
    priority.sponsor_organisation = sponsor_organisation
    priority.sponsor_name = sponsor_name.strip()
    priority.lead_officer = lead_officer.strip()
    priority.why, priority.objectives = why.strip(), objectives.strip()
    history_user_set(priority, user)
    priority.full_clean()
    priority.save()
    priority.plan_objectives.set(plan_objectives)
    priority.plan_actions.set(plan_actions)
    return priority


def alignment_save(
    *,
    priority: Priority,
    alignment: PriorityAlignment | None = None,
    our_wording: str = "",
    other_plan: str,
    other_priority: str,
    comment: str = "",
    user: User | None,
) -> PriorityAlignment:
    """Add a row to the priority's alignment table (at the end), or change one."""
    other_plan, other_priority = other_plan.strip(), other_priority.strip()
    errors = {}
    if not other_plan:
        errors["other_plan"] = OTHER_PLAN_MISSING
    if not other_priority:
        errors["other_priority"] = OTHER_PRIORITY_MISSING
    if errors:
        raise ValidationError(errors)
    if alignment is None:
        position = position_after_last(priority.alignments.all())
        alignment = PriorityAlignment(priority=priority, position=position)
    alignment.our_wording, alignment.comment = our_wording.strip(), comment.strip()
    alignment.other_plan, alignment.other_priority = other_plan, other_priority
    history_user_set(alignment, user)
    alignment.full_clean()
    alignment.save()
    return alignment


def alignment_remove(*, alignment: PriorityAlignment, user: User | None) -> None:
    """Remove a row; its history keeps what it said and who removed it."""
    history_user_set(alignment, user)
    alignment.delete()
