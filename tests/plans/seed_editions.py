"""The two NSDC editions imported as a partnership would import them, for edition tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.importers.domain.documents import decode_document, parse_plan_document
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Partnership
from apps.plans.models import Action, Plan


@dataclass
class Editions:
    old: Plan  # 2025, archived
    new: Plan  # 2026-27, live, predecessor = old


def import_plan(path: Path, partnership: Partnership, **kwargs: object) -> Plan:
    parsed = parse_plan_document(decode_document(path.read_bytes()))
    return plan_create_from_parsed(parsed=parsed, partnership=partnership, **kwargs)  # type: ignore[arg-type]


def import_editions(partnership: Partnership) -> Editions:
    old = import_plan(NSDC_2025, partnership, status=Plan.Status.ARCHIVED)
    new = import_plan(NSDC_2026, partnership, status=Plan.Status.LIVE, predecessor=old)
    return Editions(old=old, new=new)


def action(plan: Plan, objective: int, number: str) -> Action:
    return Action.objects.select_related("predecessor__objective").get(
        objective__theme__plan=plan, objective__number=objective, number=number
    )
