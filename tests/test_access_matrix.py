"""Who may open and post every page: persona × route × plan state, generated from the URL conf.

Every route the project serves must be listed in ACCESS with the personas allowed to read it
(GET) and to send it a form (POST), so a page added later fails here until somebody decides who
may use it. The eight personas are the issue's: an anonymous visitor, a member of another
partnership (its manager and administrator), and in the partnership itself a viewer, the lead of
an action, the coordinator of the agency that leads it, a performance analyst, the manager and an
administrator (a viewer holding the administrator duty, so the duty alone is what is tried).

Pages about one plan are tried on a live, a draft and an archived plan: a draft is seen by the
manager and administrators only, and an archived plan is read-only for everyone.

"Allowed" is any answer but a refusal: the page itself, a form shown again with its errors, a
redirect onward, or 405 where the page takes no such request. "Refused" is the sign-in page for
the anonymous visitor, 403 for members and 403 or 404 for the outsider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import get_resolver

from apps.importers.models import DocumentUpload
from apps.importers.services import document_upload_create
from apps.partnerships.models import Membership
from apps.plans.models import Plan
from tests import builders
from tests.builders import roles
from tests.builders.partnerships import person_of, token_of
from tests.module_db import ModuleDb
from tests.test_url_protection import PARAMETER, PUBLIC, VALUES, _walk

Persona = Literal[
    "anonymous",
    "outsider",
    "viewer",
    "lead",
    "coordinator",
    "analyst",
    "manager",
    "administrator",
]
PERSONAS: tuple[Persona, ...] = get_args(Persona)
STATES = (Plan.Status.LIVE, Plan.Status.DRAFT, Plan.Status.ARCHIVED)
SIGN_IN = "/accounts/sign-in/"

ANYONE = frozenset(PERSONAS)
SIGNED_IN = ANYONE - {"anonymous"}
MEMBERS = SIGNED_IN - {"outsider"}
NOBODY: frozenset[Persona] = frozenset()


GET, POST = "GET", "POST"
BOTH = frozenset({GET, POST})


@dataclass(frozen=True)
class Access:
    """Who may use a route, which requests it takes, and how a plan's state enters into it.

    plan="reads": the page shows one plan (or a report of it); a draft is for the manager and
    administrators only. plan="changes": the page changes one plan; a draft is for its manager
    and an archived plan for nobody. public: open without signing in (see PUBLIC in
    test_url_protection), so an anonymous visitor is never sent to sign in.
    """

    who: frozenset[Persona]
    plan: Literal["reads", "changes"] | None = None
    takes: frozenset[str] = BOTH
    public: bool = False


def _only(*personas: Persona) -> frozenset[Persona]:
    return frozenset(personas)


ANALYSTS = _only("analyst", "manager")
MANAGER = _only("manager")
ADMINISTRATOR = _only("administrator")
LEADS = _only("lead", "coordinator", "manager")

ACCESS: dict[str, Access] = {
    # --- the signed-in user's own pages, about no one partnership ---------------------------
    "plans:home": Access(SIGNED_IN),
    "plans:my-actions": Access(SIGNED_IN),
    "plans:agency-actions": Access(SIGNED_IN),
    "accounts:sign-out": Access(SIGNED_IN, takes=frozenset({POST})),
    "accounts:keep-alive": Access(SIGNED_IN, takes=frozenset({POST})),
    "accounts:password-change": Access(SIGNED_IN),
    "accounts:password-change-done": Access(SIGNED_IN, takes=frozenset({GET})),
    "accounts:two-factor": Access(SIGNED_IN),
    "accounts:two-factor-setup": Access(SIGNED_IN),
    "accounts:two-factor-recovery-codes": Access(SIGNED_IN),
    "accounts:two-factor-verify": Access(SIGNED_IN),
    "accounts:two-factor-disable": Access(SIGNED_IN),
    # --- public: for somebody who cannot sign in yet -----------------------------------------
    "accounts:sign-in": Access(ANYONE, public=True),
    "accounts:password-reset": Access(ANYONE, public=True),
    "accounts:password-reset-sent": Access(ANYONE, public=True, takes=frozenset({GET})),
    "accounts:password-reset-confirm": Access(ANYONE, public=True),
    "accounts:password-reset-complete": Access(ANYONE, public=True, takes=frozenset({GET})),
    "accounts:single-sign-on": Access(ANYONE, public=True),
    "accounts:single-sign-on-start": Access(ANYONE, public=True, takes=frozenset({GET})),
    # Refused to everybody who did not come back from the identity provider with its state.
    "accounts:single-sign-on-callback": Access(NOBODY, public=True, takes=frozenset({GET})),
    "invitations:accept": Access(ANYONE, public=True),
    # --- plans -------------------------------------------------------------------------------
    "plans:plan": Access(MEMBERS, plan="reads"),
    "plans:what-changed": Access(MEMBERS, plan="reads"),
    "plans:action": Access(MEMBERS, plan="reads"),
    "importers:workbook-download": Access(MEMBERS, plan="reads"),
    "plans:add-update": Access(LEADS, plan="changes"),
    "plans:plan-settings": Access(MANAGER, plan="changes"),
    "plans:plan-roll-forward": Access(MANAGER, plan="changes"),
    "plans:plan-matches": Access(MANAGER, plan="changes"),
    "plans:action-edit": Access(MANAGER, plan="changes"),
    "plans:action-move": Access(MANAGER, plan="changes"),
    "plans:action-retire": Access(MANAGER, plan="changes"),
    "plans:action-predecessor": Access(MANAGER, plan="changes"),
    "plans:action-add": Access(MANAGER, plan="changes"),
    "importers:tracker-preview": Access(MANAGER, plan="changes"),
    "importers:workbook-upload": Access(MANAGER, plan="changes"),
    "importers:workbook-upload-confirm": Access(MANAGER, plan="changes"),
    # --- new plans from documents and workbooks ---------------------------------------------
    # Offers only the partnerships the user manages: any partnership's manager may open it.
    "importers:document-upload": Access(_only("outsider", "manager")),
    "importers:document-preview": Access(MANAGER),
    "importers:workbook-template": Access(MANAGER),
    "importers:workbook-create": Access(MANAGER),
    "importers:workbook-create-confirm": Access(MANAGER),
    # --- performance: members read, analysts and managers change ----------------------------
    "performance:summary": Access(MEMBERS),
    "performance:exceptions": Access(MEMBERS),
    "performance:priority": Access(MEMBERS),
    "performance:measure": Access(MEMBERS),
    "performance:observations-export": Access(MEMBERS),
    "performance:report-edit": Access(ANALYSTS),
    "performance:measure-settings": Access(ANALYSTS),
    "performance:observation-add": Access(ANALYSTS),
    "performance:observations-import": Access(ANALYSTS),
    "performance:observation-edit": Access(ANALYSTS),
    "performance:priority-add": Access(ANALYSTS),
    "performance:priority-edit": Access(ANALYSTS),
    "performance:alignment-add": Access(ANALYSTS),
    "performance:alignment-edit": Access(ANALYSTS),
    "performance:alignment-remove": Access(ANALYSTS),
    "performance:measure-add": Access(ANALYSTS),
    "performance:measure-edit": Access(ANALYSTS),
    "importers:indicators-upload": Access(ANALYSTS),
    "importers:indicators-preview": Access(ANALYSTS),
    # --- board reports: members read (a report of a draft plan is a draft too) --------------
    "reports:list": Access(MEMBERS),
    "reports:report": Access(MEMBERS, plan="reads"),
    "reports:download": Access(MEMBERS, plan="reads"),
    "reports:create": Access(MANAGER),
    "reports:edit": Access(MANAGER, plan="reads"),
    # --- the partnership administrator's pages ----------------------------------------------
    "partnerships:people-and-agencies": Access(ADMINISTRATOR),
    "partnerships:organisation-list": Access(ADMINISTRATOR),
    "partnerships:organisation-add": Access(ADMINISTRATOR),
    "partnerships:organisation-edit": Access(ADMINISTRATOR),
    "partnerships:organisation-active": Access(ADMINISTRATOR),
    "partnerships:person-list": Access(ADMINISTRATOR),
    "partnerships:person-add": Access(ADMINISTRATOR),
    "partnerships:person-edit": Access(ADMINISTRATOR),
    "partnerships:person-active": Access(ADMINISTRATOR),
    "partnerships:member-list": Access(ADMINISTRATOR),
    "partnerships:member-role": Access(ADMINISTRATOR),
    "partnerships:member-administrator": Access(ADMINISTRATOR),
    "partnerships:member-end": Access(ADMINISTRATOR),
    "partnerships:security-log": Access(ADMINISTRATOR),
    "partnerships:invitation-list": Access(ADMINISTRATOR),
    "partnerships:invitation-add": Access(ADMINISTRATOR),
    "partnerships:invitation-resend": Access(ADMINISTRATOR, takes=frozenset({POST})),
    "partnerships:invitation-revoke": Access(ADMINISTRATOR, takes=frozenset({POST})),
    "partnerships:two-factor": Access(ADMINISTRATOR),
    "reports:audit-log": Access(ADMINISTRATOR),
}
SEE_DRAFTS = _only("manager", "administrator")


def expected(access: Access, persona: Persona, method: str, state: str) -> str:
    """What the persona should get: "allowed", "refused", "sign in" or "not taken" (405)."""
    allowed = persona in access.who
    if access.plan is not None and state == Plan.Status.DRAFT:
        allowed = allowed and persona in SEE_DRAFTS
    if access.plan == "changes" and state == Plan.Status.ARCHIVED:
        allowed = False
    if method not in access.takes and (allowed or access.public):
        return "not taken"
    if allowed:
        return "allowed"
    return "sign in" if persona == "anonymous" and not access.public else "refused"


ROUTES = [(name, route) for name, route in _walk(get_resolver().url_patterns)]


@dataclass
class World:
    """The partnership's rows by parameter name, per plan state."""

    ids: dict[str, dict[str, str]]  # state → parameter → id


