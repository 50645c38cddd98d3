"""Builders for performance test data: a priority, a measure and a run of figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Observation, Priority, PriorityAlignment


def priority(*, partnership: Partnership, code: str = "A") -> Priority:
    return Priority.objects.create(
        partnership=partnership, code=code, title="Reduce the incidence of crime and ASB"
    )


def alignment(*, priority: Priority) -> PriorityAlignment:
    return PriorityAlignment.objects.create(
        priority=priority,
        other_plan="Police and Crime Plan",
        other_priority="Reduce crime and anti-social behaviour",
        comment="Both aim at priority crime",
    )


def measure(*, priority: Priority, **fields: object) -> Measure:
    defaults: dict[str, object] = {
        "code": "(i)",
        "title": "Priority crime",
        "unit": Measure.Unit.COUNT,
        "polarity": "down",
        "frequency": Measure.Frequency.MONTHLY,
        "target_kind": "value",
        "target_value": Decimal(125),
    }
    defaults.update(fields)
    return Measure.objects.create(priority=priority, **defaults)


def month(index: int) -> date:
    """The first of the month `index` months after January 2020."""
    return date(2020 + index // 12, index % 12 + 1, 1)


def figures(*, measure: Measure, values: Sequence[int | str]) -> list[Observation]:
    return Observation.objects.bulk_create(
        Observation(
            measure=measure,
            period_label=f"{month(i):%b %Y}",
            period_start=month(i),
            value=Decimal(str(v)),
        )
        for i, v in enumerate(values)
    )
