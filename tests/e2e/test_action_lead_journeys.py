"""Journeys on the demo partnership, as its real users would take them."""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from apps.demo.loader import DEMO_PARTNERSHIP
from apps.partnerships.models import Person
from apps.plans.models import Action, Plan
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo() -> Plan:
    call_command("load_demo", "--allow-demo-users", stdout=StringIO())
    return Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)


def test_action_lead_filters_to_own_actions_and_adds_an_update(
    demo: Plan, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    """As an action lead I can find my actions on the plan, add an update and see it recorded."""
    sign_in("ys", "demo")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your partnerships")
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("2026-27")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026-27")
    assert_no_axe_violations(page)
    ys = Person.objects.get(initials="YS", partnership=demo.partnership)
    page.get_by_label("Lead").select_option(value=f"p{ys.pk}")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(rf"lead=p{ys.pk}"))
    led = Action.objects.filter(objective__theme__plan=demo, lead_people=ys).count()
    expect(page.get_by_text(re.compile(rf"Showing {led} of"))).to_be_visible()

    action = Action.objects.filter(objective__theme__plan=demo, lead_people=ys).first()
    assert action is not None
    page.goto(f"{live_server.url}/plans/actions/{action.pk}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add an update").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Add an update")
    assert_no_axe_violations(page)
    page.get_by_label("Update", exact=True).fill(
        "Walkabout with the beat team held on 20 November."
    )
    page.get_by_label("Completed").check()
    page.get_by_label("Green").check()
    page.get_by_role("button", name="Save update").click()

    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    expect(page.get_by_text("Walkabout with the beat team held on 20 November.")).to_be_visible()
    expect(page.locator("body")).to_contain_text("ys")
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/plans/{demo.pk}/?q=Walkabout+with+the+beat+team")
    expect(page.get_by_text(re.compile(r"Showing 1 of"))).to_be_visible()
    action.refresh_from_db()
    assert action.status == "completed"
    assert action.rating is not None and action.rating.label == "Green"


def test_viewer_cannot_see_the_update_form(
    demo: Plan, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    """As a viewer I can read an action but not update it."""
    action = Action.objects.filter(objective__theme__plan=demo).first()
    assert action is not None
    sign_in("viewer", "demo")
    page.goto(f"{live_server.url}/plans/actions/{action.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Add an update")).to_have_count(0)
    response = page.goto(f"{live_server.url}/plans/actions/{action.pk}/updates/new/")
    assert response is not None and response.status == 403
    assert_no_axe_violations(page)
