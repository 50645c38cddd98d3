"""Loads the performance demo: Norfolk's priorities A–F into a Norfolk partnership, and the
Nottinghamshire PCC's headline measures into the demo partnership.

Norfolk gets its own partnership because its priorities, sponsors and narrative are Norfolk's:
putting them under the Bassetlaw, Newark & Sherwood CSP would tell a false story. A new
"analyst" user is an analyst in both, so one sign-in shows all of it (the other demo users
keep their single membership).
Idempotent: a priority that exists already is left as it is, with everything under it.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import User

from apps.demo.performance import norfolk as demo_norfolk
from apps.demo.performance import notts as demo_notts
from apps.demo.performance.data import MeasureSeed, PrioritySeed, lines
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import partnership_get_or_create
from apps.performance.domain.periods import parse_period
from apps.performance.models import (
    Measure,
    Observation,
    Priority,
    PriorityAlignment,
    PriorityReport,
)

ANALYST_USERNAME = "analyst"
NORFOLK_MEMBERS = [(ANALYST_USERNAME, Membership.Role.ANALYST)]
REPORT_PERIOD = "Q2 2013/14"


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _measures(
    priority: Priority, seeds: tuple[MeasureSeed, ...], comments: tuple[str, ...]
) -> None:
    for position, seed in enumerate(seeds):
        measure = Measure.objects.create(
            priority=priority,
            position=position,
            code=seed.code,
            title=seed.title,
            unit=seed.unit,
            polarity=seed.polarity,
            frequency=seed.frequency,
            baseline_value=_number(seed.baseline_value),
            baseline_label=seed.baseline_label,
            target_kind=seed.target_kind,
            target_value=_number(seed.target_value),
            target_comparator_name=seed.comparator_name,
            target_text=seed.target_text,
            comment=comments[position] if comments else "",
        )
        Observation.objects.bulk_create(
            Observation(
                measure=measure,
                period_label=o.label,
                period_start=o.start,
                value=Decimal(o.value),
                comparator_value=_number(o.comparator),
                target_value=_number(o.target),
                numerator=_number(o.numerator),
                denominator=_number(o.denominator),
                note=o.note,
            )
            for o in seed.observations
        )


def _priority(
    partnership: Partnership, seed: PrioritySeed, comments: tuple[str, ...] = ()
) -> Priority | None:
    if Priority.objects.filter(partnership=partnership, code=seed.code).exists():
        return None
    has_plan_text = seed.why != (0, 0)
    priority = Priority.objects.create(
        partnership=partnership,
        code=seed.code,
        title=seed.title,
        sponsor_name=seed.sponsor,
        lead_officer=seed.lead_officer,
        why=lines(*seed.why) if has_plan_text else "",
        objectives=lines(*seed.objectives) if has_plan_text else "",
    )
    _measures(priority, seed.measures, comments)
    for position, (ours, theirs, comment) in enumerate(seed.alignments):
        PriorityAlignment.objects.create(
            priority=priority,
            position=position,
            our_wording=ours,
            other_plan=demo_norfolk.POLICE_AND_CRIME_PLAN,
            other_priority=theirs,
            comment=comment,
        )
    if seed.traffic_light:
        summary, reached, missed, prospects, light, _end = seed.report
        PriorityReport.objects.create(
            priority=priority,
            period_label=REPORT_PERIOD,
            period_start=parse_period(REPORT_PERIOD),
            summary=lines(summary + 1, reached - 1),
            milestones_reached=lines(reached + 1, missed - 1),
            milestones_missed=lines(missed + 1, prospects - 1),
            prospects_and_risks=lines(prospects + 1, light - 1),
            traffic_light=seed.traffic_light,
            traffic_light_comment=lines(*seed.light_comment) if seed.light_comment else "",
        )
    return priority


def _member(partnership: Partnership, username: str, role: str, password: str) -> bool:
    user = User.objects.filter(username=username).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(username=username, password=password)
    Membership.objects.get_or_create(partnership=partnership, user=user, defaults={"role": role})
    return created


def performance_demo_load(*, partnership: Partnership, password: str) -> list[str]:
    """What was created, in words, for `load_demo` to print."""
    created = []
    norfolk = partnership_get_or_create(name=demo_norfolk.PARTNERSHIP)
    for username, role in NORFOLK_MEMBERS:
        if _member(norfolk, username, role, password):
            created.append(f"user {username}")
    _member(partnership, ANALYST_USERNAME, Membership.Role.ANALYST, password)
    for seed in demo_norfolk.PRIORITIES:
        if _priority(norfolk, seed):
            created.append(f"Norfolk priority {seed.code}")
    for seed, comments in demo_notts.priorities():
        if _priority(partnership, seed, comments):
            created.append(f"Nottinghamshire headline measures: {seed.title}")
    return created
