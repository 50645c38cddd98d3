"""Who may open and post each plan page: role × page × plan state → status code, and nothing
changes when the answer is no.

Plan states (issue 11): a draft is seen by managers and administrators only (everyone else is
refused, 403); an archived plan is read-only for everyone, its manager included.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from apps.importers.selectors.workbook_export import plan_workbook
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Plan, PredecessorMatch, Status
from apps.plans.rules import PLAN_ARCHIVED
from tests import builders
from tests.builders import roles
from tests.builders.partnerships import person_of
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
ROLES = [
    "manager",
    "administrator",
    "lead of this action",
    "lead of another action",
    "coordinator of the leading agency",
    "coordinator of another agency",
    "viewer",
    "outsider",
    "anonymous",
]
STATES = [Plan.Status.LIVE, Plan.Status.DRAFT, Plan.Status.ARCHIVED]

# 302 after a POST is success (redirect to the next page); "sign in" is the login wall.
EXPECTED: dict[str, dict[str, int | str]] = {
    "manager": {
        "view plan": 200,
        "view action": 200,
        "add update GET": 200,
        "add update POST": 302,
        "edit action GET": 200,
        "edit action POST": 302,
        "add action GET": 200,
        "add action POST": 302,
        "move action GET": 200,
        "move action POST": 302,
        "retire action GET": 200,
        "retire action POST": 302,
        "my actions": 200,
        "what changed": 200,
        "plan settings GET": 200,
        "plan settings POST": 302,
        "roll forward GET": 200,
        "roll forward POST": 302,
        "check matches GET": 200,
        "check matches POST": 302,
        "choose predecessor GET": 200,
        "choose predecessor POST": 302,
        "download workbook": 200,
        "upload workbook GET": 200,
        "upload workbook POST": 200,  # the preview: nothing changes until confirmed
        "workbook template": 200,
        "plan from workbook GET": 200,
        "tracker preview GET": 200,
        "tracker preview POST": 302,  # confirmed: the plan takes the tracker's changes
    },
    "lead of this action": {
        "view plan": 200,
        "view action": 200,
        "add update GET": 200,
        "add update POST": 302,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    "lead of another action": {
        "view plan": 200,
        "view action": 200,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    # The police lead the action by name; their coordinator updates it as its lead would.
    "coordinator of the leading agency": {
        "view plan": 200,
        "view action": 200,
        "add update GET": 200,
        "add update POST": 302,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    "coordinator of another agency": {
        "view plan": 200,
        "view action": 200,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    "viewer": {
        "view plan": 200,
        "view action": 200,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    # A viewer holding the administrator duty: reads as a viewer does, and sees drafts.
    "administrator": {
        "view plan": 200,
        "view action": 200,
        "my actions": 200,
        "what changed": 200,
        "download workbook": 200,
    },
    "outsider": {"my actions": 200},
    "anonymous": {},
}
PAGES = list(EXPECTED["manager"])
# Pages that read the plan; every other plan page changes it.
READING = {"view plan", "view action", "what changed", "download workbook"}
# Pages about no one plan: the plan's state does not enter into them.
NOT_ONE_PLAN = {"my actions", "workbook template", "plan from workbook GET"}
SEE_DRAFTS = {"manager", "administrator"}
# What a manager gets on a draft where it differs from a live plan: only a live plan is rolled
# forward (the form says so), and the draft's tracker confirmation is as for a live plan.
DRAFT_MANAGER = {"roll forward POST": 200}


def _expected(role: str, page: str, state: str = Plan.Status.LIVE) -> int | str:
    if role == "anonymous":
        return "sign in"
    live = EXPECTED[role].get(page, 403)
    if page in NOT_ONE_PLAN or state == Plan.Status.LIVE:
        return live
    if state == Plan.Status.ARCHIVED:
        return live if page in READING else 403
    if role not in SEE_DRAFTS:
        return 403
    return DRAFT_MANAGER.get(page, live) if role == "manager" else live


@pytest.fixture(scope="module")
def shared(module_db: ModuleDb) -> builders.SmallPlan:
    """The small plan with its manager, lead (of the first action) and viewer, built once for
    the module's 160-odd requests; each test changes them only inside its own savepoint."""
    with module_db():
        small = builders.small_plan(partnership=builders.partnership())
        partnership = small.plan.partnership
        for role, username, initials in [
            (Membership.Role.MANAGER, "manager", "MG"),
            (Membership.Role.LEAD, "lead", "LD"),
            (Membership.Role.VIEWER, "viewer", "VW"),
        ]:
            builders.member(
                partnership=partnership, role=role, username=username, initials=initials
            )
        small.actions[0].lead_people.add(person_of(User.objects.get(username="lead")))
        police = roles.organisation(
            partnership=partnership, short_name="Police", name="Nottinghamshire Police"
        )
        probation = roles.organisation(
            partnership=partnership, short_name="Probation", name="Probation"
        )
        small.actions[0].lead_organisations.add(police)
        roles.coordinator(partnership=partnership, organisation=police, username="police")
        roles.coordinator(partnership=partnership, organisation=probation, username="probation")
        roles.administrator(partnership=partnership, username="administrator")
    return small


