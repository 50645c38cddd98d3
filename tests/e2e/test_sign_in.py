"""As anybody with an account I can sign in, and nobody without one sees a plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.forms import SIGN_IN_INVALID
from apps.partnerships.models import Membership
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_anonymous_visitor_is_sent_to_sign_in(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/sign-in/?next=/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to SaferPlan")
    assert_no_axe_violations(page)


def test_wrong_password_shows_error_summary(
    page: Page, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership()
    builders.member(partnership=partnership, role=Membership.Role.VIEWER, username="amy")
    sign_in("amy", "not-the-password")
    expect(page.locator(".govuk-error-summary")).to_contain_text(SIGN_IN_INVALID)
    expect(page).to_have_title("Error: Sign in – SaferPlan")
    assert_no_axe_violations(page)


def test_member_signs_in_and_sees_partnership(
    page: Page, sign_in: Callable[[str, str], Page]
) -> None:
    partnership = builders.partnership(name="Riverside CSP")
    builders.member(partnership=partnership, role=Membership.Role.VIEWER, username="amy")
    sign_in("amy", "pw-for-tests-1")
    expect(page.get_by_role("heading", level=2, name="Riverside CSP")).to_be_visible()
    assert_no_axe_violations(page)