def _world() -> World:
    partnership = builders.partnership("Matrix Community Safety Partnership")
    users = {
        "viewer": builders.member(
            partnership=partnership, role=Membership.Role.VIEWER, username="m-viewer"
        ),
        "lead": builders.member(
            partnership=partnership, role=Membership.Role.LEAD, username="m-lead"
        ),
        "analyst": builders.member(
            partnership=partnership, role=Membership.Role.ANALYST, username="m-analyst"
        ),
        "manager": builders.member(
            partnership=partnership, role=Membership.Role.MANAGER, username="m-manager"
        ),
        "administrator": roles.administrator(partnership=partnership, username="m-administrator"),
    }
    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Matrix Constabulary"
    )
    roles.coordinator(partnership=partnership, organisation=police, username="m-coordinator")
    other = builders.partnership("Elsewhere Community Safety Partnership")
    builders.small_plan(partnership=other)
    builders.administrator(partnership=other, username="m-outsider")

    upload = builders.document_upload(partnership=partnership, user=users["manager"])
    priority = builders.priority(partnership=partnership)
    alignment = builders.alignment(priority=priority)
    measure = builders.measure(priority=priority)
    observation, _ = builders.figures(measure=measure, values=[1, 2])
    sent = builders.invitation(partnership=partnership)
    indicators = document_upload_create(
        partnership=partnership,
        user=users["manager"],
        file_name="indicators.csv",
        content=b"Indicator,Baseline,Target,Q1\nVictims of burglary,120,100,104\n",
        purpose=DocumentUpload.Purpose.INDICATORS,
    )
    last_year = builders.small_plan(partnership=partnership).plan
    Plan.objects.filter(pk=last_year.pk).update(status=Plan.Status.ARCHIVED)
    common = {
        "partnership_id": partnership.pk,
        "document_upload_id": upload.pk,
        "priority_id": priority.pk,
        "priority_alignment_id": alignment.pk,
        "measure_id": measure.pk,
        "observation_id": observation.pk,
        "invitation_id": sent.invitation.pk,
        "token": token_of(sent),
        "indicators_upload_id": indicators.pk,
        "organisation_id": police.pk,
        "person_id": person_of(users["lead"], partnership).pk,
        "membership_id": users["viewer"].memberships.get(partnership=partnership).pk,
    }
    ids: dict[str, dict[str, str]] = {}
    lead_person = person_of(users["lead"], partnership)
    for state in STATES:
        small = builders.small_plan(partnership=partnership)
        action = small.actions[0]
        action.lead_people.add(lead_person)
        action.lead_organisations.add(police)
        definition = builders.definition(
            partnership=partnership, plans=[small.plan], slug=f"report-{state}"
        )
        Plan.objects.filter(pk=small.plan.pk).update(status=state, predecessor=last_year)
        ids[state] = {
            k: str(v)
            for k, v in {
                **common,
                "plan_id": small.plan.pk,
                "objective_id": small.objectives[0].pk,
                "action_id": action.pk,
                "report_definition_id": definition.pk,
            }.items()
        }
    return World(ids=ids)