@pytest.fixture
def partnership(shared: builders.SmallPlan) -> Partnership:
    return Partnership.objects.get(pk=shared.plan.partnership_id)


@pytest.fixture
def small_plan(shared: builders.SmallPlan) -> builders.SmallPlan:
    return builders.small_plan_get(shared)


@pytest.fixture
def manager(shared: builders.SmallPlan) -> User:
    return User.objects.get(username="manager")


@pytest.fixture
def lead(shared: builders.SmallPlan) -> User:
    """An action lead who leads the small plan's first action only."""
    return User.objects.get(username="lead")


@pytest.fixture
def viewer(shared: builders.SmallPlan) -> User:
    return User.objects.get(username="viewer")


@pytest.fixture
def client_for(
    client: Client,
    make_member: Callable[..., User],
    manager: User,
    lead: User,
    viewer: User,
    small_plan: builders.SmallPlan,
) -> Callable[[str], Client]:
    def sign_in(role: str) -> Client:
        if role == "anonymous":
            return client
        if role == "lead of another action":
            user = make_member(Membership.Role.LEAD, username="other-lead")
            small_plan.actions[1].lead_people.add(person_of(user))
        elif role == "outsider":
            user = builders.member(partnership=builders.partnership(), role=Membership.Role.MANAGER)
        else:
            username = {
                "manager": "manager",
                "administrator": "administrator",
                "lead of this action": "lead",
                "coordinator of the leading agency": "police",
                "coordinator of another agency": "probation",
                "viewer": "viewer",
            }[role]
            user = User.objects.get(username=username)
        client.force_login(user)
        return client

    return sign_in


def _give_earlier_edition(small_plan: builders.SmallPlan) -> None:
    """An archived earlier edition with the same actions, for the pages comparing editions."""
    plan = small_plan.plan
    earlier = builders.small_plan(partnership=plan.partnership).plan
    earlier.status = Plan.Status.ARCHIVED
    earlier.save()
    plan.predecessor = earlier
    plan.save()


def _edited_workbook(small_plan: builders.SmallPlan) -> SimpleUploadedFile:
    """The plan's workbook with the first action's method changed (a valid upload)."""
    book = load_workbook(io.BytesIO(plan_workbook(plan=small_plan.plan)))
    book["Actions"]["F2"] = "From a workbook"
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("plan.xlsx", out.getvalue())


def _request(
    client: Client, page: str, small_plan: builders.SmallPlan, state: str = Plan.Status.LIVE
) -> Any:
    action = small_plan.actions[0]  # the action the "lead of this action" leads
    if page.startswith(("what changed", "check matches", "choose predecessor")):
        _give_earlier_edition(small_plan)
    if state != Plan.Status.LIVE:
        Plan.objects.filter(pk=small_plan.plan.pk).update(status=state)
        small_plan.plan.status = state
    tracker = (
        builders.document_upload(partnership=small_plan.plan.partnership)
        if page.startswith("tracker preview")
        else None
    )
    urls = {
        "view plan": reverse("plans:plan", args=[small_plan.plan.pk]),
        "view action": reverse("plans:action", args=[action.pk]),
        "add update": reverse("plans:add-update", args=[action.pk]),
        "edit action": reverse("plans:action-edit", args=[action.pk]),
        "add action": reverse("plans:action-add", args=[small_plan.objectives[0].pk]),
        "move action": reverse("plans:action-move", args=[action.pk]),
        "retire action": reverse("plans:action-retire", args=[action.pk]),
        "my actions": reverse("plans:my-actions"),
        "what changed": reverse("plans:what-changed", args=[small_plan.plan.pk]),
        "plan settings": reverse("plans:plan-settings", args=[small_plan.plan.pk]),
        "roll forward": reverse("plans:plan-roll-forward", args=[small_plan.plan.pk]),
        "check matches": reverse("plans:plan-matches", args=[small_plan.plan.pk]),
        "choose predecessor": reverse("plans:action-predecessor", args=[action.pk]),
        "download workbook": reverse("importers:workbook-download", args=[small_plan.plan.pk]),
        "upload workbook": reverse("importers:workbook-upload", args=[small_plan.plan.pk]),
        "workbook template": reverse(
            "importers:workbook-template", args=[small_plan.plan.partnership_id]
        ),
        "plan from workbook": reverse(
            "importers:workbook-create", args=[small_plan.plan.partnership_id]
        ),
    }
    if tracker is not None:
        urls["tracker preview"] = reverse(
            "importers:tracker-preview", args=[small_plan.plan.pk, tracker.pk]
        )
    posts = {
        "add update": {"text": "Progress made", "status": Status.ONGOING, "rating": ""},
        "edit action": {"number": "1)", "text": "Edited text", "status": Status.ONGOING},
        "add action": {"number": "9)", "text": "A new action", "status": Status.NOT_STARTED},
        "move action": {"objective": small_plan.objectives[1].pk},
        "retire action": {"reason": "Merged into another action"},
        "roll forward": {"title": "Delivery Plan", "period_label": "2027-28"},
        "plan settings": {"title": "Renamed plan", "status": "live"},
        "check matches": {},
        "choose predecessor": {"predecessor": "new"},
        "upload workbook": {"workbook": _edited_workbook(small_plan)},
        "tracker preview": {},
    }
    name, _, method = page.rpartition(" ")
    if method == "POST":
        return client.post(urls[name], posts[name])
    return client.get(urls[name.removesuffix(" GET") if method == "GET" else page])


