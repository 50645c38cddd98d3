"""Report definitions, saved through `report_definition_create` as the definition form does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apps.partnerships.models import Partnership
from apps.performance.models import Priority
from apps.plans.models import Plan
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition
from apps.reports.services import report_definition_create


def definition(
    *,
    partnership: Partnership,
    plans: Sequence[Plan] = (),
    priorities: Sequence[Priority] = (),
    slug: str = "test-report",
    **fields: Any,
) -> ReportDefinition:
    values: dict[str, Any] = {
        "title": "Quarterly report",
        "sections": list(SECTION_CODES),
        "period_label": "2026-27",
    }
    values.update(fields)
    return report_definition_create(
        partnership=partnership,
        user=None,
        plans=plans,
        priorities=priorities,
        slug=slug,
        **values,
    )
