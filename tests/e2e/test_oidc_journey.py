"""As a police inspector whose force signs her in, I sign in to SaferPlan with my force's
account, and somebody the partnership never invited is turned away.

The identity provider is real: a small Django project using django-oidc-provider
(tests/oidc_provider_site), started here in a subprocess on a loopback port with its own
throwaway database, an RSA signing key, SaferPlan as its client and its own users.
"""

from __future__ import annotations

import io
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from apps.accounts.single_sign_on.backend import NOBODY_WITH_EMAIL
from apps.partnerships.models import Membership
from config.env import BASE_DIR
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT_ID = "saferplan-test"
CLIENT_SECRET = "test-provider-secret-not-used-elsewhere"
SECRET_VARIABLE = "OIDC_CLIENT_SECRET_TEST_PROVIDER"
STARTUP_SECONDS = 60  # migrating a new SQLite database and making an RSA key, on a busy machine


@dataclass
class Provider:
    url: str
    log: Path


def _wait_until_ready(process: subprocess.Popen[str], log: Path) -> int:
    """The port the provider printed once ready; fails (never hangs) after STARTUP_SECONDS."""
    assert process.stdout is not None
    watch = selectors.DefaultSelector()
    watch.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + STARTUP_SECONDS
    while (left := deadline - time.monotonic()) > 0:
        if not watch.select(timeout=left):
            break
        line = process.stdout.readline()
        if line.startswith("READY "):
            return int(line.split()[1])
        if not line and process.poll() is not None:
            break
    pytest.fail(f"the test OIDC provider did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def provider(live_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("oidc-provider")
    log = folder / "provider.log"
    callback = live_server.url + reverse("accounts:single-sign-on-callback")
    command = [
        sys.executable,
        "-m",
        "tests.oidc_provider_site.serve",
        "--database",
        str(folder / "provider.sqlite3"),
        "--redirect-uri",
        callback,
        "--client-id",
        CLIENT_ID,
        "--client-secret",
        CLIENT_SECRET,
        "--user",
        "inspector:force-password-1:Jo.Bloggs@notts.police.uk",
        "--user",
        "stranger:force-password-2:sam.stranger@notts.police.uk",
    ]
    with log.open("w") as errors:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        try:
            port = _wait_until_ready(process, log)
            yield Provider(url=f"http://127.0.0.1:{port}", log=log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture
def force_signs_in(provider: Provider, settings: Any) -> None:
    """SaferPlan knows the provider from its discovery document, for the force's domain; its
    secret is in the environment as OIDC_CLIENT_SECRET_TEST_PROVIDER."""
    settings.OIDC_CLIENT_SECRETS = {SECRET_VARIABLE: CLIENT_SECRET}
    call_command(
        "identity_provider_add",
        name="Nottinghamshire Police",
        discovery_url=f"{provider.url}/openid/.well-known/openid-configuration",
        client_id=CLIENT_ID,
        client_secret_variable=SECRET_VARIABLE,
        domain=["notts.police.uk"],
        stdout=io.StringIO(),
    )


def _sign_in_at_the_force(page: Page, live_server: Any, email: str, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_role("link", name="Sign in with your organisation’s account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sign in with your organisation’s account"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Work email address").fill(email)
    page.get_by_role("button", name="Continue").click()
    # Now at the provider, on another origin.
    expect(page.get_by_role("heading", level=1)).to_have_text("Test identity provider: sign in")
    assert page.url.startswith("http://127.0.0.1:")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(
        "force-password-1" if username == "inspector" else "force-password-2"
    )
    page.get_by_role("button", name="Log in").click()


def test_an_invited_inspector_signs_in_with_her_forces_account(
    page: Page, live_server: Any, force_signs_in: None
) -> None:
    partnership = builders.partnership(name="Bassetlaw Community Safety Partnership")
    inspector = builders.member(
        partnership=partnership, role=Membership.Role.LEAD, username="jbloggs"
    )
    # Invited as jo.bloggs@notts.police.uk; the force's directory capitalises it.
    User.objects.filter(pk=inspector.pk).update(email="jo.bloggs@notts.police.uk")

    _sign_in_at_the_force(page, live_server, "jo.bloggs@notts.police.uk", "inspector")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(
        page.get_by_role("heading", level=2, name="Bassetlaw Community Safety Partnership")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_contain_text("jbloggs")
    assert_no_axe_violations(page)


def test_somebody_the_partnership_never_invited_is_turned_away(
    page: Page, live_server: Any, force_signs_in: None
) -> None:
    users_before = User.objects.count()
    _sign_in_at_the_force(page, live_server, "sam.stranger@notts.police.uk", "stranger")

    expect(page.locator("#single-sign-on-refusal")).to_have_text(
        NOBODY_WITH_EMAIL.format(email="sam.stranger@notts.police.uk")
    )
    assert User.objects.count() == users_before
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to SaferPlan")
    assert_no_axe_violations(page)


def test_an_invited_inspector_joins_with_her_forces_account_and_no_password(
    page: Page, live_server: Any, force_signs_in: None
) -> None:
    """Invited by email, she chooses her force's account on the invitation page, signs in
    there and comes back to join: no SaferPlan password is ever set."""
    partnership = builders.partnership(name="Bassetlaw Community Safety Partnership")
    sent = builders.invitation(
        partnership=partnership, email="jo.bloggs@notts.police.uk", role=Membership.Role.LEAD
    )
    page.goto(sent.link.replace("http://testserver", live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Join Bassetlaw Community Safety Partnership"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Continue to Nottinghamshire Police").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Test identity provider: sign in")
    page.get_by_label("Username").fill("inspector")
    page.get_by_label("Password").fill("force-password-1")
    page.get_by_role("button", name="Log in").click()

    # Back on the invitation, signed in as the address the force vouched for.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Join Bassetlaw Community Safety Partnership"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Join the partnership").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have joined")
    expect(
        page.get_by_role("heading", level=2, name="Bassetlaw Community Safety Partnership")
    ).to_be_visible()
    assert_no_axe_violations(page)
    user = User.objects.get(email="jo.bloggs@notts.police.uk")
    assert not user.has_usable_password()
    assert user.memberships.get().role == Membership.Role.LEAD
