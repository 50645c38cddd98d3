"""Loads the performance demo: Norfolk's priorities A–F into a Norfolk partnership, and the
Nottinghamshire PCC's headline measures into the demo partnership.

Norfolk gets its own partnership because its priorities, sponsors and narrative are Norfolk's:
putting them under the Bassetlaw, Newark & Sherwood CSP would tell a false story. A new
"analyst" user is an analyst in both, so one sign-in shows all of it (the other demo users
keep their single membership).
Every row is written through the performance services, as an analyst's would be.
Idempotent: a priority that exists already is left as it is, with everything under it.
"""

from __future__ import annotations

from decimal import Decimal

from apps.demo.members import demo_member
from apps.demo.performance import norfolk as demo_norfolk
from apps.demo.performance import notts as demo_notts
from apps.demo.performance.data import MeasureSeed, Obs, PrioritySeed, lines
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import partnership_get_or_create
from apps.performance.domain.rag import TargetKind
from apps.performance.models import Measure, Priority
from apps.performance.services import (
    Figure,
    alignment_save,
    measure_save,
    measure_settings_save,
    observations_add_many,
    priority_report_save,
    priority_save,
)

ANALYST_USERNAME = "analyst"
NORFOLK_MEMBERS = [(ANALYST_USERNAME, Membership.Role.ANALYST)]
REPORT_PERIOD = "Q2 2013/14"


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _figure(seed: Obs) -> Figure:
    denominator = _number(seed.denominator)
    return Figure(
        period_label=seed.label,
        period_start=seed.start,  # Norfolk's rolling years ("Oct 10 to Sep 11") need it
        value=Decimal(seed.value),
        comparator_value=_number(seed.comparator),
        target_value=_number(seed.target),
        # The figures' rules refuse a count without its denominator, so Norfolk B's printed
        # "Rate (Number)" counts stay in the transcription but are not loaded.
        numerator=None if denominator is None else _number(seed.numerator),
        denominator=denominator,
        note=seed.note,
    )


def _measure_save(
    priority: Priority, seed: MeasureSeed, *, measure: Measure | None, target_kind: str
) -> Measure:
    return measure_save(
        priority=priority,
        measure=measure,
        code=seed.code,
        title=seed.title,
        unit=seed.unit,
        polarity=seed.polarity,
        frequency=seed.frequency,
        baseline_value=_number(seed.baseline_value),
        baseline_label=seed.baseline_label,
        target_kind=target_kind,
        target_value=_number(seed.target_value),
        target_comparator_name=seed.comparator_name,
        target_text=seed.target_text,
        user=None,
    )


def _measures(
    priority: Priority, seeds: tuple[MeasureSeed, ...], comments: tuple[str, ...]
) -> None:
    for position, seed in enumerate(seeds):
        # A value target with no level of its own is rated against each figure's target, so
        # it is set once the figures are in (Norfolk A's quarterly targets), as on the pages.
        after_figures = seed.target_kind == TargetKind.VALUE and seed.target_value is None
        target_kind = "" if after_figures else seed.target_kind
        measure = _measure_save(priority, seed, measure=None, target_kind=target_kind)
        figures = [_figure(o) for o in seed.observations]
        observations_add_many(measure=measure, figures=figures, user=None)
        if after_figures:
            _measure_save(priority, seed, measure=measure, target_kind=seed.target_kind)
        if comments and comments[position]:
            measure_settings_save(
                measure=measure, spc_baseline_points=None, comment=comments[position], user=None
            )


def _priority(
    partnership: Partnership, seed: PrioritySeed, comments: tuple[str, ...] = ()
) -> Priority | None:
    if Priority.objects.filter(partnership=partnership, code=seed.code).exists():
        return None
    has_plan_text = seed.why != (0, 0)
    priority = priority_save(
        partnership=partnership,
        code=seed.code,
        title=seed.title,
        sponsor_name=seed.sponsor,
        lead_officer=seed.lead_officer,
        why=lines(*seed.why) if has_plan_text else "",
        objectives=lines(*seed.objectives) if has_plan_text else "",
        user=None,
    )
    _measures(priority, seed.measures, comments)
    for ours, theirs, comment in seed.alignments:
        alignment_save(
            priority=priority,
            our_wording=ours,
            other_plan=demo_norfolk.POLICE_AND_CRIME_PLAN,
            other_priority=theirs,
            comment=comment,
            user=None,
        )
    if seed.traffic_light:
        summary, reached, missed, prospects, light, _end = seed.report
        priority_report_save(
            priority=priority,
            period_label=REPORT_PERIOD,
            summary=lines(summary + 1, reached - 1),
            milestones_reached=lines(reached + 1, missed - 1),
            milestones_missed=lines(missed + 1, prospects - 1),
            prospects_and_risks=lines(prospects + 1, light - 1),
            traffic_light=seed.traffic_light,
            traffic_light_comment=lines(*seed.light_comment) if seed.light_comment else "",
            user=None,
        )
    return priority


def performance_demo_load(*, partnership: Partnership, password: str) -> list[str]:
    """What was created, in words, for `load_demo` to print."""
    created = []
    norfolk = partnership_get_or_create(name=demo_norfolk.PARTNERSHIP)
    for username, role in NORFOLK_MEMBERS:
        _user, new = demo_member(
            partnership=norfolk, username=username, role=role, password=password
        )
        if new:
            created.append(f"user {username}")
    demo_member(
        partnership=partnership,
        username=ANALYST_USERNAME,
        role=Membership.Role.ANALYST,
        password=password,
    )
    for seed in demo_norfolk.PRIORITIES:
        if _priority(norfolk, seed):
            created.append(f"Norfolk priority {seed.code}")
    for seed, comments in demo_notts.priorities():
        if _priority(partnership, seed, comments):
            created.append(f"Nottinghamshire headline measures: {seed.title}")
    return created
