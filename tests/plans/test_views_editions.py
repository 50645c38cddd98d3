"""The edition pages: What changed, rolling a plan forward, and checking matched actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Plan, PredecessorMatch, Status, Update
from apps.plans.rules import PLAN_ARCHIVED
from apps.plans.services.editions import MANAGER_SAYS_NEW, plan_match_predecessor_actions
from apps.plans.services.rollover import PERIOD_MISSING, TITLE_MISSING, plan_roll_forward
from tests import builders
from tests.builders import Editions, seed_action
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed_editions(module_db: ModuleDb) -> Editions:
    """The two seed editions, imported and matched once for the module."""
    with module_db():
        editions = builders.import_editions(builders.partnership())
        plan_match_predecessor_actions(plan=editions.new)
    return editions


@pytest.fixture
def partnership(request: pytest.FixtureRequest) -> Partnership:
    """The editions' partnership in tests that use them, so the members are theirs; else new."""
    if "editions" in request.fixturenames:
        shared: Editions = request.getfixturevalue("seed_editions")
        return Partnership.objects.get(pk=shared.new.partnership_id)
    return builders.partnership()


@pytest.fixture
def editions(seed_editions: Editions) -> Editions:
    return builders.editions_get(seed_editions)


def _text(response: Any) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_what_changed_on_the_seed_editions(
    signed_in: Callable[[User], Any], viewer: User, editions: Editions
) -> None:
    page = _text(signed_in(viewer).get(reverse("plans:what-changed", args=[editions.new.pk])))

    counts = re.search(r'<dl class="govuk-summary-list" id="change-counts">(.*?)</dl>', page)
    assert counts is not None
    pairs = re.findall(r"<dt[^>]*>([^<]+)</dt><dd[^>]*>(\d+)</dd>", counts.group(1))
    assert dict(pairs)["New actions"] == "2"
    assert dict(pairs)["Reworded"] == "4"
    assert dict(pairs)["Completed since the earlier edition"] == "12"
    assert dict(pairs)["Dropped (not carried forward)"] == "12"
    assert "19 carried forward (1 unchanged, 1 reworded, 5 completed), 0 new, 0 dropped" in page
    nine = seed_action(editions.new, 1, "9)")
    row = re.search(rf'id="change-carried-{nine.pk}">(.*?)</tr>', page)
    assert row is not None
    assert "By when: April 2025 → Completed" in row.group(1)
    assert "Status: Not recorded → Completed" in row.group(1)
    # Reworded text: struck-out and inserted words, each announced in words.
    assert (
        '<del><span class="govuk-visually-hidden">[removed: </span>warn'
        '<span class="govuk-visually-hidden">]</span></del>'
        '<ins><span class="govuk-visually-hidden">[added: </span>worn' in page
    )
    assert "review how actions were matched" not in page  # a viewer does not manage


def test_plan_page_links_to_edition_pages(
    signed_in: Callable[[User], Any], manager: User, viewer: User, editions: Editions
) -> None:
    what_changed = reverse("plans:what-changed", args=[editions.new.pk])
    roll = reverse("plans:plan-roll-forward", args=[editions.new.pk])
    matches = reverse("plans:plan-matches", args=[editions.new.pk])
    for user, managing in [(manager, True), (viewer, False)]:
        page = _text(signed_in(user).get(reverse("plans:plan", args=[editions.new.pk])))
        assert what_changed in page
        assert (roll in page, matches in page) == (managing, managing)
    # The archived 2025 edition has no earlier one and cannot be rolled forward; archived plans
    # are read-only (issue 11), so not even its manager is offered its settings.
    old = editions.old.pk
    old_page = _text(signed_in(manager).get(reverse("plans:plan", args=[old])))
    assert reverse("plans:what-changed", args=[old]) not in old_page
    assert reverse("plans:plan-roll-forward", args=[old]) not in old_page
    assert reverse("plans:plan-settings", args=[old]) not in old_page
    assert "This plan is archived: it can no longer be changed" in old_page
    viewer_page = _text(signed_in(viewer).get(reverse("plans:plan", args=[old])))
    assert 'id="edition-links"' not in viewer_page


