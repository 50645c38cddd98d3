"""A partnership that has never seen SaferPlan brings its own Word plan and CSV tracker in."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from apps.partnerships.models import Membership
from apps.plans.models import Action, Plan
from tests import builders
from tests.builders.documents import DocCell, DocTable, csv_bytes, docx_bytes, xlsx_bytes
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

WORD_PLAN = DocTable(
    title="Safer Lincoln Partnership Delivery Plan 2026-27",
    rows=[
        [DocCell("Priority 1: Serious violence", col_span=6, bold=True)],
        ["Ref", "What we will do", "Lead partner", "Target date", "RAG", "Notes"],
        [
            "1.1",
            "Map knife crime hotspots with the police analyst",
            "Police",
            "30/09/2026",
            "G",
            "Data shared",
        ],
        ["1.2", "Fund two detached youth workers", "Council", "March 2027", "A", "Recruiting"],
        ["1.3", "Train door staff in spotting spiking", "Licensing", "31/12/2026", "G", ""],
        [DocCell("Priority 2: Anti-social behaviour", col_span=6, bold=True)],
        ["2.1", "Hold an ASB awareness week", "Housing", "Q3 2026/27", "R", "Venue not booked"],
        ["2.2", "Extend the PSPO to the riverside", "Council", "31/03/2027", "A", ""],
    ],
)
NEXT_QUARTER = DocTable(
    title="Safer Lincoln – partner returns, quarter 2",
    rows=[
        ["Ref", "Action", "Lead", "Latest position", "RAG"],
        [
            "1.1",
            "Map knife crime hotspots with the police analyst",
            "Police",
            "Hotspot map shared with partners",
            "G",
        ],
        ["1.2", "Fund two detached youth workers", "Council", "Both youth workers in post", "G"],
        [
            "1.3",
            "Train door staff in spotting spiking",
            "Licensing",
            "Forty door staff trained",
            "G",
        ],
        ["2.1", "Hold an ASB awareness week", "Housing", "Venue booked for November", "A"],
        ["2.2", "Extend the PSPO to the riverside", "Council", "Consultation closed", "A"],
    ],
)


def _file(name: str, data: bytes) -> FilePayload:
    return {"name": name, "mimeType": "application/octet-stream", "buffer": data}


@pytest.fixture
def manager(sign_in: Callable[[str, str], Page]) -> Page:
    partnership = builders.partnership("Safer Lincoln Partnership")
    builders.member(partnership=partnership, role=Membership.Role.MANAGER, username="manager")
    return sign_in("manager", "pw-for-tests-1")


def test_manager_uploads_a_word_plan_changes_a_column_and_creates_it(
    manager: Page, live_server: Any
) -> None:
    """As a partnership manager I can bring our Word plan in, keep its notes as updates rather
    than details, and find the plan with every action."""
    page = manager
    page.get_by_role("link", name=re.compile("Create a new plan from a document")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Create a plan from a document or spreadsheet"
    )
    page.get_by_label("Plan document").set_input_files(
        _file("delivery-plan.docx", docx_bytes([WORD_PLAN]))
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan before importing")
    expect(page.get_by_text("5 actions read")).to_be_visible()
    assert_no_axe_violations(page)

    notes = page.get_by_label("Notes", exact=True)
    expect(notes).to_have_value("update")
    notes.select_option(label="Keep as a detail")
    page.get_by_role("button", name="Preview again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan before importing")
    expect(page.get_by_label("Notes", exact=True)).to_have_value("detail")
    assert_no_axe_violations(page)
    assert not Plan.objects.exists()

    page.get_by_role("button", name="Create the plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Created 1 plan")
    plan = Plan.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Safer Lincoln")
    assert_no_axe_violations(page)
    actions = Action.objects.filter(objective__theme__plan=plan).order_by("number")
    assert [a.number for a in actions] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert actions[0].details == {"Notes": "Data shared"}
    assert not actions[0].updates.exists()
    assert [a.rating.code if a.rating else None for a in actions] == ["G", "A", "G", "R", "A"]
    expect(page.get_by_text("Map knife crime hotspots with the police analyst")).to_be_visible()

    # next quarter, the partners' returns come back in an Excel tracker
    page.get_by_role("link", name="Update from a document or spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Update the plan from a document or spreadsheet"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Upload a document or spreadsheet").set_input_files(
        _file("returns-q2.xlsx", xlsx_bytes({"Returns": NEXT_QUARTER}))
    )
    page.get_by_role("button", name="Check the changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes from this tracker")
    expect(page.locator("#change-counts")).to_contain_text("Updates added5")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Make these changes").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("5 updates added")
    assert_no_axe_violations(page)
    texts = {a.number: list(a.updates.values_list("text", flat=True)) for a in actions}
    assert texts == {row[0]: [row[3]] for row in NEXT_QUARTER.rows[1:]}
    assert Action.objects.get(pk=actions[1].pk).rating.code == "G"  # type: ignore[union-attr]


def test_a_csv_in_an_unknown_layout_goes_to_the_column_choice(
    manager: Page, live_server: Any
) -> None:
    """As a partnership manager whose tracker has headings SaferPlan does not know, I am asked
    which column holds what, rather than refused."""
    page = manager
    tracker = DocTable(
        rows=[
            ["Item", "Who's on it", "Finish"],
            ["Fit alley gates behind the high street", "Housing", "30/09/2026"],
            ["Run a shop theft prevention briefing", "Police", "31/10/2026"],
        ]
    )
    page.goto(f"{live_server.url}/import/")
    page.get_by_label("Plan document").set_input_files(
        _file("jobs.csv", csv_bytes(tracker, delimiter=";", encoding="cp1252"))
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose how the columns are used")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Preview again").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose which column of table 1 holds the actions"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Item", exact=True).select_option(label="Action")
    page.get_by_label("Who's on it").select_option(label="Lead")
    page.get_by_label("Finish").select_option(label="By when")
    page.get_by_label("Leave this table out").uncheck()
    page.get_by_role("button", name="Preview again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan before importing")
    expect(page.get_by_text("2 actions read")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Create the plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Created 1 plan")
    plan = Plan.objects.get()
    assert sorted(
        Action.objects.filter(objective__theme__plan=plan).values_list("text", flat=True)
    ) == ["Fit alley gates behind the high street", "Run a shop theft prevention briefing"]
