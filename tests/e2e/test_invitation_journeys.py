"""As a partnership administrator I invite a colleague, who sets a password from the emailed
link and joins; as somebody who has forgotten my password I reset it by email."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from apps.accounts.services import user_create
from apps.partnerships.models import Membership
from apps.partnerships.services import membership_add
from tests import builders
from tests.builders import roles
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "kettle orbit meadow lantern"


def _link(pattern: str) -> str:
    found = re.search(pattern, str(mail.outbox[-1].body))
    assert found is not None
    return found[0]


def test_administrator_invites_a_police_inspector_who_joins(
    page: Page, browser: Browser, sign_in: Callable[[str, str], Page], live_server: Any
) -> None:
    partnership = builders.partnership(name="Riverside CSP")
    builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Nottinghamshire Police"
    )
    admin = builders.member(partnership=partnership, role=Membership.Role.MANAGER, username="ann")
    Membership.objects.filter(user=admin).update(is_administrator=True)
    sign_in("ann", "pw-for-tests-1")
    page.get_by_role("link", name="Invite someone").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite someone")
    assert_no_axe_violations(page)
    page.get_by_label("Email address").fill("jane.smith@notts.police.example.uk")
    page.get_by_label("Who they are among the partnership’s people").select_option(
        label="Jane Smith (JS)"
    )
    page.get_by_label("Agency coordinator").check()
    page.get_by_label("Their agency").select_option(label="Nottinghamshire Police (Police)")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitations not yet accepted")
    expect(page.get_by_role("table")).to_contain_text("jane.smith@notts.police.example.uk")
    assert_no_axe_violations(page)

    link = _link(r"http://\S+/accounts/invitation/\S+/")
    invitee = browser.new_context(locale="en-GB").new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Join Riverside CSP")
    assert_no_axe_violations(invitee)
    invitee.get_by_label("Create a password").fill("too short")
    invitee.get_by_label("Confirm your password").fill("too short")
    invitee.get_by_role("button", name="Set password and join").click()
    expect(invitee.locator(".govuk-error-summary")).to_contain_text("12 characters or more")
    assert_no_axe_violations(invitee)
    invitee.get_by_label("Create a password").fill(PASSPHRASE)
    invitee.get_by_label("Confirm your password").fill(PASSPHRASE)
    invitee.get_by_role("button", name="Set password and join").click()
    expect(invitee.get_by_role("heading", level=2, name="Riverside CSP")).to_be_visible()
    expect(invitee.locator(".govuk-notification-banner")).to_contain_text("You have joined")
    assert_no_axe_violations(invitee)
    user = User.objects.get(email="jane.smith@notts.police.example.uk")
    assert user.people.get().initials == "JS"
    assert user.people.get().organisation == police
    invitee.context.close()


def test_user_resets_a_forgotten_password(
    page: Page, sign_in: Callable[[str, str], Page], live_server: Any
) -> None:
    partnership = builders.partnership(name="Riverside CSP")
    user = user_create(
        username="sam@example.org", password="old pass phrase", email="sam@example.org"
    )
    membership_add(partnership=partnership, user=user, role=Membership.Role.VIEWER, by=None)
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    assert_no_axe_violations(page)
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_no_axe_violations(page)
    page.goto(_link(r"http://\S+/accounts/password/reset/\S+/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    assert_no_axe_violations(page)
    page.get_by_label("New password", exact=True).fill(PASSPHRASE)
    page.get_by_label("Confirm new password").fill(PASSPHRASE)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been reset")
    assert_no_axe_violations(page)
    sign_in("sam@example.org", PASSPHRASE)
    expect(page.get_by_role("heading", level=2, name="Riverside CSP")).to_be_visible()
