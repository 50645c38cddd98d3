"""Fixtures for the workbook tests: the real 2026-27 seed plan and a manager of its partnership."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook, load_workbook

from apps.demo.seeds import NSDC_2026
from apps.importers.documents import decode_document, parse_plan_document
from apps.importers.parsed import ParsedPlan
from apps.importers.services import plan_create_from_parsed
from apps.importers.workbook.export import plan_workbook
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Plan
from tests import builders


@pytest.fixture(scope="session")
def seed_parsed() -> ParsedPlan:
    return parse_plan_document(decode_document(NSDC_2026.read_bytes()))


@pytest.fixture
def seed_plan(partnership: Partnership, seed_parsed: ParsedPlan) -> Plan:
    return plan_create_from_parsed(
        parsed=seed_parsed, partnership=partnership, status=Plan.Status.LIVE
    )


@pytest.fixture
def importer(partnership: Partnership) -> User:
    return builders.member(
        partnership=partnership, role=Membership.Role.MANAGER, username="importer"
    )


@pytest.fixture
def edit_workbook() -> Callable[..., bytes]:
    """Export-edit-save: change the exported workbook with a function and return new bytes."""

    def edit(plan: Plan, change: Callable[[Workbook], object]) -> bytes:
        book = load_workbook(io.BytesIO(plan_workbook(plan=plan)))
        change(book)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    return edit
