"""The demo partnership `make run` loads: both NSDC plan editions, their people and demo users.

Idempotent: every step looks for what it would create first, so a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from apps.demo.members import demo_member
from apps.demo.performance.loader import performance_demo_load
from apps.demo.reports import report_demo_load
from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.importers.domain.documents import decode_document, parse_plan_document
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Membership, Partnership, Person
from apps.partnerships.services import (
    partnership_get_or_create,
    person_create,
    person_edit,
    person_link_user,
)
from apps.plans.models import Plan
from apps.plans.services.editions import plan_match_predecessor_actions

DEMO_PARTNERSHIP = "Bassetlaw, Newark & Sherwood CSP"
# Names printed in the plans' own author lines; everyone else is known by initials only.
DEMO_PEOPLE = {
    "YS": ("Yvonne Swinton", "Community Protection Manager"),
    "JW": ("Jenny Walker", "Business Manager – Public Protection"),
}
DEMO_USERS = [
    ("demo", Membership.Role.MANAGER, "JW"),
    ("ys", Membership.Role.LEAD, "YS"),
    ("viewer", Membership.Role.VIEWER, None),
]


@dataclass
class DemoResult:
    partnership: Partnership
    created: list[str] = field(default_factory=list)


def _import_once(
    *, partnership: Partnership, path: Path, status: str, predecessor: Plan | None, period: str
) -> tuple[Plan, bool]:
    existing = Plan.objects.filter(partnership=partnership, source_name=path.name).first()
    if existing is not None:
        return existing, False
    parsed = parse_plan_document(decode_document(path.read_bytes()))
    # The 2025 edition prints no period in its title; the demo knows which year it covers.
    parsed.period_label = parsed.period_label or period
    plan = plan_create_from_parsed(
        parsed=parsed,
        partnership=partnership,
        status=status,
        predecessor=predecessor,
        source_name=path.name,
    )
    return plan, True


@transaction.atomic
def demo_load(*, password: str) -> DemoResult:
    partnership = partnership_get_or_create(name=DEMO_PARTNERSHIP)
    result = DemoResult(partnership=partnership)
    old, created = _import_once(
        partnership=partnership,
        path=NSDC_2025,
        status=Plan.Status.ARCHIVED,
        predecessor=None,
        period="2025",
    )
    if created:
        result.created.append(f"plan “{old}” (archived)")
    live, created = _import_once(
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
    for username, role, lead_initials in DEMO_USERS:
        user, created = demo_member(
            partnership=partnership, username=username, role=role, password=password
        )
        if created:
            result.created.append(f"user {username}")
        if lead_initials:
            lead = partnership.people.get(initials=lead_initials)
            if lead.user_id is None and not Person.objects.filter(user=user).exists():
                person_link_user(person=lead, user=user, by=None)

    result.created += performance_demo_load(partnership=partnership, password=password)
    # The reports demo needs the plans and priorities above.
    result.created += report_demo_load(partnership=partnership, live=live)
    return result
