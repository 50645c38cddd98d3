"""Filtering a plan's actions from a bookmarkable GET query string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from apps.plans.models import Action, Plan, Status
from apps.plans.selectors import action_queryset, overdue_q

NOT_RATED = "none"


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PlanFilters:
    theme: int | None = None
    objective: int | None = None
    lead: str = ""
    status: str = ""
    rating: str = ""
    overdue: bool = False
    tag: str = ""
    q: str = ""

    @classmethod
    def from_query(cls, query: Any) -> PlanFilters:
        """Read filters from a QueryDict, ignoring values that cannot be used."""
        status = query.get("status", "")
        lead = query.get("lead", "").strip()
        if not (len(lead) > 1 and lead[0] in "po" and lead[1:].isdigit()):
            lead = ""
        rating = query.get("rating", "").strip()
        if rating != NOT_RATED and not rating.isdigit():
            rating = ""
        return cls(
            theme=_int_or_none(query.get("theme")),
            objective=_int_or_none(query.get("objective")),
            lead=lead,
            status=status if status in Status.values else "",
            rating=rating,
            overdue=query.get("overdue") in {"1", "on", "true", "yes"},
            tag=query.get("tag", "").strip(),
            q=query.get("q", "").strip(),
        )

    @property
    def active(self) -> bool:
        return any(
            [
                self.theme,
                self.objective,
                self.lead,
                self.status,
                self.rating,
                self.overdue,
                self.tag,
                self.q,
            ]
        )


def plan_actions_filtered(*, plan: Plan, filters: PlanFilters) -> QuerySet[Action]:
    """The plan's live actions narrowed by the filters, prefetched for the plan page."""
    actions = action_queryset().filter(objective__theme__plan=plan, retired_at__isnull=True)
    if filters.theme:
        actions = actions.filter(objective__theme_id=filters.theme)
    if filters.objective:
        actions = actions.filter(objective_id=filters.objective)
    if filters.lead:
        kind, pk = filters.lead[0], int(filters.lead[1:])
        if kind == "p":
            actions = actions.filter(lead_people__id=pk)
        else:
            actions = actions.filter(lead_organisations__id=pk)
    if filters.status:
        actions = actions.filter(status=filters.status)
    if filters.rating == NOT_RATED:
        actions = actions.filter(rating__isnull=True)
    elif filters.rating:
        actions = actions.filter(rating_id=int(filters.rating))
    if filters.overdue:
        actions = actions.filter(overdue_q())
    if filters.tag:
        actions = actions.filter(tags__slug=filters.tag)
    if filters.q:
        actions = actions.filter(
            Q(text__icontains=filters.q) | Q(updates__text__icontains=filters.q)
        )
    return actions.distinct()