def test_what_changed_query_count_does_not_grow_with_the_plan(
    signed_in: Callable[[User], Any], partnership: Partnership, manager: User
) -> None:
    client = signed_in(builders.member(partnership=partnership, role=Membership.Role.VIEWER))
    counts = []
    for size in (10, 10, 200):
        old = builders.large_plan(partnership=partnership, actions=size)
        new = plan_roll_forward(plan=old, user=manager, title="Next", period_label="2027-28")
        # Made live, as the partnership would before its viewers read it (drafts are hidden).
        Plan.objects.filter(pk=new.pk).update(status=Plan.Status.LIVE)
        new_actions = list(Action.objects.filter(objective__theme__plan=new))
        Update.objects.bulk_create(
            Update(action=a, text="Since rollover", reported_on=date(2026, 6, 1))
            for a in new_actions
        )
        Action.objects.filter(pk__in=[a.pk for a in new_actions[::3]]).update(text="Reworded")
        with CaptureQueriesContext(connection) as queries:
            page = _text(client.get(reverse("plans:what-changed", args=[new.pk])))
        assert "Since rollover" in page
        counts.append(len(queries.captured_queries))
    assert counts[1] == counts[2]


def test_roll_forward_form_and_journey(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    plan = small_plan.plan
    done = small_plan.actions[0]
    done.status = Status.COMPLETED
    done.save()
    client = signed_in(manager)
    url = reverse("plans:plan-roll-forward", args=[plan.pk])
    form = _text(client.get(url))
    assert "All 1 completed actions" in form
    assert f'value="{done.pk}"' in form
    assert 'value="Delivery Plan"' in form  # the title is offered as it was

    error = _text(client.post(url, {"title": "Delivery Plan", "period_label": ""}))
    assert PERIOD_MISSING in error and "There is a problem" in error
    empty = _text(client.post(url, {}))
    assert TITLE_MISSING in empty and PERIOD_MISSING in empty
    assert Plan.objects.filter(predecessor=plan).count() == 0

    response = client.post(
        url, {"title": "Delivery Plan", "period_label": "2027-28", "all_completed": "on"}
    )
    new = Plan.objects.get(predecessor=plan)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan", args=[new.pk])
    banner = _text(client.get(response["Location"]))
    assert "“Delivery Plan (2027-28)” created as a draft with 4 actions." in banner
    assert "govuk-notification-banner--success" in banner
    assert Action.objects.filter(objective__theme__plan=new, predecessor=done).exists()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ARCHIVED
    # Now archived, so read-only: a second post is refused, saying why, and does nothing.
    again = client.post(url, {"title": "Again", "period_label": "2028-29"})
    assert again.status_code == 403
    assert PLAN_ARCHIVED in again.content.decode()
    assert Plan.objects.filter(predecessor=plan).count() == 1


def test_manager_corrects_a_match(
    signed_in: Callable[[User], Any], manager: User, editions: Editions
) -> None:
    client = signed_in(manager)
    review = _text(client.get(reverse("plans:plan-matches", args=[editions.new.pk])))
    assert "Matched automatically, 90% confidence" in review
    assert "Same objective, number 6) became 5), same wording" in review

    new = seed_action(editions.new, 1, "1)")
    url = reverse("plans:action-predecessor", args=[new.pk])
    # Each linked action can be unlinked from the review page itself, without JavaScript.
    assert (
        review.count('<input type="hidden" name="predecessor" value="new"><button type="submit"')
        == 62
    )
    assert f'<form method="post" action="{url}"' in review
    choose = _text(client.get(url))
    assert '<optgroup label="Objective 1">' in choose
    assert f'<option value="{new.predecessor_id}" selected>' in choose

    response = client.post(url, {"predecessor": "new"})
    assert response.status_code == 302
    assert response["Location"].endswith("/matches/#objective-1")
    new.refresh_from_db()
    assert (new.predecessor, new.predecessor_match) == (None, PredecessorMatch.MANAGER)
    assert new.predecessor_reason == MANAGER_SAYS_NEW
    assert new.history.first().history_user == manager

    bad = _text(client.post(url, {"predecessor": str(new.pk)}))
    assert "Choose an action from the plan’s earlier edition" in bad

    rematch = client.post(reverse("plans:plan-matches", args=[editions.new.pk]))
    assert rematch.status_code == 302
    page = _text(client.get(rematch["Location"]))
    assert "61 actions matched automatically, 2 not matched, 1 kept as decided" in page
    new.refresh_from_db()
    assert new.predecessor is None


def test_pages_need_an_earlier_edition(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client = signed_in(manager)
    page = _text(client.get(reverse("plans:what-changed", args=[small_plan.plan.pk])))
    assert "This plan has no earlier edition to compare it with." in page
    assert client.get(reverse("plans:plan-matches", args=[small_plan.plan.pk])).status_code == 404
    predecessor = reverse("plans:action-predecessor", args=[small_plan.actions[0].pk])
    assert client.get(predecessor).status_code == 404
