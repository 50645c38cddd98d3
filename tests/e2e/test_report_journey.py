"""As a partnership manager I define a board report, read it, and switch to the public version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.partnerships.models import Membership
from apps.performance.models import Measure
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_defines_and_reads_a_board_report(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership("Test CSP")
    small = builders.small_plan(partnership=partnership)
    author = builders.person(partnership=partnership, initials="AB", name="Alice Bloggs")
    small.actions[0].updates.create(text="Checked by Alice Bloggs", author=author)
    priority = builders.priority(partnership=partnership)
    builders.figures(
        measure=builders.measure(priority=priority, unit=Measure.Unit.COUNT),
        values=[130, 120, 128, 119, 125, 122, 118, 121, 117, 124, 120, 119, 90],
    )
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    user.set_password("pw-for-tests-1")
    user.save()

    sign_in(user.username, "pw-for-tests-1")
    page.goto(f"{live_server.url}/reports/partnerships/{partnership.pk}/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Define a new report").click()
    page.get_by_label("Title").fill("Board report Q3")
    page.get_by_label("Delivery Plan (2026-27)").check()
    page.get_by_label(str(priority)).check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save the report").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Board report Q3")
    expect(page.locator("#section-delivery_plan")).to_be_visible()
    expect(page.locator(".app-report-chart svg")).to_have_count(1)
    expect(page.get_by_text("Checked by Alice Bloggs")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Show the public version").click()
    expect(page.get_by_text("Checked by AB")).to_be_visible()
    expect(page.get_by_text("Alice Bloggs")).to_have_count(0)
    href = page.get_by_role("link", name="PDF").get_attribute("href") or ""
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")
