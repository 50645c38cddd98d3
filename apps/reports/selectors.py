"""Reads for reports: saved definitions, and everything the builder loads to build one.

The builder's reads are here so that it costs a fixed number of queries (per plan chosen, not
per action) and the section modules work on loaded objects only.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from apps.partnerships.models import Partnership, Person
from apps.performance.models import Priority, PriorityReport
from apps.performance.selectors import partnership_priorities
from apps.plans.models import Action, Plan, Rating
from apps.plans.selectors import action_queryset
from apps.reports.models import GlossaryEntry, ReportDefinition


def report_definition_queryset() -> QuerySet[ReportDefinition]:
    """Definitions with their partnership joined (the report prints its name)."""
    return ReportDefinition.objects.select_related("partnership")


def report_definition_list(
    *, partnership: Partnership, drafts: bool = True
) -> list[ReportDefinition]:
    """The partnership's report definitions; without those of a draft plan unless `drafts`."""
    definitions = partnership.report_definitions.order_by("title")
    if not drafts:
        definitions = definitions.exclude(plans__status=Plan.Status.DRAFT)
    return list(definitions)


def report_definition_by_slug(*, slug: str) -> ReportDefinition | None:
    return report_definition_queryset().filter(slug=slug).first()


def report_definition_slugs() -> list[str]:
    return list(ReportDefinition.objects.values_list("slug", flat=True))


def plan_list_for_partnership(*, partnership: Partnership) -> list[Plan]:
    """The plans a definition of this partnership may choose."""
    return list(Plan.objects.filter(partnership=partnership))


def priority_list_for_partnership(*, partnership: Partnership) -> list[Priority]:
    """The priorities a definition of this partnership may choose."""
    return list(Priority.objects.filter(partnership=partnership))


def report_plans(*, definition: ReportDefinition) -> list[Plan]:
    """The chosen plans, newest first."""
    return list(definition.plans.order_by("-starts_on", "pk"))


def report_live_actions(*, plans: list[Plan]) -> list[Action]:
    """Every live action of these plans, with what the plan sections print joined."""
    return list(
        action_queryset().filter(
            objective__theme__plan__in=[p.pk for p in plans], retired_at__isnull=True
        )
    )


def report_ratings(*, plans: list[Plan]) -> dict[int, list[Rating]]:
    """Plan id → its RAG scheme in order."""
    ratings: dict[int, list[Rating]] = {p.pk: [] for p in plans}
    for rating in Rating.objects.filter(plan__in=plans).order_by("plan_id", "position"):
        ratings[rating.plan_id].append(rating)
    return ratings


def report_priorities(*, definition: ReportDefinition) -> list[Priority]:
    """The chosen priorities as the performance pages load them, each with its narratives
    prefetched newest first; none when none is chosen."""
    chosen = set(definition.priorities.values_list("pk", flat=True))
    if not chosen:
        return []
    everything = partnership_priorities(partnership=definition.partnership)
    priorities = [p for p in everything if p.pk in chosen]
    reports = PriorityReport.objects.order_by("-period_start", "-pk")
    prefetch_related_objects(priorities, Prefetch("reports", queryset=reports))
    return priorities


def _named_people(partnership_id: int) -> QuerySet[Person]:
    return Person.objects.filter(partnership_id=partnership_id).exclude(name="")


def person_names(*, partnership_id: int) -> dict[int, str]:
    """Person id → name, for the partnership's people who have a name on record."""
    return dict(_named_people(partnership_id).values_list("pk", "name"))


def person_initials_by_name(*, partnership_id: int) -> dict[str, str]:
    """Name → initials, for the partnership's people who have a name on record."""
    return dict(_named_people(partnership_id).values_list("name", "initials"))


def glossary_entries(*, partnership_id: int) -> list[GlossaryEntry]:
    return list(GlossaryEntry.objects.filter(partnership_id=partnership_id))
