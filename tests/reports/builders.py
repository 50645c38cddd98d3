"""Builders for report tests: a saved definition over the given plans and priorities."""

from __future__ import annotations

from collections.abc import Sequence

from apps.partnerships.models import Partnership
from apps.performance.models import Priority
from apps.plans.models import Plan
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition


def definition(
    *,
    partnership: Partnership,
    plans: Sequence[Plan] = (),
    priorities: Sequence[Priority] = (),
    slug: str = "test-report",
    **fields: object,
) -> ReportDefinition:
    values: dict[str, object] = {
        "title": "Quarterly report",
        "sections": list(SECTION_CODES),
        "period_label": "2026-27",
    }
    values.update(fields)
    made = ReportDefinition.objects.create(partnership=partnership, slug=slug, **values)
    made.plans.set(plans)
    made.priorities.set(priorities)
    return made
