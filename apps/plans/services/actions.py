"""Writes to actions and their updates: validated, saved in a transaction, attributed to a user."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.core.history import history_user_set
from apps.partnerships.models import Organisation, Person
from apps.partnerships.selectors import person_for
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Objective, Rating, Status, Tag, Update

UPDATE_TEXT_MISSING = "Enter the update"
ACTION_NUMBER_MISSING = "Enter the action number as printed, for example 7)"
ACTION_TEXT_MISSING = "Enter what the action is"
RATING_NOT_IN_PLAN = "Choose a RAG rating from this plan's scheme"
OBJECTIVE_NOT_IN_PLAN = "Choose an objective in the same plan"
ACTION_ALREADY_RETIRED = "This action has already been retired"
RETIRE_REASON_MISSING = "Enter why the action is being retired"
ACTION_RETIRED_NO_UPDATES = "This action has been retired, so it cannot be updated"
STATUS_NOT_RECORDED_REFUSED = (
    "Select the status of the action: “Not recorded” is only for an action whose plan "
    "document gave no status"
)


def _check_wording(number: str, text: str) -> None:
    errors = {}
    if not number.strip():
        errors["number"] = ACTION_NUMBER_MISSING
    if not text.strip():
        errors["text"] = ACTION_TEXT_MISSING
    if errors:
        raise ValidationError(errors)


def status_check_recordable(*, current: str, status: str) -> None:
    """A recorded status is never taken back to "Not recorded"; it may only stay where the
    document left it. (A new action may be "Not recorded" when a spreadsheet row says so; the
    manager's form does not offer it.)"""
    if status == Status.NOT_RECORDED and current != Status.NOT_RECORDED:
        raise ValidationError({"status": STATUS_NOT_RECORDED_REFUSED})


def rating_check_in_plan(rating: Rating | None, plan_id: int) -> None:
    """Refuse a rating from another plan's scheme."""
    if rating is not None and rating.plan_id != plan_id:
        raise ValidationError({"rating": RATING_NOT_IN_PLAN})


def _check_rating(action: Action, rating: Rating | None) -> None:
    rating_check_in_plan(rating, action.objective.theme.plan_id)


def action_save_with_relations(
    *,
    action: Action,
    user: User | None,
    lead_people: Iterable[Person],
    lead_organisations: Iterable[Organisation],
    tags: Iterable[Tag],
) -> Action:
    """Validate, attribute and save an action, then set its leads and tags (in the caller's
    transaction)."""
    action.full_clean()
    history_user_set(action, user)
    action.save()
    action.lead_people.set(lead_people)
    action.lead_organisations.set(lead_organisations)
    action.tags.set(tags)
    return action


def action_apply_by_when(*, action: Action, due_text: str) -> None:
    """Keep the by-when as written and its interpretation together; a state also sets status."""
    by_when = interpret_by_when(due_text)
    action.due_text = by_when.text
    action.due_date = by_when.due_date
    if by_when.status:
        action.status = by_when.status


@transaction.atomic
def action_add_update(
    *,
    action: Action,
    user: User,
    text: str,
    status: str,
    rating: Rating | None,
    reported_on: date | None = None,
    period_label: str = "",
    internal: bool = False,
) -> Update:
    """Record a dated update and carry its status and rating onto the action."""
    if action.retired_at is not None:
        raise ValidationError(ACTION_RETIRED_NO_UPDATES)
    if not text.strip():
        raise ValidationError({"text": UPDATE_TEXT_MISSING})
    status_check_recordable(current=action.status, status=status)
    _check_rating(action, rating)
    update = Update(
        action=action,
        text=text.strip(),
        status=status,
        rating=rating,
        reported_on=reported_on or timezone.localdate(),
        period_label=period_label,
        internal=internal,
        author=person_for(user, action.owner_partnership_id) if user is not None else None,
        created_by=user,
    )
    update.full_clean()
    history_user_set(update, user)
    update.save()
    if action.status != status or action.rating_id != (rating.pk if rating else None):
        action.status = status
        action.rating = rating
        action.full_clean()
        history_user_set(action, user)
        action.save(update_fields=["status", "rating"])
    return update


def _next_position(objective: Objective) -> int:
    current = objective.actions.aggregate(top=Max("position"))["top"]
    return 0 if current is None else current + 1


@transaction.atomic
def action_create(
    *,
    objective: Objective,
    user: User,
    number: str,
    text: str,
    method: str = "",
    sub_items: list[str] | None = None,
    due_text: str = "",
    status: str = Status.NOT_STARTED,
    rating: Rating | None = None,
    lead_people: Iterable[Person] = (),
    lead_organisations: Iterable[Organisation] = (),
    tags: Iterable[Tag] = (),
) -> Action:
    _check_wording(number, text)
    action = Action(
        objective=objective,
        number=number.strip(),
        position=_next_position(objective),
        method=method.strip(),
        text=text.strip(),
        sub_items=[s.strip() for s in (sub_items or []) if s.strip()],
        status=status,
        rating=rating,
    )
    action_apply_by_when(action=action, due_text=due_text)
    _check_rating(action, rating)
    return action_save_with_relations(
        action=action,
        user=user,
        lead_people=lead_people,
        lead_organisations=lead_organisations,
        tags=tags,
    )


@transaction.atomic
def action_edit(
    *,
    action: Action,
    user: User,
    number: str,
    text: str,
    method: str,
    sub_items: list[str],
    due_text: str,
    status: str,
    rating: Rating | None,
    lead_people: Iterable[Person],
    lead_organisations: Iterable[Organisation],
    tags: Iterable[Tag],
) -> Action:
    """A manager's edit of the action itself; every field change lands in the audit history."""
    _check_wording(number, text)
    status_check_recordable(current=action.status, status=status)
    action.number = number.strip()
    action.text = text.strip()
    action.method = method.strip()
    action.sub_items = [s.strip() for s in sub_items if s.strip()]
    action.status = status
    action_apply_by_when(action=action, due_text=due_text)
    # The form's status wins over a by-when state: the manager chose it explicitly.
    action.status = status
    action.rating = rating
    _check_rating(action, rating)
    return action_save_with_relations(
        action=action,
        user=user,
        lead_people=lead_people,
        lead_organisations=lead_organisations,
        tags=tags,
    )


@transaction.atomic
def action_move(
    *, action: Action, user: User, objective: Objective, position: int | None = None
) -> Action:
    """Move an action to another objective of the same plan (at the end unless told where)."""
    if objective.theme.plan_id != action.objective.theme.plan_id:
        raise ValidationError({"objective": OBJECTIVE_NOT_IN_PLAN})
    if objective.pk != action.objective_id:
        action.objective = objective
        action.position = _next_position(objective) if position is None else position
    elif position is not None:
        action.position = position
    action.full_clean()
    history_user_set(action, user)
    action.save()
    return action


@transaction.atomic
def action_retire(*, action: Action, user: User, reason: str) -> Action:
    """Retire rather than delete, so the action and its updates stay in the record."""
    if action.retired_at is not None:
        raise ValidationError(ACTION_ALREADY_RETIRED)
    if not reason.strip():
        raise ValidationError({"retired_reason": RETIRE_REASON_MISSING})
    action.retired_at = timezone.now()
    action.retired_reason = reason.strip()
    action.full_clean()
    history_user_set(action, user)
    action.save(update_fields=["retired_at", "retired_reason"])
    return action
