"""Who may open and post each report page: role × page → status code, and nothing changes
when the answer is no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Plan
from apps.reports.models import ReportDefinition
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
ROLES = ["manager", "lead", "analyst", "viewer", "outsider", "anonymous"]
READ_PAGES = {
    "list": 200,
    "report": 200,
    "public report": 200,
    "download html": 200,
    "download pdf": 200,
}
MANAGER_PAGES = {
    "create GET": 200,
    "create POST": 302,
    "edit GET": 200,
    "edit POST": 302,
}
EXPECTED: dict[str, dict[str, int]] = {
    "manager": READ_PAGES | MANAGER_PAGES,
    "lead": READ_PAGES,
    "analyst": READ_PAGES,
    "viewer": READ_PAGES,
    "outsider": {},
}
PAGES = list(EXPECTED["manager"])


def _expected(role: str, page: str) -> int | str:
    if role == "anonymous":
        return "sign in"
    return EXPECTED[role].get(page, 403)


@pytest.fixture
def saved(partnership: Partnership, small_plan: builders.SmallPlan) -> ReportDefinition:
    return builders.definition(partnership=partnership, plans=[small_plan.plan])


@pytest.fixture
def client_for(
    client: Client, make_member: Callable[..., User], partnership: Partnership
) -> Callable[[str], Client]:
    def sign_in(role: str) -> Client:
        if role == "anonymous":
            return client
        if role == "outsider":
            user = builders.member(partnership=builders.partnership(), role=Membership.Role.MANAGER)
        else:
            user = make_member({"manager": Membership.Role.MANAGER}.get(role, role))
        client.force_login(user)
        return client

    return sign_in


def _request(client: Client, page: str, saved: ReportDefinition, small_plan: Any) -> Any:
    partnership_id = saved.partnership_id
    urls = {
        "list": reverse("reports:list", args=[partnership_id]),
        "report": reverse("reports:report", args=[saved.pk]),
        "public report": reverse("reports:report", args=[saved.pk]) + "?version=public",
        "download html": reverse("reports:download", args=[saved.pk, "html"]),
        "download pdf": reverse("reports:download", args=[saved.pk, "pdf"]),
        "create": reverse("reports:create", args=[partnership_id]),
        "edit": reverse("reports:edit", args=[saved.pk]),
    }
    post = {
        "title": "Changed title",
        "plans": [str(small_plan.plan.pk)],
        "sections": ["cover", "delivery_plan"],
        "protective_marking": "OFFICIAL",
        "variant": "internal",
    }
    name, _, method = page.rpartition(" ")
    if method == "POST":
        return client.post(urls[name], post)
    return client.get(urls[name if method == "GET" else page])


def _changed(page: str, saved: ReportDefinition) -> bool:
    if page == "create POST":
        return ReportDefinition.objects.filter(title="Changed title").exclude(pk=saved.pk).exists()
    saved.refresh_from_db()
    return saved.title == "Changed title"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(
    client_for: Callable[[str], Client],
    saved: ReportDefinition,
    small_plan: builders.SmallPlan,
    role: str,
    page: str,
) -> None:
    response = _request(client_for(role), page, saved, small_plan)
    expected = _expected(role, page)
    if expected == "sign in":
        assert response.status_code == 302
        assert response["Location"].startswith(SIGN_IN)
    else:
        assert response.status_code == expected
    if page.endswith("POST"):
        assert _changed(page, saved) == (expected == 302)


def test_only_managers_see_links_to_define_and_change_reports(
    client_for: Callable[[str], Client], saved: ReportDefinition
) -> None:
    create = reverse("reports:create", args=[saved.partnership_id])
    edit = reverse("reports:edit", args=[saved.pk])
    for role, shown in [("manager", True), ("viewer", False)]:
        client = client_for(role)
        listing = client.get(reverse("reports:list", args=[saved.partnership_id]))
        page = client.get(reverse("reports:report", args=[saved.pk]))
        assert (create in listing.content.decode()) is shown
        assert (edit in page.content.decode()) is shown


def test_a_report_of_a_draft_plan_is_for_managers_and_administrators(
    client_for: Callable[[str], Client], saved: ReportDefinition, small_plan: builders.SmallPlan
) -> None:
    """Like the draft itself: a viewer is refused with the reason and the list leaves it out;
    once the plan is live the viewer reads it."""
    Plan.objects.filter(pk=small_plan.plan.pk).update(status=Plan.Status.DRAFT)
    listing_url = reverse("reports:list", args=[saved.partnership_id])
    report_url = reverse("reports:report", args=[saved.pk])
    download_url = reverse("reports:download", args=[saved.pk, "html"])

    viewer = client_for("viewer")
    refused = viewer.get(report_url)
    assert refused.status_code == 403
    assert "This report includes a draft plan" in refused.content.decode()
    assert viewer.get(download_url).status_code == 403
    assert report_url not in viewer.get(listing_url).content.decode()

    Plan.objects.filter(pk=small_plan.plan.pk).update(status=Plan.Status.LIVE)
    assert viewer.get(report_url).status_code == 200
    assert report_url in viewer.get(listing_url).content.decode()


def test_the_manager_sees_a_report_of_a_draft_plan(
    client_for: Callable[[str], Client], saved: ReportDefinition, small_plan: builders.SmallPlan
) -> None:
    Plan.objects.filter(pk=small_plan.plan.pk).update(status=Plan.Status.DRAFT)
    manager = client_for("manager")
    assert manager.get(reverse("reports:report", args=[saved.pk])).status_code == 200
    listing = manager.get(reverse("reports:list", args=[saved.partnership_id]))
    assert reverse("reports:report", args=[saved.pk]) in listing.content.decode()
