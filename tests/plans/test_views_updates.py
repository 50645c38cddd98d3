"""The action page, adding an update, and My actions: the path an action lead takes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import escape

from apps.partnerships.models import Membership
from apps.plans.forms.ratings import RATING_INVALID, STATUS_MISSING
from apps.plans.models import Action, Plan, Status, Update
from apps.plans.services.actions import (
    ACTION_RETIRED_NO_UPDATES,
    UPDATE_TEXT_MISSING,
    action_add_update,
)
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def _add_update_url(action: Action) -> str:
    return reverse("plans:add-update", args=[action.pk])


def test_update_form_offers_the_plans_own_ratings_with_their_definitions(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    content = signed_in(lead).get(_add_update_url(small_plan.actions[0])).content.decode()
    for rating in small_plan.plan.ratings.all():
        assert f'value="{rating.pk}"' in content
        assert rating.definition in content
    assert ">Not rated</label>" in content
    assert ">On-going</label>" in content
    assert 'name="period_label"' in content
    assert content.count("<h1") == 1


def test_update_carries_status_and_rating_and_records_who(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    green = small_plan.plan.ratings.get(code="G")
    response = signed_in(lead).post(
        _add_update_url(action),
        {"text": "Done", "status": Status.COMPLETED, "rating": green.pk, "period_label": "Q2"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:action", args=[action.pk])
    update = action.updates.get(text="Done")
    assert (update.status, update.rating, update.period_label) == (Status.COMPLETED, green, "Q2")
    assert update.author == person_of(lead) and update.created_by == lead
    action.refresh_from_db()
    assert (action.status, action.rating) == (Status.COMPLETED, green)
    latest = action.history.latest()
    assert latest.history_user == lead
    assert update.history.get().history_user == lead
    assert not update.internal


def test_a_lead_can_mark_an_update_internal(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    client = signed_in(lead)
    form = client.get(_add_update_url(action)).content.decode()
    assert 'id="id_internal" name="internal" type="checkbox"' in form
    assert "leave this update out of public reports" in form
    client.post(
        _add_update_url(action),
        {"text": "Staffing gap", "status": Status.ONGOING, "internal": "on"},
    )
    assert action.updates.get(text="Staffing gap").internal


def test_update_to_not_rated_clears_the_rating(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[1]  # rated Green
    signed_in(manager).post(
        _add_update_url(action), {"text": "Reset", "status": Status.ON_HOLD, "rating": ""}
    )
    action.refresh_from_db()
    assert action.rating is None and action.status == Status.ON_HOLD


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "status": Status.ONGOING}, UPDATE_TEXT_MISSING),
        ({"text": "   ", "status": Status.ONGOING}, UPDATE_TEXT_MISSING),
        ({"text": "Words"}, STATUS_MISSING),
        ({"text": "Words", "status": "finished"}, STATUS_MISSING),
        ({"text": "Words", "status": Status.ONGOING, "rating": "999999"}, RATING_INVALID),
    ],
)
def test_update_validation_errors_in_govuk_style(
    signed_in: Callable[[User], Any],
    lead: User,
    small_plan: builders.SmallPlan,
    data: dict[str, str],
    message: str,
) -> None:
    action = small_plan.actions[0]
    response = signed_in(lead).post(_add_update_url(action), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in content
    assert 'class="govuk-error-summary"' in content
    assert content.count(escape(message)) == 2  # in the summary and beside the field
    assert action.updates.count() == 1


def test_rating_of_another_plan_is_refused(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    other = builders.plan(partnership=small_plan.plan.partnership, title="Other")
    foreign = other.ratings.get(code="R")
    response = signed_in(manager).post(
        _add_update_url(small_plan.actions[0]),
        {"text": "Words", "status": Status.ONGOING, "rating": foreign.pk},
    )
    assert escape(RATING_INVALID) in response.content.decode()
    assert not Update.objects.filter(text="Words").exists()


def test_after_an_update_from_my_actions_the_lead_is_back_on_my_actions(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    client = signed_in(lead)
    action = small_plan.actions[0]
    my_actions = reverse("plans:my-actions")
    page = client.get(my_actions).content.decode()
    link = f"{_add_update_url(action)}?next={my_actions}"
    assert link in page
    form = client.get(link).content.decode()
    assert f'name="next" value="{my_actions}"' in form
    response = client.post(
        _add_update_url(action),
        {"text": "Quick one", "status": Status.ONGOING, "next": my_actions},
        follow=True,
    )
    assert response.redirect_chain == [(my_actions, 302)]
    assert "Update added to action 1)" in response.content.decode()


def test_next_pointing_off_site_is_ignored(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    response = signed_in(lead).post(
        _add_update_url(action),
        {"text": "Words", "status": Status.ONGOING, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("plans:action", args=[action.pk])


def test_action_page_lists_updates_newest_first_with_what_they_set(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    amber = small_plan.plan.ratings.get(code="A")
    action_add_update(
        action=action,
        user=lead,
        text="Older update",
        status=Status.ONGOING,
        rating=None,
        reported_on=date(2026, 4, 1),
        period_label="Q1 2026-27",
    )
    action_add_update(
        action=action,
        user=lead,
        text="Newer update",
        status=Status.ONGOING,
        rating=amber,
        reported_on=date(2026, 7, 31),
    )
    content = signed_in(lead).get(reverse("plans:action", args=[action.pk])).content.decode()
    assert content.index("Newer update") < content.index("Older update")
    assert "31 July 2026" in content and "1 April 2026" in content
    assert "Q1 2026-27" in content
    # The author named in full with the initials the plan prints ("User 7 (LD)").
    assert f"{person_of(lead).name} (LD)</td>" in content
    assert 'app-rag--amber">Amber</strong>' in content


def test_action_page_shows_the_audit_trail_from_old_to_new(
    signed_in: Callable[[User], Any],
    manager: User,
    lead: User,
    small_plan: builders.SmallPlan,
) -> None:
    action = small_plan.actions[0]
    client = signed_in(manager)
    client.post(
        reverse("plans:action-edit", args=[action.pk]),
        {
            "number": "1)",
            "method": "Comms",
            "text": "Action 1.1 about anti-social behaviour",
            "due_text": "Summer 26",
            "status": Status.NOT_STARTED,
            "lead_people": [str(person_of(lead).pk)],
        },
    )
    amber = small_plan.plan.ratings.get(code="A")
    client.post(_add_update_url(action), {"text": "Going", "status": "ongoing", "rating": amber.pk})
    content = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "Method changed from Training to Comms" in content
    assert "By when changed from 31/3/2025 to Summer 26" in content
    assert "By when (as a date) changed from 31 March 2025 to 31 August 2026" in content
    assert "Status changed from Not started to On-going" in content
    assert "RAG rating changed from (blank) to Amber" in content
    assert "Update added by" in content and "Set status On-going, RAG Amber" in content
    assert "Changed by User" in content and "manager" in content
    # Newest first: the update's change comes before the edit.
    assert content.index("RAG rating changed") < content.index("Method changed")


def test_my_actions_lists_the_leads_live_actions_overdue_first(
    signed_in: Callable[[User], Any], make_member: Callable[..., User], partnership: Any
) -> None:
    user = make_member(Membership.Role.LEAD, username="inspector", initials="PI")
    live = builders.small_plan(partnership=partnership)
    archived = builders.small_plan(partnership=partnership)
    Plan.objects.filter(pk=archived.plan.pk).update(status=Plan.Status.ARCHIVED)
    # 1.2 (on-going, no date) and 2.1 (overdue) in the live plan; 1.1 of the archived one.
    for action in (live.actions[1], live.actions[2], archived.actions[0]):
        action.lead_people.add(person_of(user))
    content = signed_in(user).get(reverse("plans:my-actions")).content.decode()
    assert content.index("Action 2.1 about") < content.index("Action 1.2 about")
    assert content.count('<tr class="govuk-table__row" id="action-') == 2
    assert content.count(">Overdue</strong>") == 1
    for action in (live.actions[1], live.actions[2]):
        assert _add_update_url(action) in content
    assert _add_update_url(archived.actions[0]) not in content


def test_my_actions_for_someone_who_leads_nothing(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    content = signed_in(viewer).get(reverse("plans:my-actions")).content.decode()
    assert "You do not lead any actions in a live plan." in content


def test_a_retired_action_shows_why_and_offers_no_update(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    client = signed_in(manager)
    client.post(reverse("plans:action-retire", args=[action.pk]), {"reason": "Merged into 2)"})
    page = client.get(reverse("plans:action", args=[action.pk])).content.decode()
    assert "Merged into 2)" in page
    assert _add_update_url(action) not in page
    response = client.post(_add_update_url(action), {"text": "Words", "status": "ongoing"})
    assert response.status_code == 200
    assert escape(ACTION_RETIRED_NO_UPDATES) in response.content.decode()
    assert not action.updates.filter(text="Words").exists()


def test_my_actions_query_count_does_not_grow_with_the_actions(
    signed_in: Callable[[User], Any], make_member: Callable[..., User], partnership: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # large_plan makes JW lead a quarter of its actions; this user is JW.
    client = signed_in(make_member(Membership.Role.LEAD, initials="JW"))
    counts = []
    for size in (8, 400):
        builders.large_plan(partnership=partnership, actions=size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("plans:my-actions"))
        assert response.status_code == 200
        counts.append(len(queries.captured_queries))
    assert response.content.decode().count('<tr class="govuk-table__row" id="action-') == 102
    assert counts[0] == counts[1]
