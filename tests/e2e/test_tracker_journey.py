"""A partnership manager brings a partner's quarterly tracker into the plan it updates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.importers.views import trackers as tracker_view
from apps.partnerships.models import Membership
from apps.plans.models import Action
from apps.plans.services import action_add_update
from tests import builders
from tests.builders.trackers import tracker, tracker_plan, tracker_row
from tests.e2e.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_checks_a_tracker_ticks_a_conflict_and_confirms(
    page: Page,
    live_server: Any,
    sign_in: Callable[[str, str], Page],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As a partnership manager I can read what a partner's tracker would change, tick the
    change SaferPlan made after the tracker was saved, and confirm the rest."""
    partnership = builders.partnership("Bassetlaw CSP")
    manager = builders.member(
        partnership=partnership, role=Membership.Role.MANAGER, username="manager"
    )
    plan = tracker_plan(partnership=partnership)
    saved = timezone.now()
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    action = plan.actions["3.1"]
    action_add_update(
        action=action,
        user=lead,
        text="Sessions paused.",
        status=action.status,
        rating=plan.plan.ratings.get(code="R"),
    )
    parsed = tracker(
        (
            "Safer Neighbourhoods",
            1,
            "Reduce anti-social behaviour in town centres",
            [tracker_row("1.1.", updates=["Forty young people came."], rag="Green", line=4)],
        ),
        (
            "Protecting Vulnerable People",
            3,
            "Reduce the harm caused by domestic abuse",
            [tracker_row("3.1", rag="Green", line=6)],
        ),
    )
    # The general reader's part: the kept document reads as this tracker, saved before the lead's
    # change.
    monkeypatch.setattr(tracker_view, "_parsed_for", lambda reading: (parsed, saved))
    upload = builders.document_upload(partnership=partnership, user=manager)

    sign_in("manager", "pw-for-tests-1")
    page.goto(f"{live_server.url}/import/plans/{plan.plan.pk}/tracker/{upload.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes from this tracker")
    expect(page.locator("#change-list")).to_contain_text(
        "Row 4 (action 1.1): new update ‘Forty young people came.’"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Row 6 (action 3.1): RAG Red → Green", exact=False).check()
    page.get_by_role("button", name="Make these changes").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "1 update added, 2 RAG ratings changed"
    )
    assert_no_axe_violations(page)
    ratings = Action.objects.filter(pk__in=[plan.actions["1.1"].pk, action.pk]).values_list(
        "rating__code", flat=True
    )
    assert list(ratings) == ["G", "G"]
