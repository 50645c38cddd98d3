"""Browser journeys: Playwright driving Debian's Chromium against Django's live server.

Each journey ends with an axe-core check; a failing journey keeps a screenshot in test-results/.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from config.env import BASE_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
RESULTS_DIR = BASE_DIR / "test-results"

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run beside
# one unless told that the tests know what they are doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # noqa: TID251


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for all the journeys (pytest-xdist runs them in one worker).

    While Playwright's event loop runs, Django's ORM is handed connections of its own (asgiref's
    Local is keyed by the loop's context), so the journeys' connection is closed here, before
    Playwright stops: left open, it would keep PostgreSQL from dropping the test database at the
    end of the run. Package scope ends that loop with the journeys, so the tests a worker runs
    after them use pytest-django's own connection again.
    """
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `make system-packages` (Debian package chromium).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
        connections.close_all()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[_failed_key] = report.failed


# The same ceiling for expectations (a page's text or state), which otherwise give up after 5 s.
expect.set_options(timeout=30_000)

_failed_key = pytest.StashKey[bool]()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    # A ceiling, not a wait: creating a 74-action plan on PostgreSQL on a busy 2-core machine has
    # taken over 10 s, so actions and their navigations may take up to 30 s before failing.
    new_page.set_default_timeout(30_000)
    new_page.set_default_navigation_timeout(30_000)
    yield new_page
    if request.node.stash.get(_failed_key, False):
        RESULTS_DIR.mkdir(exist_ok=True)
        new_page.screenshot(path=str(RESULTS_DIR / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def sign_in(page: Page, live_server: Any) -> Callable[[str, str], Page]:
    def do_sign_in(username: str, password: str) -> Page:
        page.goto(f"{live_server.url}/accounts/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        return page

    return do_sign_in


def assert_no_axe_violations(page: Page) -> None:
    """Run axe-core (WCAG 2.2 A and AA rules) on the page and fail listing any violation.

    Callers wait for the new page's heading after a click; waiting for the load event here as
    well keeps axe from being injected into a document that is still being replaced.
    """
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert violations == [], "\n".join(violations)
