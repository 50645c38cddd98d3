"""Performance data: a priority, its alignment and a measure, saved through the setup services
as the setup pages save them, and a run of monthly figures loaded in bulk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Observation, Priority, PriorityAlignment
from apps.performance.services import alignment_save, measure_save, priority_save


def priority(*, partnership: Partnership, code: str = "A") -> Priority:
    return priority_save(
        partnership=partnership,
        user=None,
        code=code,
        title="Reduce the incidence of crime and ASB",
    )


def alignment(*, priority: Priority) -> PriorityAlignment:
    return alignment_save(
        priority=priority,
        user=None,
        other_plan="Police and Crime Plan",
        other_priority="Reduce crime and anti-social behaviour",
        comment="Both aim at priority crime",
    )


AMOUNTS = ("_value", "_percent")  # the measure's Decimal fields


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
    # The services take Decimal amounts; tests write plain numbers (target_value=15).
    defaults.update(
        {
            k: Decimal(str(v)) if k.endswith(AMOUNTS) and isinstance(v, int | float) else v
            for k, v in fields.items()
        }
    )
    position = defaults.pop("position", None)
    made = measure_save(priority=priority, user=None, **defaults)  # type: ignore[arg-type]
    if position is not None:
        # Plain ORM: the service always adds a measure at the end of its priority; no service
        # moves one, so a test that wants it elsewhere says where.
        made.position = position  # type: ignore[assignment]
        made.save(update_fields=["position"])
    return made


def month(index: int) -> date:
    """The first of the month `index` months after January 2020."""
    return date(2020 + index // 12, index % 12 + 1, 1)


def figures(*, measure: Measure, values: Sequence[int | str]) -> list[Observation]:
    """Monthly figures from January 2020, one per value, in one bulk insert.

    Bulk rather than `observation_add`, as the demo loader loads its series: a loaded run has
    no history rows, so a test that edits one figure finds only its own edit in the history
    (tests/performance/test_services.py asserts exactly that), and long runs stay cheap.
    """
    return Observation.objects.bulk_create(
        Observation(
            measure=measure,
            period_label=f"{month(i):%b %Y}",
            period_start=month(i),
            value=Decimal(str(v)),
        )
        for i, v in enumerate(values)
    )
