"""A partnership manager reads what changed between the demo's two editions, then rolls the
live plan forward to the next period."""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from apps.demo.loader import DEMO_PARTNERSHIP
from apps.plans.models import Action, Plan
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo() -> Plan:
    call_command("load_demo", "--allow-demo-users", stdout=StringIO())
    return Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)


def test_manager_reads_what_changed_and_rolls_the_plan_forward(
    demo: Plan, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    """As a partnership manager I can see what changed since last year and start next year's."""
    sign_in("demo", "demo")
    page.goto(f"{live_server.url}/plans/{demo.pk}/")
    page.get_by_role("link", name="What changed since the earlier edition").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What changed")
    nine = Action.objects.get(objective__theme__plan=demo, objective__number=1, number="9)")
    row = page.locator(f"#change-carried-{nine.pk}")
    expect(row).to_contain_text("April 2025 → Completed")
    expect(page.locator("#objective-1-counts")).to_contain_text("19 carried forward")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="review how actions were matched").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check how actions were matched")
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/plans/{demo.pk}/")
    page.get_by_role("button", name="Roll forward to next period").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roll forward to the next period")
    assert_no_axe_violations(page)
    page.get_by_label("Title of the new plan").fill("Community Safety Partnership Delivery Plan")
    page.get_by_label("Period the new plan covers").fill("2027-28")
    page.get_by_label(re.compile(r"Objective 1, action 9\)")).check()
    page.get_by_role("button", name="Roll forward and archive this plan").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("created as a draft")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2027-28")
    expect(page.locator("body")).to_contain_text("Draft")
    assert_no_axe_violations(page)
    new = Plan.objects.get(predecessor=demo)
    assert new.status == Plan.Status.DRAFT
    assert Action.objects.filter(objective__theme__plan=new, predecessor=nine).exists()
    demo.refresh_from_db()
    assert demo.status == Plan.Status.ARCHIVED
