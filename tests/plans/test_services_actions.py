"""Writes to plans: validation, what each service changes, and who the history says did it."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.plans.models import Status
from apps.plans.services.actions import (
    ACTION_ALREADY_RETIRED,
    ACTION_RETIRED_NO_UPDATES,
    OBJECTIVE_NOT_IN_PLAN,
    RATING_NOT_IN_PLAN,
    RETIRE_REASON_MISSING,
    UPDATE_TEXT_MISSING,
    action_add_update,
    action_create,
    action_edit,
    action_move,
    action_retire,
)
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return list(error.value.messages)


def test_add_update_sets_status_rating_author_and_history(
    small_plan: builders.SmallPlan, lead: User
) -> None:
    action = small_plan.actions[0]
    red = small_plan.plan.ratings.get(code="R")
    update = action_add_update(
        action=action, user=lead, text="  Slipped  ", status=Status.ON_HOLD, rating=red
    )
    assert update.text == "Slipped"
    assert update.author == person_of(lead) and update.created_by == lead
    assert update.reported_on is not None
    action.refresh_from_db()
    assert (action.status, action.rating) == (Status.ON_HOLD, red)
    assert action.history.latest().history_user == lead


def test_add_update_that_changes_nothing_leaves_the_action_alone(
    small_plan: builders.SmallPlan, lead: User
) -> None:
    action = small_plan.actions[0]
    before = action.history.count()
    action_add_update(
        action=action, user=lead, text="Still going", status=action.status, rating=None
    )
    assert action.history.count() == before


def test_add_update_refuses_empty_text(small_plan: builders.SmallPlan, lead: User) -> None:
    with pytest.raises(ValidationError) as error:
        action_add_update(
            action=small_plan.actions[0], user=lead, text=" ", status=Status.ONGOING, rating=None
        )
    assert _messages(error) == [UPDATE_TEXT_MISSING]
    assert small_plan.actions[0].updates.count() == 1


def test_add_update_refuses_another_plans_rating(
    small_plan: builders.SmallPlan, lead: User
) -> None:
    other = builders.plan(partnership=small_plan.plan.partnership, title="Other")
    with pytest.raises(ValidationError) as error:
        action_add_update(
            action=small_plan.actions[0],
            user=lead,
            text="Words",
            status=Status.ONGOING,
            rating=other.ratings.get(code="G"),
        )
    assert _messages(error) == [RATING_NOT_IN_PLAN]
    assert small_plan.actions[0].updates.count() == 1


def test_create_places_the_action_last_and_reads_the_by_when(
    small_plan: builders.SmallPlan, manager: User
) -> None:
    objective = small_plan.objectives[0]
    action = action_create(
        objective=objective,
        user=manager,
        number=" 3) ",
        text="New",
        sub_items=["a", " ", "b "],
        due_text="Completed",
    )
    assert (action.number, action.position, action.sub_items) == ("3)", 2, ["a", "b"])
    assert action.status == Status.COMPLETED
    assert action.history.get().history_user == manager


def test_edit_keeps_the_managers_status_over_a_by_when_state(
    small_plan: builders.SmallPlan, manager: User
) -> None:
    action = small_plan.actions[0]
    action_edit(
        action=action,
        user=manager,
        number="1)",
        text="Edited",
        method="",
        sub_items=[],
        due_text="Completed",
        status=Status.ONGOING,
        rating=None,
        lead_people=[person_of(manager)],
        lead_organisations=[],
        tags=[],
    )
    action.refresh_from_db()
    assert action.status == Status.ONGOING
    assert action.due_text == "Completed" and action.due_date is None
    assert list(action.lead_people.all()) == [person_of(manager)]
    assert not action.tags.exists()


def test_edit_reads_a_date(small_plan: builders.SmallPlan, manager: User) -> None:
    action = small_plan.actions[1]
    action_edit(
        action=action,
        user=manager,
        number="2)",
        text=action.text,
        method="",
        sub_items=[],
        due_text="31/7/2026",
        status=Status.ONGOING,
        rating=None,
        lead_people=[],
        lead_organisations=[],
        tags=[],
    )
    action.refresh_from_db()
    assert action.due_date == date(2026, 7, 31)


def test_move_within_the_plan_and_not_beyond(small_plan: builders.SmallPlan, manager: User) -> None:
    action = small_plan.actions[0]
    action_move(action=action, user=manager, objective=small_plan.objectives[1])
    action.refresh_from_db()
    assert action.objective == small_plan.objectives[1] and action.position == 2
    other = builders.small_plan(partnership=small_plan.plan.partnership)
    with pytest.raises(ValidationError) as error:
        action_move(action=action, user=manager, objective=other.objectives[0])
    assert _messages(error) == [OBJECTIVE_NOT_IN_PLAN]


def test_retire_needs_a_reason_and_happens_once(
    small_plan: builders.SmallPlan, manager: User
) -> None:
    action = small_plan.actions[0]
    with pytest.raises(ValidationError) as error:
        action_retire(action=action, user=manager, reason="  ")
    assert _messages(error) == [RETIRE_REASON_MISSING]
    action_retire(action=action, user=manager, reason="Replaced by 3)")
    assert action.retired_at is not None and action.retired_reason == "Replaced by 3)"
    assert action.history.latest().history_user == manager
    with pytest.raises(ValidationError) as error:
        action_retire(action=action, user=manager, reason="Again")
    assert _messages(error) == [ACTION_ALREADY_RETIRED]


def test_a_retired_action_takes_no_updates(small_plan: builders.SmallPlan, manager: User) -> None:
    action = small_plan.actions[0]
    action_retire(action=action, user=manager, reason="Done elsewhere")
    with pytest.raises(ValidationError) as error:
        action_add_update(
            action=action, user=manager, text="Words", status=Status.ONGOING, rating=None
        )
    assert _messages(error) == [ACTION_RETIRED_NO_UPDATES]
    assert action.updates.count() == 1
