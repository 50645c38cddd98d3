"""Managers change the plan itself; nobody else can."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import escape

from apps.partnerships.models import Membership
from apps.plans.domain.by_when import BY_WHEN_HELP
from apps.plans.forms.actions import BY_WHEN_NOT_RECOGNISED
from apps.plans.models import Action
from apps.plans.services.actions import (
    ACTION_ALREADY_RETIRED,
    ACTION_TEXT_MISSING,
    RETIRE_REASON_MISSING,
)
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def _pages(small_plan: builders.SmallPlan) -> dict[str, str]:
    action = small_plan.actions[0]
    return {
        "edit": reverse("plans:action-edit", args=[action.pk]),
        "move": reverse("plans:action-move", args=[action.pk]),
        "retire": reverse("plans:action-retire", args=[action.pk]),
        "add": reverse("plans:action-add", args=[small_plan.objectives[0].pk]),
    }


@pytest.mark.parametrize("page", ["edit", "move", "retire", "add"])
@pytest.mark.parametrize(
    ("role", "expected"),
    [("manager", 200), ("lead", 403), ("viewer", 403), ("outsider", 403)],
)
def test_only_managers_reach_manager_pages(
    role: str,
    expected: int,
    page: str,
    small_plan: builders.SmallPlan,
    manager: User,
    lead: User,
    viewer: User,
    client: Any,
) -> None:
    users = {"manager": manager, "lead": lead, "viewer": viewer}
    if role == "outsider":
        users["outsider"] = builders.member(
            partnership=builders.partnership(), role=Membership.Role.MANAGER
        )
    client.force_login(users[role])
    url = _pages(small_plan)[page]
    assert client.get(url).status_code == expected
    assert client.post(url, {}).status_code in ({200} if expected == 200 else {403})


def test_manager_edits_an_action_and_history_records_it(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    action = small_plan.actions[0]
    green = small_plan.plan.ratings.get(code="G")
    response = client.post(
        reverse("plans:action-edit", args=[action.pk]),
        {
            "number": "1)",
            "method": "Comms",
            "text": "Refresh the ASB web pages",
            "sub_items": "Hate\nFraud\n",
            "due_text": "Summer 26",
            "status": "ongoing",
            "rating": str(green.pk),
            "lead_people": [str(person_of(manager).pk)],
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Refresh the ASB web pages"
    assert action.sub_items == ["Hate", "Fraud"]
    assert action.due_date is not None and action.due_date.isoformat() == "2026-08-31"
    assert action.rating == green
    assert list(action.lead_people.all()) == [person_of(manager)]
    latest = action.history.first()
    assert latest is not None and latest.history_user == manager
    page = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "Refresh the ASB web pages" in page


def test_edit_without_text_shows_the_error(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    response = client.post(
        reverse("plans:action-edit", args=[small_plan.actions[0].pk]),
        {"number": "1)", "text": "", "status": "ongoing"},
    )
    assert response.status_code == 200
    assert ACTION_TEXT_MISSING in response.content.decode()
    small_plan.actions[0].refresh_from_db()
    assert small_plan.actions[0].text.startswith("Action 1.1")


def test_manager_adds_moves_and_retires(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    target = small_plan.objectives[1]
    response = client.post(
        reverse("plans:action-add", args=[small_plan.objectives[0].pk]),
        {"number": "3)", "text": "Run a knife amnesty", "status": "not_started"},
    )
    assert response.status_code == 302
    new = Action.objects.get(text="Run a knife amnesty")
    assert new.objective == small_plan.objectives[0]

    client.post(reverse("plans:action-move", args=[new.pk]), {"objective": target.pk})
    new.refresh_from_db()
    assert new.objective == target

    response = client.post(reverse("plans:action-retire", args=[new.pk]), {"reason": ""})
    assert RETIRE_REASON_MISSING in response.content.decode()
    client.post(reverse("plans:action-retire", args=[new.pk]), {"reason": "Merged into 1)"})
    new.refresh_from_db()
    assert new.retired_at is not None and new.retired_reason == "Merged into 1)"
    plan_page = client.get(reverse("plans:plan", args=[small_plan.plan.pk])).content.decode()
    assert "Run a knife amnesty" not in plan_page


def test_move_refuses_an_objective_of_another_plan(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    other = builders.small_plan(partnership=small_plan.plan.partnership)
    client = signed_in(manager)
    action = small_plan.actions[0]
    response = client.post(
        reverse("plans:action-move", args=[action.pk]), {"objective": other.objectives[0].pk}
    )
    assert response.status_code == 200
    action.refresh_from_db()
    assert action.objective == small_plan.objectives[0]


def test_unrecognised_by_when_is_kept_with_a_warning(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    action = small_plan.actions[0]
    url = reverse("plans:action-edit", args=[action.pk])
    data = {
        "number": "1)",
        "text": "Plan it",
        "due_text": "when funding allows",
        "status": "ongoing",
    }
    response = client.post(url, data, follow=True)
    warning = BY_WHEN_NOT_RECOGNISED.format(text="when funding allows")
    assert escape(warning) in response.content.decode()
    action.refresh_from_db()
    assert action.due_text == "when funding allows" and action.due_date is None
    assert escape(warning) in client.get(url).content.decode()


def test_edit_form_shows_by_when_help_and_the_actions_values(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    action = small_plan.actions[0]
    action.sub_items = ["Hate crime", "Fraud"]
    action.save()
    content = (
        signed_in(manager).get(reverse("plans:action-edit", args=[action.pk])).content.decode()
    )
    assert escape(BY_WHEN_HELP) in content
    assert "Hate crime\nFraud</textarea>" in content
    assert 'value="31/3/2025"' in content
    assert ">Lead people</legend>" in content and ">Lead organisations</legend>" in content
    assert ">Tags</legend>" in content
    assert "is not a date, period or state" not in content  # 31/3/2025 is recognised


def test_add_action_with_a_state_as_by_when_sets_leads_and_tags(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    csp = small_plan.actions[0].lead_organisations.get()
    tag = small_plan.actions[0].tags.get()
    response = signed_in(manager).post(
        reverse("plans:action-add", args=[small_plan.objectives[1].pk]),
        {
            "number": "3)",
            "text": "Publish the strategy",
            "sub_items": "Web\n\nPrint",
            "due_text": "On-going",
            "status": "not_started",
            "lead_people": [str(person_of(manager).pk)],
            "lead_organisations": [str(csp.pk)],
            "tags": [str(tag.pk)],
        },
    )
    assert response.status_code == 302
    new = Action.objects.get(text="Publish the strategy")
    assert new.objective == small_plan.objectives[1]
    assert new.sub_items == ["Web", "Print"]
    assert list(new.lead_people.all()) == [person_of(manager)]
    assert list(new.lead_organisations.all()) == [csp]
    assert list(new.tags.all()) == [tag]
    assert new.position == 2  # after the objective's two actions


def test_move_offers_only_this_plans_objectives(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    other = builders.small_plan(partnership=small_plan.plan.partnership)
    content = (
        signed_in(manager)
        .get(reverse("plans:action-move", args=[small_plan.actions[0].pk]))
        .content.decode()
    )
    for objective in small_plan.objectives:
        assert f'value="{objective.pk}"' in content
    for objective in other.objectives:
        assert f'value="{objective.pk}"' not in content


def test_move_shows_in_the_history(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    action = small_plan.actions[0]
    client.post(
        reverse("plans:action-move", args=[action.pk]), {"objective": small_plan.objectives[1].pk}
    )
    content = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "Objective changed from Objective 1: Objective title 1 to Objective 2" in content


def test_retiring_twice_is_refused(
    small_plan: builders.SmallPlan, manager: User, signed_in: Callable[[User], Any]
) -> None:
    client = signed_in(manager)
    url = reverse("plans:action-retire", args=[small_plan.actions[0].pk])
    client.post(url, {"reason": "Done elsewhere"})
    response = client.post(url, {"reason": "Again"})
    assert response.status_code == 200
    assert escape(ACTION_ALREADY_RETIRED) in response.content.decode()
    small_plan.actions[0].refresh_from_db()
    assert small_plan.actions[0].retired_reason == "Done elsewhere"
