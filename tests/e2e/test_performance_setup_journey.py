"""An analyst sets up a priority and a measure on the pages, correcting what the forms point out."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.partnerships.models import Membership
from apps.performance.models import Priority
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_analyst_sets_up_a_priority_and_a_comparator_measure(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership("Bassetlaw CSP")
    builders.small_plan(partnership=partnership)
    analyst = builders.member(partnership=partnership, role=Membership.Role.ANALYST)
    sign_in(analyst.username, "pw-for-tests-1")
    page.goto(f"{live_server.url}/performance/partnerships/{partnership.pk}/")
    page.get_by_role("link", name="Add a priority").click()
    page.get_by_label("Code").fill("A")
    page.get_by_role("button", name="Add priority").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the title")
    assert_no_axe_violations(page)

    page.get_by_label("Title", exact=True).fill("Reduce repeat victimisation")
    page.get_by_label("Lead officer (optional)").fill("Community Safety Manager")
    page.get_by_text(re.compile(r"Plan objectives \(")).click()
    page.get_by_label(re.compile(r"objective 1\.")).first.check()
    page.get_by_role("button", name="Add priority").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Priority A added")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priority A. Reduce repeat")
    priority = Priority.objects.get(partnership=partnership, code="A")
    assert [o.number for o in priority.plan_objectives.all()] == [1]
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Add a measure").click()
    page.get_by_label("Title", exact=True).fill("Repeat victims of domestic abuse")
    page.get_by_label("Percentage", exact=True).check()
    page.get_by_label("Lower is better").check()
    page.get_by_label(re.compile("Stay below or above a comparator")).check()
    page.get_by_role("button", name="Add measure").click()
    expect(summary).to_contain_text("Enter what the measure is compared with")
    assert_no_axe_violations(page)

    page.get_by_label("Compared with").fill("the national rate")
    page.get_by_role("button", name="Add measure").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("added")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Below the national rate")
    expect(page.get_by_role("link", name=re.compile("Edit measure"))).to_be_visible()
    assert_no_axe_violations(page)
