"""Importing a seed document as a demo plan, once: a plan already made from it is left alone."""

from __future__ import annotations

from pathlib import Path

from apps.importers.domain.documents import decode_document, parse_plan_document
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Partnership
from apps.plans.models import Plan


def plan_import_once(
    *, partnership: Partnership, path: Path, status: str, predecessor: Plan | None, period: str
) -> tuple[Plan, bool]:
    """The plan made from this seed (imported if there is none yet), and whether it is new."""
    existing = Plan.objects.filter(partnership=partnership, source_name=path.name).first()
    if existing is not None:
        return existing, False
    parsed = parse_plan_document(decode_document(path.read_bytes()))
    # The 2025 NSDC edition prints no period in its title; the demo knows which year it covers.
    parsed.period_label = parsed.period_label or period
    plan = plan_create_from_parsed(
        parsed=parsed,
        partnership=partnership,
        status=status,
        predecessor=predecessor,
        source_name=path.name,
    )
    return plan, True
