"""A partnership manager brings an existing plan in through the upload page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.demo.seeds import NORFOLK_2013, NSDC_2026
from apps.partnerships.models import Membership
from apps.plans.models import Action, Plan
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_uploads_a_plan_reads_the_preview_confirms_and_finds_it(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership("Newark and Sherwood CSP")
    builders.member(partnership=partnership, role=Membership.Role.MANAGER, username="manager")
    sign_in("manager", "pw-for-tests-1")

    page.get_by_role(
        "link", name=re.compile("Create a new plan from a document or spreadsheet")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Create a plan from a document or spreadsheet"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the plan document")
    page.get_by_label("Plan document").set_input_files(str(NSDC_2026))
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan before importing")
    expect(page.get_by_text("14 objectives, 64 actions")).to_be_visible()
    expect(page.locator(".app-import-warnings li").first).to_contain_text("Line ")
    first = page.locator("summary").first
    expect(first).to_contain_text("Objective 1:")
    expect(first).to_contain_text("(19 actions)")
    first.click()
    expect(page.locator("details[open] tbody tr")).to_have_count(19)
    assert_no_axe_violations(page)
    assert not Plan.objects.exists()

    page.get_by_label(re.compile("^Live")).check()
    page.get_by_role("button", name="Create the plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Created 1 plan")
    plan = Plan.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(plan.title[:30])
    assert plan.status == Plan.Status.LIVE
    assert Action.objects.filter(objective__theme__plan=plan).count() == 64

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Partnerships").click()
    expect(page.get_by_role("link", name=str(plan), exact=True)).to_be_visible()


def test_manager_chooses_one_plan_from_a_pack_that_holds_two(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership("Norfolk County CSP")
    builders.member(partnership=partnership, role=Membership.Role.MANAGER, username="manager")
    sign_in("manager", "pw-for-tests-1")
    page.goto(f"{live_server.url}/import/")
    page.get_by_label("Plan document").set_input_files(str(NORFOLK_2013))
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_text("This document holds two plans")).to_be_visible()
    expect(page.locator("section h2")).to_have_count(2)
    expect(page.locator("section h2").nth(1)).to_contain_text("Domestic Homicide Review")
    assert_no_axe_violations(page)
    ccsp, dhr = page.get_by_role("group", name="Plans to create").get_by_role("checkbox").all()
    expect(dhr).to_be_checked()
    ccsp.uncheck()
    page.get_by_role("button", name="Create the chosen plans").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Created 1 plan")
    plan = Plan.objects.get()
    assert "Domestic Homicide Review" in plan.title
    assert Action.objects.filter(objective__theme__plan=plan).count() == 18
