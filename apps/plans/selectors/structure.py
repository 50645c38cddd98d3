"""A plan's shape for a page: themes, then objectives, then the actions being shown."""

from __future__ import annotations

from dataclasses import dataclass

from apps.plans.models import Action, Objective, Plan, Theme


@dataclass
class ObjectiveRows:
    objective: Objective
    actions: list[Action]


@dataclass
class ThemeRows:
    theme: Theme
    objectives: list[ObjectiveRows]


def plan_structure(
    *, plan: Plan, actions: list[Action], keep_empty: bool = True
) -> list[ThemeRows]:
    """Themes → objectives → the given actions, in plan order, in two queries."""
    by_objective: dict[int, list[Action]] = {}
    for action in actions:
        by_objective.setdefault(action.objective_id, []).append(action)
    result = []
    for theme in Theme.objects.filter(plan=plan).prefetch_related("objectives"):
        rows = [
            ObjectiveRows(objective, by_objective.get(objective.pk, []))
            for objective in theme.objectives.all()
        ]
        if not keep_empty:
            rows = [row for row in rows if row.actions]
        if rows or keep_empty:
            result.append(ThemeRows(theme, rows))
    return result
