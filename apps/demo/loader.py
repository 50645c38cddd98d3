"""The demo `make run` loads: both NSDC plan editions, their people and demo users, the
performance and reports demos, and Bolsover CSP, which shares a user with the first.

Idempotent: every step looks for what it would create first, so a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from apps.demo.bolsover import bolsover_demo_load
from apps.demo.members import demo_member, demo_organisation_kinds, demo_person
from apps.demo.performance.loader import performance_demo_load
from apps.demo.plans import plan_import_once
from apps.demo.reports import report_demo_load
from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.partnerships.models import Membership, Organisation, Partnership
from apps.partnerships.services import partnership_get_or_create, person_create, person_edit
from apps.plans.models import Plan
from apps.plans.services.editions import plan_match_predecessor_actions

DEMO_PARTNERSHIP = "Bassetlaw, Newark & Sherwood CSP"
# Names printed in the plans' own author lines; everyone else is known by initials only.
DEMO_PEOPLE = {
    "YS": ("Yvonne Swinton", "Community Protection Manager"),
    "JW": ("Jenny Walker", "Business Manager – Public Protection"),
}
DEMO_ORGANISATIONS = {
    "BNS CSP": (Organisation.Kind.PARTNERSHIP, ""),
    "CSP": (Organisation.Kind.PARTNERSHIP, ""),
}
# Username, role, whether they administer the partnership, and the person they sign in as.
DEMO_USERS = [
    ("demo", Membership.Role.MANAGER, True, "JW"),
    ("ys", Membership.Role.LEAD, False, "YS"),
    ("viewer", Membership.Role.VIEWER, False, None),
]


@dataclass
class DemoResult:
    partnership: Partnership
    created: list[str] = field(default_factory=list)


@transaction.atomic
def demo_load(*, password: str) -> DemoResult:
    partnership = partnership_get_or_create(name=DEMO_PARTNERSHIP)
    result = DemoResult(partnership=partnership)
    old, created = plan_import_once(
        partnership=partnership,
        path=NSDC_2025,
        status=Plan.Status.ARCHIVED,
        predecessor=None,
        period="2025",
    )
    if created:
        result.created.append(f"plan “{old}” (archived)")
    live, created = plan_import_once(
        partnership=partnership,
        path=NSDC_2026,
        status=Plan.Status.LIVE,
        predecessor=old,
        period="2026-27",
    )
    if created:
        result.created.append(f"plan “{live}” (live)")
    # Link each 2026-27 action to the 2025 one it continues, so What changed has them paired;
    # only changed links are saved, so a second run writes nothing.
    matching = plan_match_predecessor_actions(plan=live)
    if matching.changed:
        result.created.append(f"{matching.changed} actions linked to the earlier edition")
    for initials, (name, job_title) in DEMO_PEOPLE.items():
        person = partnership.people.filter(initials=initials).first()
        if person is None:
            person_create(
                partnership=partnership,
                initials=initials,
                name=name,
                job_title=job_title,
                user=None,
            )
        elif not person.name:
            person_edit(person=person, name=name, job_title=job_title, user=None)
    demo_organisation_kinds(partnership=partnership, kinds=DEMO_ORGANISATIONS)
    for username, role, administrator, lead_initials in DEMO_USERS:
        user, created = demo_member(
            partnership=partnership,
            username=username,
            role=role,
            password=password,
            administrator=administrator,
        )
        if created:
            result.created.append(f"user {username}")
        if lead_initials:
            demo_person(partnership=partnership, user=user, initials=lead_initials)

    result.created += performance_demo_load(partnership=partnership, password=password)
    # The reports demo needs the plans and priorities above.
    result.created += report_demo_load(partnership=partnership, live=live)
    result.created += bolsover_demo_load(password=password)
    return result
