"""Sign-in hardening in the browser: the lock-out message, and the idle time-out warning with
"Stay signed in". Time in the page passes with Playwright's fake clock, not by waiting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.accounts.forms import SIGN_IN_LOCKED_OUT
from apps.partnerships.models import Membership
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_the_govuk_message(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    builders.member(
        partnership=builders.partnership(), role=Membership.Role.LEAD, username="inspector.b"
    )
    for attempt in range(5):
        sign_in("inspector.b", f"Spring202{attempt}")
    sign_in("inspector.b", "pw-for-tests-1")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        SIGN_IN_LOCKED_OUT.format(minutes=15)
    )
    expect(page).to_have_title("Error: Sign in – SaferPlan")
    assert_no_axe_violations(page)


def test_a_quiet_user_is_warned_two_minutes_before_the_time_out_and_can_stay_signed_in(
    page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    builders.member(
        partnership=builders.partnership(), role=Membership.Role.VIEWER, username="officer.c"
    )
    page.clock.install()
    sign_in("officer.c", "pw-for-tests-1")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    warning = page.get_by_role("alert").filter(has_text="You will be signed out in 2 minutes")
    expect(warning).to_have_count(0)

    page.clock.run_for("27:00")
    expect(warning).to_have_count(0)
    page.clock.run_for("01:05")
    expect(warning).to_be_visible()
    assert_no_axe_violations(page)

    with page.expect_response(lambda response: "/accounts/keep-alive/" in response.url) as kept:
        page.get_by_role("button", name="Stay signed in").click()
    assert kept.value.status == 200
    expect(warning).to_have_count(0)
    # Half an hour on from the keep-alive the warning comes again, not before.
    page.clock.run_for("27:00")
    expect(warning).to_have_count(0)
    page.clock.run_for("01:05")
    expect(warning).to_be_visible()
