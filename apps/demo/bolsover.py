"""The demo's second partnership: Bolsover CSP with its 2017-2020 plan, whose actions are led
by agencies ("Police" leads 29 of them).

It shows what the NSDC plan cannot: an agency coordinator, the police inspector "police", who
answers for every action the police lead. It also shares a user with the first partnership:
"ys" is an action lead here too, with a person of her own, and leads the two "CSP Team" actions
of the anti-social behaviour theme. That arrangement is the demo's, not the document's.
"""

from __future__ import annotations

from apps.demo.members import demo_member, demo_organisation_kinds, demo_person
from apps.demo.plans import plan_import_once
from apps.demo.seeds import BOLSOVER_2017
from apps.partnerships.models import Membership, Organisation
from apps.partnerships.services import partnership_get_or_create
from apps.plans.models import Action, Plan
from apps.plans.services.actions import action_save_with_relations

BOLSOVER_PARTNERSHIP = "Bolsover Community Safety Partnership"
POLICE_SHORT_NAME = "Police"
Kind = Organisation.Kind
# The kind of each agency the plan names; the plan prints the force only as "Police".
ORGANISATIONS = {
    POLICE_SHORT_NAME: (Kind.POLICE, "Derbyshire Constabulary"),
    "BDC": (Kind.COUNCIL, ""),
    "DCC": (Kind.COUNCIL, ""),
    "DCC Trading Standards": (Kind.COUNCIL, ""),
    "DFRS": (Kind.FIRE, ""),
    "CCGs": (Kind.HEALTH, ""),
    "CVP": (Kind.VOLUNTARY, ""),
    "NW": (Kind.VOLUNTARY, ""),
    "CSP": (Kind.PARTNERSHIP, ""),
    "CSP Team": (Kind.PARTNERSHIP, ""),
}
COORDINATOR = ("police", "AM", "Alex Morgan", "Inspector, Safer Neighbourhoods")
SHARED_LEAD = ("ys", "YS", "Yvonne Swinton", "Community Protection Manager")
# What the plan prints as the lead of the actions the shared lead takes on in the demo.
SHARED_LEAD_TAKES = "CSP Team"


def bolsover_demo_load(*, password: str) -> list[str]:
    """What was created, in words, for `load_demo` to print."""
    created: list[str] = []
    partnership = partnership_get_or_create(name=BOLSOVER_PARTNERSHIP)
    plan, new = plan_import_once(
        partnership=partnership,
        path=BOLSOVER_2017,
        status=Plan.Status.LIVE,
        predecessor=None,
        period="2017-2020",
    )
    if new:
        created.append(f"plan “{plan}” (live) for {partnership}")
    demo_organisation_kinds(partnership=partnership, kinds=ORGANISATIONS)
    police = partnership.organisations.get(short_name=POLICE_SHORT_NAME)
    for username, role, administrator in (
        ("bolsover", Membership.Role.MANAGER, True),
        (COORDINATOR[0], Membership.Role.COORDINATOR, False),
        (SHARED_LEAD[0], Membership.Role.LEAD, False),
    ):
        user, new = demo_member(
            partnership=partnership,
            username=username,
            role=role,
            password=password,
            administrator=administrator,
        )
        if new:
            created.append(f"user {username}")
        if username == COORDINATOR[0]:
            _, initials, name, job_title = COORDINATOR
            demo_person(
                partnership=partnership,
                user=user,
                initials=initials,
                name=name,
                job_title=job_title,
                organisation=police,
            )
        elif username == SHARED_LEAD[0]:
            _, initials, name, job_title = SHARED_LEAD
            shared = demo_person(
                partnership=partnership,
                user=user,
                initials=initials,
                name=name,
                job_title=job_title,
            )
            led = (
                Action.objects.filter(
                    objective__theme__plan=plan,
                    lead_organisations__short_name=SHARED_LEAD_TAKES,
                )
                .exclude(lead_people=shared)
                .prefetch_related("lead_people", "lead_organisations", "tags")
            )
            for action in led:
                action_save_with_relations(
                    action=action,
                    user=None,
                    lead_people=[*action.lead_people.all(), shared],
                    lead_organisations=action.lead_organisations.all(),
                    tags=action.tags.all(),
                )
    return created
