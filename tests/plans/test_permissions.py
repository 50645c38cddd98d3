"""Who may open and post each plan page: role × page → status code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from apps.partnerships.models import Membership
from apps.plans.models import Status
from tests import factories

pytestmark = pytest.mark.django_db

PAGES = ["plan", "action", "add-update GET", "add-update POST", "my-actions"]

EXPECTED = {
    "manager": {"plan": 200, "action": 200, "add-update GET": 200, "add-update POST": 302},
    "lead": {"plan": 200, "action": 200, "add-update GET": 200, "add-update POST": 302},
    "viewer": {"plan": 200, "action": 200, "add-update GET": 403, "add-update POST": 403},
    "outsider": {"plan": 403, "action": 403, "add-update GET": 403, "add-update POST": 403},
}


@pytest.fixture
def user_for(manager: User, lead: User, viewer: User) -> Callable[[str], User]:
    def get(role: str) -> User:
        if role == "outsider":
            return factories.member(
                partnership=factories.partnership(), role=Membership.Role.MANAGER
            )
        return {"manager": manager, "lead": lead, "viewer": viewer}[role]

    return get


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(
    signed_in: Callable[[User], Any],
    user_for: Callable[[str], User],
    small_plan: factories.SmallPlan,
    role: str,
    page: str,
) -> None:
    client = signed_in(user_for(role))
    action = small_plan.actions[0]  # the action the lead leads
    if page == "plan":
        response = client.get(reverse("plans:plan", args=[small_plan.plan.pk]))
    elif page == "action":
        response = client.get(reverse("plans:action", args=[action.pk]))
    elif page == "add-update GET":
        response = client.get(reverse("plans:add-update", args=[action.pk]))
    elif page == "add-update POST":
        response = client.post(
            reverse("plans:add-update", args=[action.pk]),
            {"text": "Progress made", "status": Status.ONGOING, "rating": ""},
        )
    else:
        response = client.get(reverse("plans:my-actions"))
    assert response.status_code == EXPECTED[role].get(page, 200)
    if page == "add-update POST":
        assert action.updates.filter(text="Progress made").exists() == (response.status_code == 302)


def test_lead_cannot_update_an_action_they_do_not_lead(
    signed_in: Callable[[User], Any], lead: User, small_plan: factories.SmallPlan
) -> None:
    other = small_plan.actions[1]
    client = signed_in(lead)
    assert client.get(reverse("plans:add-update", args=[other.pk])).status_code == 403
    page = client.get(reverse("plans:action", args=[other.pk])).content.decode()
    assert "Add an update" not in page
