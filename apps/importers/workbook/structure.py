"""What an import checks rows against: the plan's ratings, leads, objectives and actions.

A plan with no objectives yet (a new plan made from the blank template) takes its themes and
objectives from the rows instead; ``structure_problems`` checks those rows agree with each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from apps.importers.workbook.data import clean_text
from apps.importers.workbook.layout import COLUMN, normalise
from apps.importers.workbook.reading import (
    Problem,
    SheetRow,
    as_text,
    as_whole_number,
    cell_problem,
)
from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.models import Action, Objective, Plan

DEFAULT_RATINGS = [("R", "Red"), ("A", "Amber"), ("G", "Green")]
THEME_REQUIRED = "Enter the theme: a new plan takes its themes from this column"
THEME_TOO_LONG = "The theme must be 200 characters or fewer (it has {length})"
OBJECTIVE_TITLES_DIFFER = (
    "Objective {number} of “{theme}” has a different title on row {first}. "
    "Give each objective one title"
)


@dataclass
class PlanContext:
    partnership: Partnership
    plan: Plan | None
    ratings: dict[str, str]  # a rating's label or code, normalised → its code
    rating_labels: dict[str, str]  # code → label, in the plan's order
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    objectives: dict[int, list[Objective]] = field(default_factory=dict)
    actions: dict[int, Action] = field(default_factory=dict)
    retired: dict[int, str] = field(default_factory=dict)
    other_plans: set[int] = field(default_factory=set)

    @property
    def structure(self) -> bool:
        """True when the rows create the plan's themes and objectives."""
        return not self.objectives

    @classmethod
    def build(
        cls, *, partnership: Partnership, plan: Plan | None, actions: Iterable[Action] = ()
    ) -> PlanContext:
        pairs = [(r.code, r.label) for r in plan.ratings.all()] if plan else []
        pairs = pairs or ([] if plan else DEFAULT_RATINGS)
        ratings = {normalise(code): code for code, _ in pairs}
        ratings.update({normalise(label): code for code, label in pairs})
        context = cls(
            partnership=partnership,
            plan=plan,
            ratings=ratings,
            rating_labels=dict(pairs),
            people={p.initials.upper(): p for p in partnership.people.all()},
            organisations={
                " ".join(o.short_name.split()).upper(): o for o in partnership.organisations.all()
            },
        )
        if plan is not None:
            for objective in Objective.objects.filter(theme__plan=plan).select_related("theme"):
                context.objectives.setdefault(objective.number, []).append(objective)
            context.actions = {a.pk: a for a in actions}
            context.retired = dict(
                Action.objects.filter(
                    objective__theme__plan=plan, retired_at__isnull=False
                ).values_list("pk", "number")
            )
        return context

    def note_other_plans(self, rows: list[SheetRow]) -> None:
        """Find which unknown keys belong to actions of other plans, in one query."""
        keys = {as_whole_number(row.values["key"]) for row in rows}
        unknown = {k for k in keys if k is not None} - self.actions.keys() - self.retired.keys()
        if unknown:
            self.other_plans = set(
                Action.objects.filter(pk__in=unknown).values_list("pk", flat=True)
            )


def structure_problems(rows: list[SheetRow], context: PlanContext) -> list[Problem]:
    """Rows that create themes and objectives must name a theme and agree on each title."""
    problems: list[Problem] = []
    titles: dict[tuple[str, int], tuple[str, int]] = {}
    for row in rows:
        theme = as_text(row.values["theme"])
        number = as_whole_number(row.values["objective_number"])
        if not theme:
            problems.append(cell_problem(row.number, COLUMN["theme"], THEME_REQUIRED))
            continue
        if len(theme) > 200:
            message = THEME_TOO_LONG.format(length=len(theme))
            problems.append(cell_problem(row.number, COLUMN["theme"], message))
        if number is None:
            continue
        title = clean_text(as_text(row.values["objective_title"]))
        key = (normalise(theme), number)
        if key not in titles or not titles[key][0]:
            titles[key] = (title, titles.get(key, (title, row.number))[1])
        elif title and normalise(title) != normalise(titles[key][0]):
            message = OBJECTIVE_TITLES_DIFFER.format(
                number=number, theme=theme, first=titles[key][1]
            )
            problems.append(cell_problem(row.number, COLUMN["objective_title"], message))
    return problems
