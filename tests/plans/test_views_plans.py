"""The plan page's filters, as bookmarkable query strings, and the partnership home page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from apps.partnerships.models import Membership
from apps.plans.models import Action, Plan, Status, Tag
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db

CODES = ["1.1", "1.2", "2.1", "2.2"]


def _get(client: Any, small_plan: builders.SmallPlan, **query: str) -> str:
    url = reverse("plans:plan", args=[small_plan.plan.pk])
    response = client.get(f"{url}?{urlencode(query)}" if query else url)
    assert response.status_code == 200
    return str(response.content.decode())


def _shown(content: str) -> list[str]:
    return [code for code in CODES if f"Action {code} about" in content]


def test_search_covers_sub_items_and_is_case_insensitive(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[3]
    action.sub_items = ["Hate crime", "Café patrols"]
    action.save()
    client = signed_in(viewer)
    assert _shown(_get(client, small_plan, q="HATE CRIME")) == ["2.2"]
    assert _shown(_get(client, small_plan, q="café")) == ["2.2"]
    assert "Showing 1 of 4 actions" in _get(client, small_plan, q="hate")


def test_search_counts_an_action_once_however_many_updates_match(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    action.updates.create(text="First update on 1.1, again")
    content = _get(signed_in(viewer), small_plan, q="first update on 1.1")
    assert "Showing 1 of 4 actions" in content
    assert content.count('id="action-', content.index("Showing")) == 1


def test_filters_combine_and_round_trip_in_the_form(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    theme = small_plan.themes[0]
    query = {
        "theme": str(theme.pk),
        "lead": f"p{person_of(lead).pk}",
        "status": Status.NOT_STARTED,
        "rating": "none",
        "overdue": "1",
        "tag": "asb",
        "q": "behaviour",
    }
    content = _get(signed_in(lead), small_plan, **query)
    assert _shown(content) == ["1.1"]
    assert "Showing 1 of 4 actions" in content
    assert f'<option value="{theme.pk}" selected>' in content
    assert f'<option value="p{person_of(lead).pk}" selected>' in content
    assert f'<option value="{Status.NOT_STARTED}" selected>' in content
    assert '<option value="none" selected>' in content
    assert '<option value="asb" selected>' in content
    assert 'name="overdue" type="checkbox" value="1" checked' in content
    assert 'name="q" type="search" value="behaviour"' in content
    assert f'href="{reverse("plans:plan", args=[small_plan.plan.pk])}">Clear filters' in content
    # Changing one filter of the combination leaves nothing: filters are ANDed.
    assert _shown(_get(signed_in(lead), small_plan, **{**query, "status": Status.ONGOING})) == []


def test_unusable_filter_values_are_ignored(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    content = _get(
        signed_in(viewer), small_plan, theme="x", lead="q1", status="nonsense", rating="R"
    )
    assert _shown(content) == CODES


def test_overdue_is_shown_in_words(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    content = _get(signed_in(viewer), small_plan)
    # Actions x.1 are due 31/3/2025 and not started; x.2 are on-going with no date.
    assert content.count(">Overdue</strong>") == 2
    assert "31/3/2025" in content


def test_tag_filter_uses_the_tag_slug(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    vawg = Tag.objects.create(name="VAWG", slug="vawg")
    small_plan.actions[2].tags.add(vawg)
    assert _shown(_get(signed_in(viewer), small_plan, tag="vawg")) == ["2.1"]


def test_retired_actions_are_hidden_unless_asked_for(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    Action.objects.filter(pk=small_plan.actions[1].pk).update(
        retired_at=timezone.now(), retired_reason="Merged"
    )
    client = signed_in(viewer)
    content = _get(client, small_plan)
    assert _shown(content) == ["1.1", "2.1", "2.2"]
    assert "Showing 3 of 3 actions" in content
    content = _get(client, small_plan, retired="1")
    assert _shown(content) == CODES
    assert "Showing 4 of 4 actions" in content
    assert ">Retired</strong>" in content
    assert 'name="retired" type="checkbox" value="1" checked' in content


def test_htmx_gets_the_results_alone(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    url = reverse("plans:plan", args=[small_plan.plan.pk]) + "?status=ongoing"
    response = signed_in(viewer).get(url, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="plan-results"')
    assert "<html" not in content
    assert _shown(content) == ["1.2", "2.2"]
    assert "HX-Request" in response["Vary"]


def test_plan_page_shows_its_status_summary(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    content = _get(signed_in(viewer), small_plan)
    assert "app-rag--green" in content
    assert "On-going 2/4 (50%)" in content
    assert "2 overdue actions" in content


def test_latest_update_shows_with_its_date(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    action.updates.create(text="Newest words " * 40, reported_on=date(2026, 7, 31))
    action.updates.create(text="Older words", reported_on=date(2026, 1, 2))
    content = _get(signed_in(viewer), small_plan)
    assert "<strong>31 July 2026</strong>" in content
    assert "Newest words " * 5 in content
    assert "Newest words " * 40 not in content  # truncated
    assert "Older words" not in content


def test_home_lists_plans_with_summaries_live_first(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    archived = builders.plan(
        partnership=small_plan.plan.partnership, title="Old plan", status=Plan.Status.ARCHIVED
    )
    other = builders.small_plan(partnership=builders.partnership())
    content = signed_in(viewer).get(reverse("plans:home")).content.decode()
    live_link = reverse("plans:plan", args=[small_plan.plan.pk])
    assert content.index(live_link) < content.index(reverse("plans:plan", args=[archived.pk]))
    assert reverse("plans:plan", args=[other.plan.pk]) not in content
    assert 'app-rag--green">Green</strong> 2/4 (50%)' in content
    assert "Not rated</strong> 2/4 (50%)" in content
    assert "On-going 2/4 (50%)" in content
    assert "Not started 2/4 (50%)" in content
    assert "2 overdue" in content
    assert ">Live</strong>" in content and ">Archived</strong>" in content
    assert "Your role: Viewer" in content


def test_home_for_someone_without_a_partnership(
    signed_in: Callable[[User], Any], small_plan: builders.SmallPlan
) -> None:
    user = User.objects.create_user(username="newcomer", password="pw-for-tests-1")
    content = signed_in(user).get(reverse("plans:home")).content.decode()
    assert "You are not a member of any partnership yet" in content


def test_viewer_query_count_is_the_same_for_small_and_large_plans(
    signed_in: Callable[[User], Any], make_member: Callable[..., User], partnership: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = builders.large_plan(partnership=partnership, actions=10)
    large = builders.large_plan(partnership=partnership, actions=300)
    client = signed_in(make_member(Membership.Role.VIEWER))
    counts = []
    for plan in (small, small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                reverse("plans:plan", args=[plan.pk]) + "?q=reduce&tag=asb&overdue=1"
            )
        assert response.status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[1] == counts[2]
