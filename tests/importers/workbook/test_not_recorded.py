"""A plan's spreadsheet and actions whose document gave no status: "Not recorded" goes out and
comes back unchanged, is never offered in the drop-down and cannot be chosen for other actions."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook, load_workbook

from apps.importers.selectors import workbook_checks as c
from apps.importers.selectors.workbook_export import plan_workbook
from apps.importers.selectors.workbook_rows import STATUS_LABELS
from apps.importers.services.workbooks import workbook_import
from apps.partnerships.models import Partnership
from apps.plans.models import Action, Plan, Status
from tests import builders
from tests.importers.workbook.helpers import fingerprint, get_cell, key_of, set_cell

pytestmark = pytest.mark.django_db
Edit = Callable[[Plan, Callable[[Workbook], object]], bytes]


@pytest.fixture
def plan(partnership: Partnership) -> Plan:
    """A small plan whose first action came from a document that gave it no status."""
    small = builders.small_plan(partnership=partnership)
    Action.objects.filter(pk=small.actions[0].pk).update(status=Status.NOT_RECORDED)
    return small.plan


def test_not_recorded_is_exported_as_written_but_not_offered(plan: Plan) -> None:
    book = load_workbook(io.BytesIO(plan_workbook(plan=plan)))
    assert get_cell(book, 2, "status") == "Not recorded"
    assert get_cell(book, 3, "status") == "On-going"
    assert "Not recorded" not in STATUS_LABELS


def test_an_unchanged_not_recorded_row_reads_back_as_no_change(
    plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    before = fingerprint(plan)
    data = edit_workbook(plan, lambda book: None)
    assert workbook_import(plan=plan, data=data, user=importer).changes == []
    assert fingerprint(plan) == before


def test_a_new_update_keeps_the_action_not_recorded(
    plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    key = key_of(plan, 2)
    data = edit_workbook(plan, lambda book: set_cell(book, 2, "update_text", "Work has begun"))
    changes = workbook_import(plan=plan, data=data, user=importer)
    assert changes.ok, changes.problems
    action = Action.objects.get(pk=key)
    assert action.status == Status.NOT_RECORDED
    assert action.updates.filter(text="Work has begun").exists()


def test_choosing_a_status_for_a_not_recorded_action_is_a_change(
    plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    key = key_of(plan, 2)
    data = edit_workbook(plan, lambda book: set_cell(book, 2, "status", "Completed"))
    changes = workbook_import(plan=plan, data=data, user=importer)
    assert [ch.summary for ch in changes.changes] == [
        "Row 2: action 1): status Not recorded → Completed"
    ]
    assert Action.objects.get(pk=key).status == Status.COMPLETED


def test_not_recorded_cannot_be_written_over_a_recorded_status(
    plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    before = fingerprint(plan)
    data = edit_workbook(plan, lambda book: set_cell(book, 3, "status", "not recorded"))
    result = workbook_import(plan=plan, data=data, user=importer)
    message = c.STATUS_NOT_RECORDED_REFUSED.format(
        found="not recorded", choices="Not started, On-going, Completed, On hold"
    )
    assert [str(p) for p in result.problems] == [
        f"Sheet Actions, row 3, column J (Status): {message}"
    ]
    assert fingerprint(plan) == before


def test_a_new_row_may_say_not_recorded(plan: Plan, importer: User, edit_workbook: Edit) -> None:
    """A row copied from another plan's spreadsheet keeps what that plan knew: no status."""

    def edit(book: Workbook) -> None:
        row = book["Actions"].max_row + 1
        for key, value in [
            ("theme", "Prevention"),
            ("objective_number", 1),
            ("number", "9)"),
            ("text", "Copied from last year's tracker"),
            ("status", "Not recorded"),
        ]:
            set_cell(book, row, key, value)

    changes = workbook_import(plan=plan, data=edit_workbook(plan, edit), user=importer)
    assert changes.ok, changes.problems
    added = Action.objects.get(objective__theme__plan=plan, number="9)")
    assert added.status == Status.NOT_RECORDED
