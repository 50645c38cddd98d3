"""An action whose document gave no status is "Not recorded", shown and counted honestly: never
as started or completed, still overdue once its by-when has passed, and never chosen by a person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from apps.plans.forms.actions import ActionForm
from apps.plans.forms.ratings import STATUS_MISSING
from apps.plans.forms.updates import UpdateForm
from apps.plans.models import Action, Status
from apps.plans.selectors import (
    PlanFilters,
    action_is_overdue,
    plan_actions_filtered,
    plan_filter_options,
    plan_status_summary,
)
from apps.plans.services import action_add_update, action_edit
from apps.plans.services.actions import STATUS_NOT_RECORDED_REFUSED
from tests import builders

pytestmark = pytest.mark.django_db


def _not_recorded(small: builders.SmallPlan, *indexes: int) -> list[Action]:
    """As an import leaves actions whose document said nothing about their status."""
    keys = [small.actions[i].pk for i in indexes]
    Action.objects.filter(pk__in=keys).update(status=Status.NOT_RECORDED)
    return list(Action.objects.filter(pk__in=keys).order_by("pk"))


def test_the_summary_has_a_not_recorded_line_and_it_is_neither_started_nor_completed(
    small_plan: builders.SmallPlan,
) -> None:
    _not_recorded(small_plan, 0)
    summary = plan_status_summary(plan=small_plan.plan)
    assert [str(line) for line in summary.by_status] == [
        "Not started 1/4 (25%)",
        "On-going 2/4 (50%)",
        "Not recorded 1/4 (25%)",
    ]


def test_no_not_recorded_line_when_every_action_has_a_status(
    small_plan: builders.SmallPlan,
) -> None:
    labels = [line.label for line in plan_status_summary(plan=small_plan.plan).by_status]
    assert "Not recorded" not in labels


def test_a_passed_by_when_with_no_recorded_status_is_still_overdue(
    small_plan: builders.SmallPlan,
) -> None:
    # Action 1.1 is due 31/3/2025: nobody has recorded it completed, so it is overdue.
    (action,) = _not_recorded(small_plan, 0)
    assert action_is_overdue(action, on=date(2026, 1, 1))
    assert plan_status_summary(plan=small_plan.plan).overdue == 2


def test_the_plan_filter_offers_not_recorded_and_finds_only_those_actions(
    small_plan: builders.SmallPlan,
) -> None:
    (action,) = _not_recorded(small_plan, 2)
    options = plan_filter_options(plan=small_plan.plan)
    assert (Status.NOT_RECORDED, "Not recorded") in options.statuses
    filters = PlanFilters.from_query(QueryDict("status=not_recorded"))
    assert filters.status == Status.NOT_RECORDED
    found = plan_actions_filtered(plan=small_plan.plan, filters=filters)
    assert [a.pk for a in found] == [action.pk]


def test_the_plan_page_shows_not_recorded_as_a_tag_and_in_its_summary(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    _not_recorded(small_plan, 0, 1)
    page = signed_in(viewer).get(reverse("plans:plan", args=[small_plan.plan.pk]))
    content = page.content.decode()
    assert content.count('app-status-not-recorded">Not recorded</strong>') == 2
    assert "Not recorded 2/4 (50%)" in content
    assert '<option value="not_recorded">Not recorded</option>' in content


def test_the_home_page_counts_not_recorded_per_state(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    _not_recorded(small_plan, 0, 1, 2)
    content = signed_in(viewer).get(reverse("plans:home")).content.decode()
    assert "Not recorded 3/4 (75%)" in content
    assert "On-going 1/4 (25%)" in content


def test_the_lead_chooses_a_real_status_on_the_update_form(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    (action,) = _not_recorded(small_plan, 0)
    form = UpdateForm(plan=small_plan.plan, initial={"status": action.status})
    assert form.initial["status"] == ""
    assert Status.NOT_RECORDED not in dict(form.fields["status"].choices)  # type: ignore[attr-defined]

    client = signed_in(lead)
    url = reverse("plans:add-update", args=[action.pk])
    page = client.get(url).content.decode()
    assert 'value="not_recorded"' not in page and "Status now: Not recorded" in page
    refused = client.post(url, {"text": "Began work", "status": Status.NOT_RECORDED})
    assert STATUS_MISSING in refused.content.decode()
    client.post(url, {"text": "Began work", "status": Status.ONGOING})
    action.refresh_from_db()
    assert action.status == Status.ONGOING


def test_the_manager_keeps_not_recorded_on_an_action_that_has_it_but_cannot_choose_it_again(
    small_plan: builders.SmallPlan,
) -> None:
    (action,) = _not_recorded(small_plan, 0)
    keeps = ActionForm(plan=small_plan.plan, initial={"status": action.status})
    assert Status.NOT_RECORDED in dict(keeps.fields["status"].choices)  # type: ignore[attr-defined]
    recorded = ActionForm(plan=small_plan.plan, initial={"status": Status.ONGOING})
    assert Status.NOT_RECORDED not in dict(recorded.fields["status"].choices)  # type: ignore[attr-defined]
    new = ActionForm(plan=small_plan.plan, initial={"status": Status.NOT_STARTED})
    assert Status.NOT_RECORDED not in dict(new.fields["status"].choices)  # type: ignore[attr-defined]


def test_the_manager_edits_wording_without_inventing_a_status(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    (action,) = _not_recorded(small_plan, 0)
    response = signed_in(manager).post(
        reverse("plans:action-edit", args=[action.pk]),
        {"number": "1)", "text": "Reworded", "status": Status.NOT_RECORDED},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.status) == ("Reworded", Status.NOT_RECORDED)


def test_services_refuse_not_recorded_for_an_action_with_a_recorded_status(
    manager: User, small_plan: builders.SmallPlan
) -> None:
    ongoing = small_plan.actions[1]
    arguments: dict[str, Any] = {
        "number": "2)",
        "text": "Some action",
        "method": "",
        "sub_items": [],
        "due_text": "",
        "status": Status.NOT_RECORDED,
        "rating": None,
        "lead_people": [],
        "lead_organisations": [],
        "tags": [],
    }
    for attempt in (
        lambda: action_edit(action=ongoing, user=manager, **arguments),
        lambda: action_add_update(
            action=ongoing, user=manager, text="Words", status=Status.NOT_RECORDED, rating=None
        ),
    ):
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.message_dict == {"status": [STATUS_NOT_RECORDED_REFUSED]}
    ongoing.refresh_from_db()
    assert ongoing.status == Status.ONGOING and ongoing.updates.count() == 1
