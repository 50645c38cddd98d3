"""Plans: an empty live plan, a small plan whose actions go through the plan services, and a
large plan for query counts.

A plan, its RAG scheme, themes, objectives and the small plan's actions and first updates go
through the plan services an import uses (`apps.plans.services.structure`): they keep what they
are given, as a document printed it, with nobody signed in. The large plan is bulk inserts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Objective, Plan, Status, Tag, Theme, Update
from apps.plans.services import (
    action_import,
    objective_create,
    plan_create,
    rating_create,
    theme_create,
    update_import,
)

RAG = [
    ("R", "Red", "#d4351c", "Actions underway but no significant change."),
    ("A", "Amber", "#f47738", "Actions underway with evidence of significant shift."),
    ("G", "Green", "#00703c", "Targets and measures met."),
]


def plan(
    *, partnership: Partnership, title: str = "Delivery Plan", status: str = Plan.Status.LIVE
) -> Plan:
    new_plan = plan_create(
        partnership=partnership, title=title, period_label="2026-27", status=status, user=None
    )
    for position, (code, label, colour, definition) in enumerate(RAG):
        rating_create(
            plan=new_plan,
            code=code,
            label=label,
            colour=colour,
            definition=definition,
            position=position,
            user=None,
        )
    return new_plan


@dataclass
class SmallPlan:
    plan: Plan
    themes: list[Theme]
    objectives: list[Objective]
    actions: list[Action]


def small_plan(*, partnership: Partnership, actions_per_objective: int = 2) -> SmallPlan:
    """Two themes, one objective each, a few actions with leads, tags and an update."""
    new_plan = plan(partnership=partnership)
    green = new_plan.ratings.get(code="G")
    csp = Organisation.objects.get_or_create(
        partnership=partnership, short_name="CSP", defaults={"name": "Community Safety Partnership"}
    )[0]
    asb = Tag.objects.get_or_create(name="ASB", slug="asb")[0]
    themes, objectives, actions = [], [], []
    for t, (title, statement) in enumerate(
        [("Prevention", "Working to prevent crime."), ("Response", "Responding to harm.")]
    ):
        theme = theme_create(plan=new_plan, title=title, statement=statement, position=t, user=None)
        objective = objective_create(
            theme=theme, number=t + 1, title=f"Objective title {t + 1}", user=None
        )
        themes.append(theme)
        objectives.append(objective)
        for i in range(actions_per_objective):
            by_when = interpret_by_when("31/3/2025" if i == 0 else "On-going")
            action = action_import(
                objective=objective,
                user=None,
                number=f"{i + 1})",
                position=i,
                method="Training" if i == 0 else "",
                text=f"Action {t + 1}.{i + 1} about anti-social behaviour",
                due_text=by_when.text,
                due_date=by_when.due_date,
                status=by_when.status or (Status.NOT_STARTED if i == 0 else Status.ONGOING),
                rating=green if i else None,
                lead_organisations=[csp],
                tags=[asb],
            )
            # An update as an imported document leaves it, words without a date or a status
            # (`action_add_update` dates one and records a status, as a lead's update does).
            update_import(
                action=action, user=None, text=f"First update on {t + 1}.{i + 1}", reported_on=None
            )
            actions.append(action)
    return SmallPlan(plan=new_plan, themes=themes, objectives=objectives, actions=actions)


def small_plan_get(small: SmallPlan) -> SmallPlan:
    """The same small plan read afresh, so a test's changes to its rows stay its own."""

    def fresh(rows: list[Any]) -> list[Any]:
        found = type(rows[0])._default_manager.in_bulk([row.pk for row in rows])
        return [found[row.pk] for row in rows]

    return SmallPlan(
        plan=Plan.objects.get(pk=small.plan.pk),
        themes=fresh(small.themes),
        objectives=fresh(small.objectives),
        actions=fresh(small.actions),
    )


def large_plan(*, partnership: Partnership, actions: int, objectives: int = 14) -> Plan:
    """A plan of the given size in a handful of bulk inserts, for query-count tests and benches.

    Each action has a person and an organisation as leads, a tag and two updates; a third of
    them are overdue, so every column and marker of the plan page is exercised. Bulk inserts
    rather than the services: a plan of hundreds of actions through `action_create` would take
    seconds per test, and these tests count the queries of the pages that read the plan, not
    of the writes that made it.
    """
    new_plan = plan(partnership=partnership, title=f"Plan with {actions} actions")
    ratings = list(new_plan.ratings.all())
    people = [
        Person.objects.get_or_create(partnership=partnership, initials=initials)[0]
        for initials in ("JW", "YS", "SM", "KS")
    ]
    csp = Organisation.objects.get_or_create(
        partnership=partnership, short_name="CSP", defaults={"name": "Community Safety Partnership"}
    )[0]
    tag = Tag.objects.get_or_create(name="ASB", slug="asb")[0]
    themes = [
        Theme.objects.create(plan=new_plan, title=title, statement=f"{title} statement", position=i)
        for i, title in enumerate(["Prevention", "Response", "Support", "Collaborative Working"])
    ]
    objective_rows = Objective.objects.bulk_create(
        Objective(theme=themes[i % len(themes)], number=i + 1, title=f"Objective {i + 1} title")
        for i in range(objectives)
    )
    statuses = [Status.ONGOING, Status.NOT_STARTED, Status.COMPLETED, Status.ON_HOLD]
    action_rows = Action.objects.bulk_create(
        Action(
            objective=objective_rows[i % objectives],
            number=f"{i // objectives + 1})",
            position=i // objectives,
            method="Training",
            text=f"Action {i} to reduce anti-social behaviour in the district",
            sub_items=["Domestic Abuse", "Safeguarding"],
            due_text="31/3/2025" if i % 3 == 0 else "On-going",
            due_date=date(2025, 3, 31) if i % 3 == 0 else None,
            status=statuses[i % len(statuses)],
            rating=ratings[i % len(ratings)],
        )
        for i in range(actions)
    )
    Action.lead_people.through.objects.bulk_create(
        Action.lead_people.through(action_id=a.pk, person_id=people[i % len(people)].pk)
        for i, a in enumerate(action_rows)
    )
    Action.lead_organisations.through.objects.bulk_create(
        Action.lead_organisations.through(action_id=a.pk, organisation_id=csp.pk)
        for a in action_rows
    )
    Action.tags.through.objects.bulk_create(
        Action.tags.through(action_id=a.pk, tag_id=tag.pk) for a in action_rows
    )
    Update.objects.bulk_create(
        Update(action=a, text=f"Update {k} on action {a.pk}", reported_on=date(2025, 1 + k, 1))
        for a in action_rows
        for k in range(2)
    )
    return new_plan
