"""Importing an edited workbook: nothing for an unchanged one, the right change for each edit,
every change in the history under the importing user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook

from apps.importers.selectors.workbook_export import plan_workbook
from apps.importers.services.workbooks import workbook_import
from apps.partnerships.models import Organisation, Person
from apps.plans.models import Action, Plan, Status, Update
from tests.importers.workbook.helpers import fingerprint, key_of, set_cell, snapshot

pytestmark = pytest.mark.django_db
Edit = Callable[[Plan, Callable[[Workbook], object]], bytes]


def test_unchanged_round_trip_changes_nothing(seed_plan: Plan, importer: User) -> None:
    before, state = snapshot(), fingerprint(seed_plan)
    changes = workbook_import(plan=seed_plan, data=plan_workbook(plan=seed_plan), user=importer)
    assert changes.ok
    assert changes.changes == []
    assert snapshot() == before
    assert fingerprint(seed_plan) == state


def test_resaved_workbook_changes_nothing(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    """Opening and saving the file again (as Excel would) is not a change."""
    before = snapshot()
    data = edit_workbook(seed_plan, lambda book: None)
    assert data != plan_workbook(plan=seed_plan)
    assert workbook_import(plan=seed_plan, data=data, user=importer).changes == []
    assert snapshot() == before


def test_excel_turning_a_by_when_into_a_date_is_not_a_change(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    data = edit_workbook(seed_plan, lambda b: set_cell(b, 2, "due_text", datetime(2026, 7, 31)))
    assert workbook_import(plan=seed_plan, data=data, user=importer).changes == []


EDITS: list[tuple[str, Any, str, Callable[[Action], bool]]] = [
    ("text", "New text\n• First\n• Second", "action text changed",
     lambda a: a.text == "New text" and a.sub_items == ["First", "Second"]),
    ("method", "Campaign", "method changed", lambda a: a.method == "Campaign"),
    ("due_text", "30/6/2027", "by when “31/7/2026” → “30/6/2027”",
     lambda a: a.due_text == "30/6/2027" and a.due_date == date(2027, 6, 30)),
    ("leads", "CSP; SM", "leads “JW; YS” → “CSP; SM”",
     lambda a: [o.short_name for o in a.lead_organisations.all()] == ["CSP"]
     and [p.initials for p in a.lead_people.all()] == ["SM"]),
    ("status", "on hold", "status Not recorded → On hold", lambda a: a.status == Status.ON_HOLD),
    ("rag", "A", "RAG not rated → Amber", lambda a: a.rating is not None and a.rating.code == "A"),
    ("number", "1a)", "number “1)” → “1a)”", lambda a: a.number == "1a)"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "value", "described", "check"), EDITS, ids=[e[0] for e in EDITS])
def test_each_edit_becomes_an_action_edit_by_the_importer(
    seed_plan: Plan,
    importer: User,
    edit_workbook: Edit,
    key: str,
    value: Any,
    described: str,
    check: Callable[[Action], bool],
) -> None:
    updates, action_key = Update.objects.count(), key_of(seed_plan, 2)
    data = edit_workbook(seed_plan, lambda b: set_cell(b, 2, key, value))
    changes = workbook_import(plan=seed_plan, data=data, user=importer)
    assert changes.ok, changes.problems
    assert [c.summary for c in changes.changes] == [f"Row 2: action 1): {described}"]
    action = Action.objects.get(pk=action_key)
    assert check(action)
    assert action.history.count() >= 2
    assert action.history.first().history_user == importer
    assert Update.objects.count() == updates


def test_new_update_text_and_date_add_an_update(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    def edit(book: Workbook) -> None:
        set_cell(book, 3, "update_text", "Fresh news")
        set_cell(book, 3, "update_date", datetime(2026, 11, 1))
        set_cell(book, 3, "rag", "Green")

    key = key_of(seed_plan, 3)
    changes = workbook_import(plan=seed_plan, data=edit_workbook(seed_plan, edit), user=importer)
    assert [c.summary for c in changes.changes] == [
        "Row 3: action 2): RAG not rated → Green, new update dated 1/11/2026"
    ]
    action = Action.objects.get(pk=key)
    update = action.updates.first()
    assert update is not None
    assert (update.text, update.reported_on, update.status) == (
        "Fresh news",
        date(2026, 11, 1),
        Status.COMPLETED,
    )
    assert update.rating == seed_plan.ratings.get(code="G") == action.rating
    assert update.created_by == importer
    assert update.history.first().history_user == importer
    assert action.updates.count() == 2
    # Imported again, the same workbook finds the update already there.
    again = workbook_import(plan=seed_plan, data=edit_workbook(seed_plan, edit), user=importer)
    assert again.changes == []


def test_changed_objective_number_moves_the_action(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    key = key_of(seed_plan, 2)
    data = edit_workbook(seed_plan, lambda b: set_cell(b, 2, "objective_number", 2))
    changes = workbook_import(plan=seed_plan, data=data, user=importer)
    assert [c.summary for c in changes.changes] == ["Row 2: action 1): moved to objective 2"]
    action = Action.objects.get(pk=key)
    assert action.objective.number == 2
    assert action.history.first().history_user == importer


def test_row_without_key_adds_an_action(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    def edit(book: Workbook) -> None:
        row = book["Actions"].max_row + 1
        for key, value in [
            ("theme", "Prevention"),
            ("objective_number", 3),
            ("number", "5)"),
            ("text", "Run a new campaign\n• Schools"),
            ("leads", "csp; ys"),
            ("due_text", "Summer 27"),
            ("status", "Not started"),
            ("update_text", "Planning begun"),
        ]:
            set_cell(book, row, key, value)

    actions = Action.objects.count()
    changes = workbook_import(plan=seed_plan, data=edit_workbook(seed_plan, edit), user=importer)
    assert [c.summary for c in changes.changes] == [
        "Row 66: new action 5) under objective 3, new update dated today"
    ]
    assert Action.objects.count() == actions + 1
    action = Action.objects.get(objective__theme__plan=seed_plan, text="Run a new campaign")
    assert action.objective.number == 3
    assert action.sub_items == ["Schools"]
    assert action.due_date == date(2027, 8, 31)
    assert action.position == 4
    assert {o.short_name for o in action.lead_organisations.all()} == {"CSP"}
    assert {p.initials for p in action.lead_people.all()} == {"YS"}
    assert action.updates.get().text == "Planning begun"
    assert action.history.first().history_user == importer


def test_several_edits_in_one_workbook_are_all_applied(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    def edit(book: Workbook) -> None:
        for row in range(2, 12):
            set_cell(book, row, "method", f"Method {row}")

    changes = workbook_import(plan=seed_plan, data=edit_workbook(seed_plan, edit), user=importer)
    assert len(changes.changes) == 10
    methods = Action.objects.filter(objective__theme__plan=seed_plan, method__startswith="Method")
    assert methods.count() == 10


def test_a_new_plan_takes_its_structure_from_the_rows(
    seed_plan: Plan, importer: User, edit_workbook: Edit
) -> None:
    """An empty draft plan gets its themes and objectives from the workbook's columns."""
    from apps.importers.services.workbooks import plan_create_from_workbook

    data = plan_workbook(plan=seed_plan)
    people, agencies = Person.objects.count(), Organisation.objects.count()
    plan, changes = plan_create_from_workbook(
        partnership=seed_plan.partnership,
        user=importer,
        title="Copied plan",
        period_label="2027-28",
        data=data,
    )
    assert plan is not None, changes.problems
    assert plan.status == Plan.Status.DRAFT
    assert [t.title for t in plan.themes.all()] == [t.title for t in seed_plan.themes.all()]
    assert Action.objects.filter(objective__theme__plan=plan).count() == 64
    assert [r.label for r in plan.ratings.all()] == ["Red", "Amber", "Green"]
    copied = [row[2:10] for row in fingerprint(plan)]
    original = [row[2:10] for row in fingerprint(seed_plan)]
    assert copied == original
    assert (Person.objects.count(), Organisation.objects.count()) == (people, agencies)
    assert plan.history.first().history_user == importer
    new_action = Action.objects.filter(objective__theme__plan=plan).first()
    assert new_action is not None and new_action.history.first().history_user == importer
