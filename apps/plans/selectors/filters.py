"""Filtering a plan's actions from a bookmarkable GET query string, and the choices offered."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.http import QueryDict

from apps.partnerships.domain.display import organisation_label, person_label
from apps.partnerships.models import Organisation, Person
from apps.plans.models import Action, Objective, Plan, Rating, Status, Tag, Theme
from apps.plans.selectors.actions import action_queryset, overdue_q

NOT_RATED = "none"
_TRUE = {"1", "on", "true", "yes"}


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def text_search_q(text: str) -> Q:
    """Actions whose text, sub-items or any update mention the text, on SQLite and PostgreSQL."""
    q = (
        Q(text__icontains=text)
        | Q(sub_items__icontains=text)
        | Q(updates__text__icontains=text)
        | Q(method__icontains=text)
    )
    # SQLite stores JSON with non-ASCII characters escaped ("\u2019"); PostgreSQL does not.
    escaped = json.dumps(text)[1:-1]
    if escaped != text:
        q |= Q(sub_items__icontains=escaped)
    return q


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
    retired: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> PlanFilters:
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
            overdue=query.get("overdue") in _TRUE,
            tag=query.get("tag", "").strip(),
            q=query.get("q", "").strip()[:200],
            retired=query.get("retired") in _TRUE,
        )

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list (showing retired actions widens it)."""
        return any(getattr(self, f.name) for f in fields(self) if f.name != "retired")


def plan_actions_filtered(*, plan: Plan, filters: PlanFilters) -> QuerySet[Action]:
    """The plan's actions narrowed by the filters, prefetched for the plan page.

    Retired actions are left out unless the filters ask to show them.
    """
    actions = action_queryset().filter(objective__theme__plan=plan)
    if not filters.retired:
        actions = actions.filter(retired_at__isnull=True)
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
        # Matching ids first keeps the joins of the search out of the prefetching query.
        actions = actions.filter(
            pk__in=Action.objects.filter(text_search_q(filters.q)).values("pk")
        )
    return actions.distinct()


@dataclass
class FilterOptions:
    themes: list[Theme]
    objectives: list[Objective]
    leads: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    ratings: list[Rating]
    tags: list[Tag]


def plan_filter_options(*, plan: Plan) -> FilterOptions:
    """The choices for the plan page's filter form, in a fixed number of queries."""
    people = Person.objects.filter(led_actions__objective__theme__plan=plan).distinct()
    organisations = Organisation.objects.filter(led_actions__objective__theme__plan=plan).distinct()
    leads = [(f"o{o.pk}", organisation_label(o)) for o in organisations] + [
        (f"p{p.pk}", person_label(p)) for p in people
    ]
    return FilterOptions(
        themes=list(Theme.objects.filter(plan=plan)),
        objectives=list(Objective.objects.filter(theme__plan=plan).select_related("theme")),
        leads=leads,
        statuses=list(Status.choices),
        ratings=list(Rating.objects.filter(plan=plan)),
        tags=list(Tag.objects.filter(actions__objective__theme__plan=plan).distinct()),
    )
