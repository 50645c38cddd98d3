"""Setting up priorities and their alignment tables: unique codes, links to the partnership's
own plans, and history that names who made each change."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.partnerships.models import Organisation, Partnership
from apps.performance.models import Priority, PriorityAlignment
from apps.performance.services import alignment_remove, alignment_save, priority_save
from apps.performance.services.priorities import (
    ACTION_NOT_IN_PARTNERSHIP,
    CODE_TAKEN,
    OBJECTIVE_NOT_IN_PARTNERSHIP,
    OTHER_PLAN_MISSING,
    OTHER_PRIORITY_MISSING,
    SPONSOR_NOT_IN_PARTNERSHIP,
)
from tests import builders

pytestmark = pytest.mark.django_db


def test_priority_codes_are_unique_in_the_partnership(
    partnership: Partnership, priority: Priority, manager: User
) -> None:
    with pytest.raises(ValidationError) as error:
        priority_save(partnership=partnership, user=manager, code=" a ", title="Another")
    assert error.value.message_dict == {"code": [CODE_TAKEN.format(code="a")]}
    changed = priority_save(
        partnership=partnership, user=manager, priority=priority, code="A", title="Renamed"
    )
    assert (changed.pk, changed.title) == (priority.pk, "Renamed")
    elsewhere = priority_save(
        partnership=builders.partnership(), user=manager, code="A", title="Elsewhere"
    )
    assert elsewhere.code == "A"


def test_priority_links_only_to_its_own_partnerships_plans(
    partnership: Partnership, small_plan: builders.SmallPlan, manager: User
) -> None:
    other = builders.small_plan(partnership=builders.partnership())
    foreign_sponsor = Organisation.objects.create(
        partnership=other.plan.partnership, name="Elsewhere Police", short_name="EP"
    )
    with pytest.raises(ValidationError) as error:
        priority_save(
            partnership=partnership,
            user=manager,
            code="B",
            title="Protect vulnerable people",
            sponsor_organisation=foreign_sponsor,
            plan_objectives=[small_plan.objectives[0], other.objectives[0]],
            plan_actions=[other.actions[0]],
        )
    assert error.value.message_dict == {
        "sponsor_organisation": [SPONSOR_NOT_IN_PARTNERSHIP],
        "plan_objectives": [OBJECTIVE_NOT_IN_PARTNERSHIP],
        "plan_actions": [ACTION_NOT_IN_PARTNERSHIP],
    }
    saved = priority_save(
        partnership=partnership,
        user=manager,
        code="B",
        title="Protect vulnerable people",
        sponsor_name="Norfolk Constabulary",
        plan_objectives=[small_plan.objectives[0]],
        plan_actions=small_plan.actions[:2],
    )
    assert saved.sponsor == "Norfolk Constabulary"
    assert list(saved.plan_objectives.all()) == [small_plan.objectives[0]]
    assert set(saved.plan_actions.all()) == set(small_plan.actions[:2])


def test_alignments_are_added_at_the_end_changed_and_removed(
    priority: Priority, manager: User
) -> None:
    with pytest.raises(ValidationError) as error:
        alignment_save(priority=priority, user=manager, other_plan=" ", other_priority="")
    assert error.value.message_dict == {
        "other_plan": [OTHER_PLAN_MISSING],
        "other_priority": [OTHER_PRIORITY_MISSING],
    }
    first = builders.alignment(priority=priority)
    added = alignment_save(
        priority=priority,
        user=manager,
        other_plan="Police and Crime Plan",
        other_priority="Cut reoffending",
    )
    assert list(priority.alignments.all()) == [first, added]
    changed = alignment_save(
        priority=priority,
        user=manager,
        alignment=added,
        other_plan="Health and Wellbeing Strategy",
        other_priority="Cut reoffending",
        comment="Shared aim",
    )
    assert (changed.pk, changed.other_plan, changed.comment) == (
        added.pk,
        "Health and Wellbeing Strategy",
        "Shared aim",
    )
    first_id = first.pk
    alignment_remove(alignment=first, user=manager)
    assert list(priority.alignments.all()) == [added]
    # the history keeps every change and the removal, each with who made it
    removed = PriorityAlignment.history.filter(id=first_id).first()
    assert removed is not None and removed.history_type == "-"
    assert removed.history_user == manager
    assert [h.history_user for h in added.history.all()] == [manager, manager]


def test_priority_changes_are_kept_in_history_with_their_author(
    partnership: Partnership, manager: User, small_plan: builders.SmallPlan
) -> None:
    saved = priority_save(partnership=partnership, user=manager, code="Z", title="First")
    priority_save(
        partnership=partnership,
        user=manager,
        priority=saved,
        code="Z",
        title="Second",
        plan_objectives=[small_plan.objectives[0]],
    )
    records = list(saved.history.order_by("history_date", "history_id"))
    assert [r.title for r in records][:2] == ["First", "Second"]
    assert {r.history_user for r in records} == {manager}
    latest = records[-1]
    linked = [o.objective_id for o in latest.plan_objectives.all()]
    assert linked == [small_plan.objectives[0].pk]
