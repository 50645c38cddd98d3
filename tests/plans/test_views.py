"""Plan page, action page and adding an update, as a browser would see them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.partnerships.models import Membership, Organisation
from apps.plans.models import Status
from apps.plans.services.actions import UPDATE_TEXT_MISSING
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def _plan_url(small_plan: builders.SmallPlan, **query: str) -> str:
    url = reverse("plans:plan", args=[small_plan.plan.pk])
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return url


def _shown(response: Any) -> str:
    text = response.content.decode()
    start = text.index("Showing ")
    return text[start : text.index(" actions", start)]


def test_plan_page_renders_for_member(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    response = signed_in(viewer).get(_plan_url(small_plan))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Prevention" in content and "Response" in content
    assert "Action 1.1 about anti-social behaviour" in content
    assert "Overdue" in content
    assert 'class="govuk-tag app-rag app-rag--green">Green</strong>' in content
    assert "Not rated" in content
    assert "First update on 1.1" in content
    assert _shown(response) == "Showing 4 of 4"
    assert "Add an update" not in content


def test_plan_page_forbidden_to_another_partnership(
    signed_in: Callable[[User], Any], small_plan: builders.SmallPlan
) -> None:
    outsider = builders.member(partnership=builders.partnership(), role=Membership.Role.MANAGER)
    assert signed_in(outsider).get(_plan_url(small_plan)).status_code == 403


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": Status.ONGOING}, ["1.2", "2.2"]),
        ({"rating": "none"}, ["1.1", "2.1"]),
        ({"overdue": "1"}, ["1.1", "2.1"]),
        ({"tag": "asb"}, ["1.1", "1.2", "2.1", "2.2"]),
        ({"tag": "vawg"}, []),
        ({"q": "update on 2.1"}, ["2.1"]),
        ({"q": "ACTION 1.2"}, ["1.2"]),
    ],
)
def test_filters_narrow_the_actions(
    signed_in: Callable[[User], Any],
    viewer: User,
    small_plan: builders.SmallPlan,
    query: dict[str, str],
    expected: list[str],
) -> None:
    response = signed_in(viewer).get(_plan_url(small_plan, **query))
    _assert_shows(response, expected)


def _assert_shows(response: Any, expected: list[str]) -> None:
    assert response.status_code == 200
    content = response.content.decode()
    assert _shown(response) == f"Showing {len(expected)} of 4"
    for code in ["1.1", "1.2", "2.1", "2.2"]:
        assert (f"Action {code} about" in content) == (code in expected), code
    assert "Clear filters" in content


def test_filter_by_theme_objective_rating_and_lead(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    client = signed_in(lead)
    theme = small_plan.themes[1]
    _assert_shows(client.get(_plan_url(small_plan, theme=str(theme.pk))), ["2.1", "2.2"])
    objective = small_plan.objectives[0]
    _assert_shows(client.get(_plan_url(small_plan, objective=str(objective.pk))), ["1.1", "1.2"])
    green = small_plan.plan.ratings.get(code="G")
    _assert_shows(client.get(_plan_url(small_plan, rating=str(green.pk))), ["1.2", "2.2"])
    person_id = person_of(lead).pk
    _assert_shows(client.get(_plan_url(small_plan, lead=f"p{person_id}")), ["1.1"])
    csp = Organisation.objects.get(short_name="CSP")
    _assert_shows(
        client.get(_plan_url(small_plan, lead=f"o{csp.pk}")), ["1.1", "1.2", "2.1", "2.2"]
    )
    combined = client.get(_plan_url(small_plan, theme=str(theme.pk), status=Status.ONGOING))
    _assert_shows(combined, ["2.2"])


def test_lead_adds_update_and_it_shows_with_history(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    amber = small_plan.plan.ratings.get(code="A")
    client = signed_in(lead)
    url = reverse("plans:add-update", args=[action.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"text": "Training delivered to 40 staff", "status": Status.ONGOING, "rating": amber.pk},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("plans:action", args=[action.pk])
    action.refresh_from_db()
    assert action.status == Status.ONGOING
    assert action.rating == amber
    content = response.content.decode()
    assert "Training delivered to 40 staff" in content
    assert "Update added" in content
    assert "Status changed from Not started to On-going" in content
    assert "RAG rating changed from (blank) to Amber" in content
    assert 'app-rag--amber">Amber</strong>' in content


def test_update_without_text_shows_error(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    response = signed_in(manager).post(
        reverse("plans:add-update", args=[action.pk]), {"text": "  ", "status": Status.ONGOING}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert UPDATE_TEXT_MISSING in content
    assert "govuk-error-summary" in content
    assert "<title>Error: " in content
    assert action.updates.count() == 1


def test_viewer_cannot_add_update_and_sees_no_link(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    client = signed_in(viewer)
    page = client.get(reverse("plans:action", args=[action.pk]))
    assert page.status_code == 200
    assert "Add an update" not in page.content.decode()
    assert client.get(reverse("plans:add-update", args=[action.pk])).status_code == 403
    response = client.post(
        reverse("plans:add-update", args=[action.pk]), {"text": "x", "status": Status.ONGOING}
    )
    assert response.status_code == 403


def test_my_actions_lists_led_actions_with_update_link(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    response = signed_in(lead).get(reverse("plans:my-actions"))
    content = response.content.decode()
    assert "Action 1.1 about" in content
    assert "Action 1.2 about" not in content
    assert reverse("plans:add-update", args=[small_plan.actions[0].pk]) in content


def _plan_page_queries(client: Any, plan_id: int) -> int:
    """The page's own queries. The session's last-activity time is written at most once a minute
    (apps.core.sessions), so whether a request writes it depends on the clock, not the plan."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("plans:plan", args=[plan_id]))
    assert response.status_code == 200
    return sum("django_session" not in q["sql"] for q in context.captured_queries)


@pytest.mark.parametrize("role", [Membership.Role.MANAGER, Membership.Role.LEAD])
def test_plan_page_query_count_does_not_grow(
    signed_in: Callable[[User], Any], make_member: Callable[..., User], partnership: Any, role: str
) -> None:
    small = builders.large_plan(partnership=partnership, actions=10)
    large = builders.large_plan(partnership=partnership, actions=1_000)
    assert small.pk != large.pk
    client = signed_in(make_member(role))
    _plan_page_queries(client, small.pk)  # warm caches (session, content types)
    assert _plan_page_queries(client, small.pk) == _plan_page_queries(client, large.pk)