@pytest.fixture(scope="module")
def world(module_db: ModuleDb) -> World:
    with module_db():
        return _world()


# Routes whose parameter names an object of one kind in particular.
PARAMETER_FOR = {"importers:indicators-preview": {"document_upload_id": "indicators_upload_id"}}


def _path(name: str, route: str, ids: dict[str, str]) -> str:
    chosen = PARAMETER_FOR.get(name, {})

    def value(match: re.Match[str]) -> str:
        parameter = chosen.get(match["name"], match["name"])
        return ids.get(parameter) or VALUES[parameter]

    path = PARAMETER.sub(value, route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def _answer(client: Client, method: str, path: str) -> str:
    response = client.get(path) if method == "GET" else client.post(path, {})
    if response.status_code == 302 and response["Location"].startswith(f"{SIGN_IN}?next="):
        return "sign in"
    if response.status_code in (403, 404):
        return "refused"
    if response.status_code == 405:
        return "not taken"
    return "allowed"


def _client(persona: Persona) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(User.objects.get(username=f"m-{persona}"))
    return client


def test_every_route_says_who_may_use_it() -> None:
    """A new page fails here until ACCESS says who may open it and post to it."""
    names = {name for name, _ in ROUTES}
    assert sorted(names - set(ACCESS)) == [], "add these routes to ACCESS"
    assert sorted(set(ACCESS) - names) == [], "these routes no longer exist"


def test_the_public_routes_are_the_ones_open_without_signing_in() -> None:
    assert {name for name, access in ACCESS.items() if access.public} == set(PUBLIC)


CASES = [
    pytest.param(name, route, persona, state, id=f"{name}-{persona}-{state}")
    for name, route in ROUTES
    if name in ACCESS
    for persona in PERSONAS
    for state in (STATES if ACCESS[name].plan else (Plan.Status.LIVE,))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "persona", "state"), CASES)
def test_persona_gets_what_the_route_allows(
    name: str, route: str, persona: Persona, state: str, world: World
) -> None:
    """GET, then POST (an empty form, with the test client's CSRF checks off), as the persona
    on the page of a plan in the given state."""
    client = _client(persona)
    path = _path(name, route, world.ids[state])
    answers = {method: _answer(client, method, path) for method in (GET, POST)}
    access = ACCESS[name]
    assert answers == {method: expected(access, persona, method, state) for method in (GET, POST)}
