"""As a partnership administrator I can bring an agency and its people on board."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.partnerships.models import Membership
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_administrator_adds_an_agency_and_makes_an_inspector_its_coordinator(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership("Sherwood Community Safety Partnership")
    builders.administrator(partnership=partnership, username="chair")
    inspector = builders.member(
        partnership=partnership, role=Membership.Role.LEAD, username="inspector", initials="AM"
    )
    sign_in("chair", "pw-for-tests-1")
    page.get_by_role("link", name=re.compile("Manage people and agencies")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People and agencies")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Manage organisations").click()
    page.get_by_role("button", name="Add an organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an organisation")
    page.get_by_label("Full name").fill("Nottinghamshire Police")
    page.get_by_role("button", name="Add organisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("short name")
    assert_no_axe_violations(page)
    page.get_by_label("Short name").fill("Notts Police")
    page.get_by_label("Other names (optional)").fill("Police\nNottinghamshire Constabulary")
    page.get_by_label("Police", exact=True).check()
    page.get_by_role("button", name="Add organisation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Nottinghamshire Police")
    expect(page.locator("table")).to_contain_text("Nottinghamshire Constabulary")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Back to people and agencies").click()
    page.get_by_role("link", name="Manage people").click()
    page.get_by_role("link", name=re.compile(r"^Edit User \d+ \(AM\)")).click()
    page.get_by_label("Full name (optional)").fill("Alex Morgan")
    page.get_by_label("Job title (optional)").fill("Inspector")
    page.get_by_label("Organisation (optional)").select_option(
        label="Nottinghamshire Police (Notts Police)"
    )
    page.get_by_label("Email address (optional)").fill("alex.morgan@example.org")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save person").click()
    expect(page.locator("table")).to_contain_text("Alex Morgan")
    expect(page.locator("table")).to_contain_text("Signs in as inspector")

    page.get_by_role("link", name="Back to people and agencies").click()
    page.get_by_role("link", name="Manage members").click()
    page.get_by_role("link", name="Change role of inspector").click()
    page.get_by_label("Agency coordinator").check()
    page.get_by_role("button", name="Save role").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "inspector is now Agency coordinator"
    )
    assert_no_axe_violations(page)
    assert inspector.memberships.get().role == Membership.Role.COORDINATOR

    # On a phone the members' table scrolls inside its box; the page itself does not widen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(page)
