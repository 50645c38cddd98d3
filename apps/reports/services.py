"""Writes for report definitions: validated, then saved with their plans and priorities."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from apps.partnerships.models import Partnership
from apps.performance.models import Priority
from apps.plans.models import Plan
from apps.reports.models import ReportDefinition

FIELDS = (
    "title",
    "slug",
    "period_label",
    "period_start",
    "period_end",
    "sections",
    "authors",
    "version",
    "protective_marking",
    "report_date",
    "public",
)


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A slug from the title, with -2, -3 … added when another definition has it."""
    base = slugify(title)[:90] or "report"
    others = ReportDefinition.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def report_definition_save(
    *,
    definition: ReportDefinition | None = None,
    partnership: Partnership,
    user: Any,
    plans: Sequence[Plan],
    priorities: Sequence[Priority],
    **fields: str | date | bool | list[str] | None,
) -> ReportDefinition:
    """Create (no `definition`) or change a definition; ValidationError names the field."""
    if definition is None:
        definition = ReportDefinition(partnership=partnership, created_by=user)
    for name in FIELDS:
        if name in fields:
            setattr(definition, name, fields[name])
    if not definition.slug:
        definition.slug = unique_slug(definition.title, exclude_pk=definition.pk)
    definition.full_clean()
    definition.save()
    definition.plans.set(plans)
    definition.priorities.set(priorities)
    return definition
