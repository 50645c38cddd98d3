"""Journeys through plan workbooks, as a partnership manager would take them."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import FilePayload, Page, expect

from apps.demo.loader import DEMO_PARTNERSHIP
from apps.plans.models import Action, Plan
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo() -> Plan:
    call_command("load_demo", "--allow-demo-users", stdout=StringIO())
    return Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)


def _edit(data: bytes, **cells: Any) -> bytes:
    book = load_workbook(io.BytesIO(data))
    for ref, value in cells.items():
        book["Actions"][ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _file(data: bytes) -> FilePayload:
    return {"name": "plan.xlsx", "mimeType": "application/octet-stream", "buffer": data}


def test_manager_downloads_edits_and_uploads_the_plan(
    demo: Plan, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    """As a partnership manager I can download the plan, change it in Excel, check the changes
    and confirm them; a workbook with a mistake is refused with the cell named."""
    sign_in("demo", "demo")
    page.goto(f"{live_server.url}/plans/{demo.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as spreadsheet").click()
    data = open(download.value.path(), "rb").read()  # noqa: SIM115

    page.get_by_role("link", name="Update from a document or spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Update the plan from a document or spreadsheet"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Upload a document or spreadsheet").set_input_files(
        _file(_edit(data, J2="Finished"))
    )
    page.get_by_role("button", name="Check the changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Sheet Actions, row 2, column J (Status): “Finished” is not a status"
    )
    assert_no_axe_violations(page)

    page.get_by_label("Upload a document or spreadsheet").set_input_files(
        _file(_edit(data, F2="Community outreach"))
    )
    page.get_by_role("button", name="Check the changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the changes before they are made"
    )
    expect(page.locator("#change-list")).to_contain_text(re.compile(r"Row 2: action .*method"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Make these changes").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Plan updated")
    assert_no_axe_violations(page)
    assert Action.objects.filter(objective__theme__plan=demo, method="Community outreach").exists()


def test_manager_creates_a_plan_from_a_workbook(
    demo: Plan, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    """As a partnership manager I can start next year's plan from this year's spreadsheet."""
    sign_in("demo", "demo")
    page.goto(f"{live_server.url}/plans/{demo.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as spreadsheet").click()
    data = open(download.value.path(), "rb").read()  # noqa: SIM115
    page.get_by_role("link", name="Create a new plan from a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a plan from a workbook")
    assert_no_axe_violations(page)
    page.get_by_label("Plan title").fill("Delivery Plan")
    page.get_by_label("Period").fill("2027-28")
    page.get_by_label("Upload a workbook").set_input_files(_file(data))
    page.get_by_role("button", name="Check the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the new plan before it is created"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Create the plan").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Plan created")
    new_plan = Plan.objects.get(period_label="2027-28")
    live = Action.objects.filter(objective__theme__plan=demo, retired_at__isnull=True).count()
    assert Action.objects.filter(objective__theme__plan=new_plan).count() == live
    page.get_by_role("link", name=re.compile("Go to")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2027-28")
