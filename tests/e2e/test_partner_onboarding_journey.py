"""As a partnership administrator I add the police as an agency, make them lead two actions and
invite their inspector as agency coordinator; as that inspector I join from the emailed link,
turn on two-factor sign-in and update both of my agency's actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from apps.accounts.models import SecurityEvent
from apps.partnerships.models import Membership, Organisation
from apps.plans.models import Action, Status
from tests import builders
from tests.builders.accounts import code_from_secret
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "harbour violet tandem quarry"
INSPECTOR = "rachel.green@riverside.police.example.uk"


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    assert_no_axe_violations(page)


def test_administrator_brings_in_a_police_inspector_who_updates_her_agencys_actions(
    page: Page, browser: Browser, sign_in: Callable[[str, str], Page], live_server: Any
) -> None:
    partnership = builders.partnership(name="Riverside CSP")
    small = builders.small_plan(partnership=partnership)
    ours = [small.actions[0], small.actions[2]]  # one in each theme
    builders.administrator(partnership=partnership, username="ann")

    # The administrator adds the police as an agency.
    sign_in("ann", "pw-for-tests-1")
    page.get_by_role("link", name=re.compile("Manage people and agencies")).click()
    _heading(page, "People and agencies")
    page.get_by_role("link", name="Manage organisations").click()
    page.get_by_role("button", name="Add an organisation").click()
    _heading(page, "Add an organisation")
    page.get_by_label("Full name").fill("Riverside Constabulary")
    page.get_by_label("Short name").fill("Police")
    page.get_by_label("Police", exact=True).check()
    page.get_by_role("button", name="Add organisation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Riverside Constabulary")
    assert_no_axe_violations(page)
    police = Organisation.objects.get(partnership=partnership, short_name="Police")

    # ... makes them lead two actions ...
    for action in ours:
        page.goto(f"{live_server.url}/plans/actions/{action.pk}/")
        page.get_by_role("link", name=re.compile("^Edit action")).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Edit action")
        page.get_by_role("group", name="Lead organisations").get_by_label(
            re.compile("Riverside Constabulary")
        ).check()
        page.get_by_role("button", name=re.compile("^Save")).click()
        expect(page.locator(".govuk-notification-banner")).to_be_visible()
    assert_no_axe_violations(page)
    assert set(police.led_actions.all()) == set(ours)

    # ... and invites their inspector as agency coordinator.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Partnerships").click()
    page.get_by_role("link", name=re.compile("^Invite someone")).click()
    _heading(page, "Invite someone")
    page.get_by_label("Email address").fill(INSPECTOR)
    page.get_by_label("Full name").fill("Rachel Green")
    page.get_by_label("Agency coordinator").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the agency they work for")
    assert_no_axe_violations(page)
    page.get_by_label("Their agency").select_option(label="Riverside Constabulary (Police)")
    page.get_by_role("button", name="Send the invitation").click()
    _heading(page, "Invitations not yet accepted")
    expect(page.get_by_role("table")).to_contain_text(
        "Agency coordinator for Riverside Constabulary"
    )

    # The inspector opens the link in the email ...
    (email,) = mail.outbox
    assert email.to == [INSPECTOR]
    assert "as agency coordinator for Riverside Constabulary" in str(email.body)
    found = re.search(r"http://\S+/accounts/invitation/\S+/", str(email.body))
    assert found is not None
    inspector = browser.new_context(locale="en-GB").new_page()
    inspector.set_default_timeout(10_000)
    inspector.goto(found[0])
    _heading(inspector, "Join Riverside CSP")
    inspector.get_by_label("Create a password").fill(PASSPHRASE)
    inspector.get_by_label("Confirm your password").fill(PASSPHRASE)
    inspector.get_by_role("button", name="Set password and join").click()
    _heading(inspector, "Your partnerships")
    user = User.objects.get(email=INSPECTOR)
    assert user.memberships.get().role == Membership.Role.COORDINATOR
    assert user.people.get().organisation == police

    # ... turns on two-factor sign-in with a code her app would show ...
    inspector.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Two-factor sign-in"
    ).click()
    _heading(inspector, "Two-factor sign-in")
    inspector.get_by_role("link", name="Set up two-factor sign-in").click()
    _heading(inspector, "Set up two-factor sign-in")
    inspector.get_by_text("I cannot scan the QR code").click()
    secret = inspector.locator("#two-factor-secret").inner_text()
    inspector.get_by_label("Code from your authenticator app").fill(code_from_secret(secret))
    inspector.get_by_role("button", name="Turn on two-factor sign-in").click()
    _heading(inspector, "Your recovery codes")
    expect(inspector.locator("#recovery-codes li")).to_have_count(10)
    inspector.get_by_role("link", name="I have kept my recovery codes").click()
    _heading(inspector, "Your partnerships")
    assert SecurityEvent.objects.filter(user=user, kind=SecurityEvent.Kind.TWO_FACTOR_ON).exists()

    # ... and updates both actions her agency leads.
    inspector.get_by_role("link", name="your agency’s actions").click()
    _heading(inspector, "Your agency’s actions")
    rows = inspector.locator("table.app-actions-table tbody tr")
    expect(rows).to_have_count(2)
    for number, action in enumerate(ours, start=1):
        inspector.goto(f"{live_server.url}/plans/agency/")
        inspector.locator(f'a[href="/plans/actions/{action.pk}/"]').first.click()
        inspector.get_by_role("link", name="Add an update").click()
        expect(inspector.get_by_role("heading", level=1)).to_contain_text("Add an update")
        assert_no_axe_violations(inspector)
        inspector.get_by_label("Update", exact=True).fill(
            f"Neighbourhood team patrol {number} held with the council's wardens."
        )
        inspector.get_by_label("Completed").check()
        inspector.get_by_label("Green").check()
        inspector.get_by_role("button", name="Save update").click()
        expect(inspector.locator(".govuk-notification-banner")).to_be_visible()
        assert_no_axe_violations(inspector)
    for number, action in enumerate(ours, start=1):
        fresh = Action.objects.get(pk=action.pk)
        latest = fresh.updates.order_by("-pk").first()
        assert latest is not None
        assert latest.text.startswith(f"Neighbourhood team patrol {number}")
        assert (fresh.status, fresh.rating.label if fresh.rating else "") == (
            Status.COMPLETED,
            "Green",
        )
        assert latest.created_by == user
    inspector.context.close()
