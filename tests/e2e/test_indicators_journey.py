"""A partnership's analyst brings the quarterly performance report in from Excel."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from apps.partnerships.models import Membership
from apps.performance.models import Measure
from tests import builders
from tests.builders.documents import DocCell, DocTable, xlsx_bytes
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = DocTable(
    title="Safer Lincoln Partnership: performance 2025/26",
    rows=[
        ["Indicator", "Polarity", "Target", "Q1", "Q2", "RAG", "Lead officer"],
        [
            "Residential burglary",
            "Lower is better",
            "390",
            "101",
            "97",
            DocCell("", fill="#00B050"),
            "DI Shaw",
        ],
        ["Hate crimes reported", "Higher is better", "450", "98", "120", "Amber", "Cohesion team"],
    ],
)


def _file(name: str, data: bytes) -> FilePayload:
    return {"name": name, "mimeType": "application/octet-stream", "buffer": data}


@pytest.fixture
def analyst(sign_in: Callable[[str, str], Page]) -> Page:
    partnership = builders.partnership("Safer Lincoln Partnership")
    builders.member(partnership=partnership, role=Membership.Role.ANALYST, username="analyst")
    page = sign_in("analyst", "pw-for-tests-1")
    page.goto(page.url.rstrip("/") + f"/performance/partnerships/{partnership.pk}/")
    return page


def test_analyst_imports_a_performance_report_and_finds_its_measures(
    analyst: Page, live_server: Any
) -> None:
    """As an analyst I can bring our Excel performance report in, leave out a column SaferPlan
    would have kept, and find the measures with their figures on the summary."""
    page = analyst
    page.get_by_role("link", name="Import measures from a performance report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Import measures from a performance report"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Performance report").set_input_files(
        _file("kpis-q2.xlsx", xlsx_bytes({"KPIs": REPORT}))
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the measures before importing")
    expect(page.get_by_text("2 indicators read")).to_be_visible()
    assert_no_axe_violations(page)

    lead = page.get_by_label("Lead officer", exact=True)
    expect(lead).to_have_value("note")
    lead.select_option(label="Ignore")
    page.get_by_role("button", name="Preview again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the measures before importing")
    expect(page.get_by_label("Lead officer", exact=True)).to_have_value("ignore")
    assert_no_axe_violations(page)
    assert not Measure.objects.exists()

    page.get_by_role("button", name="Import 2 measures").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 new measures")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance summary")
    expect(page.get_by_role("link", name="Residential burglary")).to_be_visible()
    assert_no_axe_violations(page)
    burglary = Measure.objects.get(title="Residential burglary")
    assert (burglary.polarity, burglary.target_value, burglary.comment) == (
        "down",
        Decimal(390),
        "",
    )
    assert [o.period_label for o in burglary.observations.order_by("period_start")] == [
        "Q1 2025/26",
        "Q2 2025/26",
    ]