def _changed(page: str, small_plan: builders.SmallPlan) -> bool:
    action = Action.objects.get(pk=small_plan.actions[0].pk)
    return {
        "add update POST": action.updates.filter(text="Progress made").exists(),
        "edit action POST": action.text == "Edited text",
        "add action POST": Action.objects.filter(text="A new action").exists(),
        "move action POST": action.objective_id == small_plan.objectives[1].pk,
        "retire action POST": action.retired_at is not None,
        "roll forward POST": Plan.objects.filter(predecessor=small_plan.plan).exists(),
        "plan settings POST": Plan.objects.filter(title="Renamed plan").exists(),
        "check matches POST": action.predecessor_match == PredecessorMatch.AUTOMATIC,
        "choose predecessor POST": action.predecessor_match == PredecessorMatch.MANAGER,
        "upload workbook POST": action.method == "From a workbook",
        "tracker preview POST": small_plan.plan.document_uploads.filter(
            imported_at__isnull=False
        ).exists(),
    }[page]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_permission_matrix(
    client_for: Callable[[str], Client],
    small_plan: builders.SmallPlan,
    role: str,
    page: str,
    state: str,
) -> None:
    response = _request(client_for(role), page, small_plan, state)
    expected = _expected(role, page, state)
    if expected == "sign in":
        assert response.status_code == 302
        assert response["Location"].startswith(SIGN_IN)
    else:
        assert response.status_code == expected
    if page.endswith("POST"):
        assert _changed(page, small_plan) == (expected == 302)
    changing = page not in READING and page not in NOT_ONE_PLAN
    if state == Plan.Status.ARCHIVED and changing and role not in ("outsider", "anonymous"):
        # The refusal says why, on a GET's page and a direct POST's alike.
        assert PLAN_ARCHIVED in response.content.decode()


def test_lead_sees_add_update_only_on_actions_they_lead(
    signed_in: Callable[[User], Any], lead: User, small_plan: builders.SmallPlan
) -> None:
    client = signed_in(lead)
    own, other = small_plan.actions[0], small_plan.actions[1]
    plan_page = client.get(reverse("plans:plan", args=[small_plan.plan.pk])).content.decode()
    assert reverse("plans:add-update", args=[own.pk]) in plan_page
    assert reverse("plans:add-update", args=[other.pk]) not in plan_page
    assert (
        "Add an update" not in client.get(reverse("plans:action", args=[other.pk])).content.decode()
    )
    assert "Add an update" in client.get(reverse("plans:action", args=[own.pk])).content.decode()


def test_only_managers_see_links_to_manager_pages(
    signed_in: Callable[[User], Any], manager: User, lead: User, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    edit = reverse("plans:action-edit", args=[action.pk])
    add = reverse("plans:action-add", args=[small_plan.objectives[0].pk])
    for user, shown in [(manager, True), (lead, False)]:
        client = signed_in(user)
        assert (
            edit in client.get(reverse("plans:action", args=[action.pk])).content.decode()
        ) is shown
        assert (
            add in client.get(reverse("plans:plan", args=[small_plan.plan.pk])).content.decode()
        ) is shown
