"""An analyst records a figure that breaks a process limit and sees it flagged everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from apps.demo.performance.loader import performance_demo_load
from apps.demo.performance.norfolk import PARTNERSHIP as NORFOLK
from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Priority
from tests import builders
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

STEADY = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 13]


@pytest.fixture
def measure() -> Measure:
    performance_demo_load(partnership=builders.partnership("Notts demo"), password="demo-pass-1")
    priority = Priority.objects.get(partnership__name=NORFOLK, code="E")
    measure = builders.measure(
        priority=priority,
        code="(iii)",
        title="Glass related incidents at licensed premises",
        target_value=15,
        position=9,
    )
    builders.figures(measure=measure, values=STEADY)
    return measure


def test_analyst_adds_a_figure_beyond_the_limits(
    measure: Measure, page: Page, live_server: Any, sign_in: Callable[[str, str], Page]
) -> None:
    sign_in("analyst", "demo-pass-1")
    page.goto(f"{live_server.url}/performance/measures/{measure.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glass related incidents")
    chart = page.locator("svg.app-spc-chart")
    expect(chart.locator("[data-shape='triangle']")).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Add a figure").click()
    page.get_by_label("Period", exact=True).fill("Jan 2021")
    page.get_by_label("Value", exact=True).fill("30")
    page.get_by_label("Note (optional)").fill("Two large fights on one night")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save figure").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Figure for Jan 2021 added")
    # The new point is a concern (lower is better): a triangle on the chart and in the legend.
    expect(chart.locator("[data-role='legend'] text")).to_contain_text(["Special cause: concern"])
    expect(chart.locator("polygon[data-shape='triangle'] title")).to_have_text(
        "Jan 2021: 30 – special cause: concern"
    )
    row = page.get_by_role("row", name=re.compile("Jan 2021"))
    expect(row).to_contain_text("Special cause: concern")
    expect(page.locator("#variation")).to_contain_text("concern (high)")
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("Priority E")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priority E.")
    expect(page.locator("#traffic-light ~ p").first).to_contain_text(
        "GREEN – target on track and likely to be achieved"
    )
    assert_no_axe_violations(page)

    norfolk = Partnership.objects.get(name=NORFOLK)
    page.goto(f"{live_server.url}/performance/partnerships/{norfolk.pk}/exceptions/")
    negative = page.locator("#negative + .app-table-wrap table")
    expect(negative).to_contain_text("Glass related incidents at licensed premises")
    expect(negative).to_contain_text("a point beyond the process limits")
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/performance/partnerships/{norfolk.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance summary")
    assert_no_axe_violations(page)
