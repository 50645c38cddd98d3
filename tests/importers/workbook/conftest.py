"""Fixtures for the workbook tests: the real 2026-27 seed plan (imported once per module) and a
manager of its partnership."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook, load_workbook

from apps.demo.seeds import NSDC_2026
from apps.importers.selectors.workbook_export import plan_workbook
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Plan
from tests import builders
from tests.module_db import ModuleDb


@pytest.fixture(scope="module")
def shared_seed_plan(module_db: ModuleDb) -> Plan:
    """The live 2026-27 seed plan, imported once per module into a partnership of its own."""
    with module_db():
        return builders.import_plan(NSDC_2026, builders.partnership(), status=Plan.Status.LIVE)


@pytest.fixture
def partnership(request: pytest.FixtureRequest) -> Partnership:
    """The seed plan's partnership in tests that use the seed plan (the importer is one of its
    managers), else a new one."""
    if "seed_plan" in request.fixturenames:
        shared: Plan = request.getfixturevalue("shared_seed_plan")
        return Partnership.objects.get(pk=shared.partnership_id)
    return builders.partnership()


@pytest.fixture
def seed_plan(shared_seed_plan: Plan) -> Plan:
    return Plan.objects.get(pk=shared_seed_plan.pk)


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
