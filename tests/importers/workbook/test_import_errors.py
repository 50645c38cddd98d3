"""A workbook with anything wrong is refused whole: every problem named by sheet, row and column
in plain words, and nothing applied, not even the rows that were right."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from openpyxl import Workbook

from apps.importers.domain.workbook import reading as r
from apps.importers.domain.workbook.structure import OBJECTIVE_TITLES_DIFFER, THEME_REQUIRED
from apps.importers.selectors import workbook_checks as c
from apps.importers.selectors.workbook_export import blank_workbook, plan_workbook
from apps.importers.services.workbooks import plan_create_from_workbook, workbook_import
from apps.plans.models import Action, Objective, Plan
from apps.plans.services import action_retire
from tests import builders
from tests.importers.workbook.helpers import fingerprint, key_of, set_cell, snapshot

pytestmark = pytest.mark.django_db
Edit = Callable[[Plan, Callable[[Workbook], object]], bytes]
NUMBERS = ", ".join(str(n) for n in range(1, 15))

# (what is wrong, column key, value, where, message); row 3 is always the faulty row.
CELL_ERRORS: list[tuple[str, str, Any, str, str]] = [
    (
        "unknown lead",
        "leads",
        "JW; ZZ",
        "H (Leads)",
        c.LEAD_UNKNOWN.format(lead="ZZ", partnership="{partnership}"),
    ),
    ("impossible update date", "update_date", "31/2/2026", "M (Update date)", c.DATE_INVALID),
    ("update date in words", "update_date", "next Tuesday", "M (Update date)", c.DATE_INVALID),
    (
        "unknown rating",
        "rag",
        "Purple",
        "K (RAG)",
        c.RATING_UNKNOWN.format(found="Purple", choices="Red, Amber, Green"),
    ),
    (
        "unknown status",
        "status",
        "Done",
        "J (Status)",
        c.STATUS_UNKNOWN.format(found="Done", choices="Not started, On-going, Completed, On hold"),
    ),
    ("missing status", "status", None, "J (Status)", "Enter the status; it cannot be empty"),
    (
        "unknown objective",
        "objective_number",
        99,
        "C (Objective number)",
        c.OBJECTIVE_UNKNOWN.format(number=99, numbers=NUMBERS),
    ),
    (
        "objective not a number",
        "objective_number",
        "three",
        "C (Objective number)",
        c.OBJECTIVE_NOT_A_NUMBER,
    ),
    ("missing action text", "text", "  ", "G (Action)", "Enter the action; it cannot be empty"),
    (
        "missing action number",
        "number",
        None,
        "E (Action number)",
        "Enter the action number; it cannot be empty",
    ),
    (
        "number too long",
        "number",
        "x" * 21,
        "E (Action number)",
        "The action number must be 20 characters or fewer (it has 21)",
    ),
    (
        "method too long",
        "method",
        "m" * 101,
        "F (Method)",
        "The method must be 100 characters or fewer (it has 101)",
    ),
    ("unreadable by when", "due_text", "when pigs fly", "I (By when)", c.BY_WHEN_UNREADABLE),
    ("key not a number", "key", "abc", "A (Key)", c.KEY_NOT_A_NUMBER),
    ("unknown key", "key", 999999, "A (Key)", c.KEY_UNKNOWN.format(key=999999)),
]


def _valid_edit(book: Workbook) -> None:
    """A correct change on row 2, which must not be applied while row 3 is wrong."""
    set_cell(book, 2, "method", "A correct change")


def _assert_refused(plan: Plan, data: bytes, user: User, expected: list[str]) -> None:
    before, state = snapshot(), fingerprint(plan)
    result = workbook_import(plan=plan, data=data, user=user)
    assert [str(p) for p in result.problems] == expected
    assert snapshot() == before
    assert fingerprint(plan) == state


@pytest.mark.parametrize(
    ("key", "value", "where", "message"),
    [e[1:] for e in CELL_ERRORS],
    ids=[e[0] for e in CELL_ERRORS],
)
def test_each_bad_cell_is_named_and_nothing_is_applied(
    seed_plan: Plan,
    importer: User,
    edit_workbook: Edit,
    key: str,
    value: Any,
    where: str,
    message: str,
) -> None:
    def edit(book: Workbook) -> None:
        _valid_edit(book)
        set_cell(book, 3, key, value)

    expected = f"Sheet Actions, row 3, column {where}: " + message.format(
        partnership=seed_plan.partnership.name
    )
    _assert_refused(seed_plan, edit_workbook(seed_plan, edit), importer, [expected])


def test_key_of_another_plan(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    other = builders.small_plan(partnership=builders.partnership())
    data = edit_workbook(seed_plan, lambda b: set_cell(b, 3, "key", other.actions[0].pk))
    expected = f"Sheet Actions, row 3, column A (Key): {c.KEY_OTHER_PLAN}"
    _assert_refused(seed_plan, data, importer, [expected])


def test_key_on_two_rows(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    data = edit_workbook(seed_plan, lambda b: set_cell(b, 3, "key", key_of(seed_plan, 2)))
    expected = f"Sheet Actions, row 3, column A (Key): {c.KEY_REPEATED.format(row=2)}"
    _assert_refused(seed_plan, data, importer, [expected])


def test_key_of_a_retired_action(seed_plan: Plan, importer: User) -> None:
    data = plan_workbook(plan=seed_plan)
    action = Action.objects.get(pk=key_of(seed_plan, 3))
    action_retire(action=action, user=importer, reason="Done elsewhere")
    expected = f"Sheet Actions, row 3, column A (Key): {c.KEY_RETIRED.format(number='2)')}"
    _assert_refused(seed_plan, data, importer, [expected])


def test_every_problem_is_listed(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    def edit(book: Workbook) -> None:
        set_cell(book, 5, "status", "Done")
        set_cell(book, 9, "rag", "Blue")
        set_cell(book, 9, "leads", "QQ")

    problems = workbook_import(
        plan=seed_plan, data=edit_workbook(seed_plan, edit), user=importer
    ).problems
    assert [(p.row, p.column) for p in problems] == [(5, "J"), (9, "H"), (9, "K")]


def test_wrong_heading(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    data = edit_workbook(seed_plan, lambda b: b["Actions"].cell(row=1, column=4, value="Aim"))
    expected = "Sheet Actions, row 1, column D: " + r.HEADING_WRONG.format(
        expected="Objective", found="Aim"
    )
    _assert_refused(seed_plan, data, importer, [expected])


def test_deleted_column(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    data = edit_workbook(seed_plan, lambda b: b["Actions"].delete_cols(6))
    problems = workbook_import(plan=seed_plan, data=data, user=importer).problems
    assert str(problems[0]) == "Sheet Actions, row 1, column F: " + r.HEADING_WRONG.format(
        expected="Method", found="Action"
    )


def test_added_column(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    data = edit_workbook(seed_plan, lambda b: b["Actions"].cell(row=1, column=14, value="Notes"))
    expected = "Sheet Actions, row 1, column N: " + r.HEADING_EXTRA.format(found="Notes")
    _assert_refused(seed_plan, data, importer, [expected])


def test_no_actions_sheet(seed_plan: Plan, importer: User, edit_workbook: Edit) -> None:
    def rename(book: Workbook) -> None:
        book["Actions"].title = "Sheet1"

    _assert_refused(seed_plan, edit_workbook(seed_plan, rename), importer, [r.NO_ACTIONS_SHEET])


@pytest.mark.parametrize(
    "data",
    [b"Theme,Objective\nPrevention,1\n", b"PK\x03\x04 not really a zip", b"\x00" * 100],
    ids=["csv", "broken zip", "zeros"],
)
def test_not_a_workbook(seed_plan: Plan, importer: User, data: bytes) -> None:
    _assert_refused(seed_plan, data, importer, [r.NOT_A_WORKBOOK])


def test_empty_and_oversized_files(seed_plan: Plan, importer: User) -> None:
    _assert_refused(seed_plan, b"", importer, [r.FILE_EMPTY])
    _assert_refused(seed_plan, b"x" * (3 * 2**20 + 1), importer, [r.FILE_TOO_BIG])


def _template_with(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(blank_workbook()))
    for number, values in enumerate(rows, start=2):
        for key, value in values.items():
            set_cell(book, number, key, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROW = {"theme": "Prevention", "objective_number": 1, "objective_title": "Reduce harm",
       "number": "1)", "text": "Do a thing", "status": "Not started"}  # fmt: skip


def test_filled_template_creates_a_plan(seed_plan: Plan, importer: User) -> None:
    data = _template_with(
        [ROW, {**ROW, "number": "2)", "rag": "Green"}, {**ROW, "theme": "Response", "leads": "YS"}]
    )
    plan, changes = plan_create_from_workbook(
        partnership=seed_plan.partnership, user=importer, title="New", period_label="", data=data
    )
    assert plan is not None, changes.problems
    assert [(t.title, [o.number for o in t.objectives.all()]) for t in plan.themes.all()] == [
        ("Prevention", [1]),
        ("Response", [1]),
    ]
    assert Action.objects.filter(objective__theme__plan=plan).count() == 3


def test_template_problems_create_nothing(seed_plan: Plan, importer: User) -> None:
    data = _template_with([ROW, {**ROW, "theme": ""}, {**ROW, "objective_title": "Something else"}])
    before = snapshot()
    plan, changes = plan_create_from_workbook(
        partnership=seed_plan.partnership, user=importer, title="New", period_label="", data=data
    )
    assert plan is None
    assert [str(p) for p in changes.problems] == [
        f"Sheet Actions, row 3, column B (Theme): {THEME_REQUIRED}",
        "Sheet Actions, row 4, column D (Objective): "
        + OBJECTIVE_TITLES_DIFFER.format(number=1, theme="Prevention", first=2),
    ]
    assert snapshot() == before


def test_empty_draft_plan_takes_its_structure_from_the_rows(
    seed_plan: Plan, importer: User
) -> None:
    draft = builders.plan(partnership=seed_plan.partnership, status=Plan.Status.DRAFT)
    data = _template_with([ROW, {**ROW, "objective_number": 2, "rag": "Amber"}])
    changes = workbook_import(plan=draft, data=data, user=importer)
    assert changes.ok, changes.problems
    assert [(o.theme.title, o.number) for o in Objective.objects.filter(theme__plan=draft)] == [
        ("Prevention", 1),
        ("Prevention", 2),
    ]
    amber = Action.objects.get(objective__theme__plan=draft, objective__number=2)
    assert amber.rating == draft.ratings.get(code="A")
    assert amber.history.first().history_user == importer
