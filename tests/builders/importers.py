"""Plans imported from the seed documents, as a partnership would import them, and uploads
kept for preview; both through the importer's services."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User

from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.importers.domain.documents import decode_document, parse_plan_document
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.models import DocumentUpload
from apps.importers.services import document_upload_create, plan_create_from_parsed
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Plan
from tests.builders.partnerships import member


@dataclass
class Editions:
    old: Plan  # 2025, archived
    new: Plan  # 2026-27, live, predecessor = old


@functools.cache
def parsed_seed(path: Path) -> ParsedPlan:
    """A seed document parsed once per test process: parsing is pure, saving is not."""
    return parse_plan_document(decode_document(path.read_bytes()))


def import_plan(path: Path, partnership: Partnership, **kwargs: Any) -> Plan:
    return plan_create_from_parsed(parsed=parsed_seed(path), partnership=partnership, **kwargs)


def import_editions(partnership: Partnership) -> Editions:
    old = import_plan(NSDC_2025, partnership, status=Plan.Status.ARCHIVED)
    new = import_plan(NSDC_2026, partnership, status=Plan.Status.LIVE, predecessor=old)
    return Editions(old=old, new=new)


def editions_get(editions: Editions) -> Editions:
    """The same two editions read afresh, so a test's changes to them stay its own."""
    return Editions(
        old=Plan.objects.get(pk=editions.old.pk), new=Plan.objects.get(pk=editions.new.pk)
    )


def seed_action(plan: Plan, objective: int, number: str) -> Action:
    """The action printed as `number` under objective `objective` of an imported plan."""
    return Action.objects.select_related("predecessor__objective").get(
        objective__theme__plan=plan, objective__number=objective, number=number
    )


def document_upload(
    *, partnership: Partnership, path: Path = NSDC_2026, user: User | None = None
) -> DocumentUpload:
    """A seed document kept for preview, as a manager's upload leaves it."""
    uploader = user or member(partnership=partnership, role=Membership.Role.MANAGER)
    return document_upload_create(
        partnership=partnership,
        user=uploader,
        file_name=path.name,
        content=path.read_bytes(),
    )
