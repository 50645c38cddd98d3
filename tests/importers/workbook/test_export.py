"""The exported workbook, read back with openpyxl: sheets, columns, rows, lists and styling."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from apps.importers.domain.workbook.layout import HEADERS
from apps.importers.selectors.workbook_export import (
    blank_workbook,
    plan_workbook,
    workbook_filename,
)
from apps.importers.selectors.workbook_rows import STATUS_LABELS
from apps.plans.models import Action, Plan, Update
from apps.plans.services import action_retire

pytestmark = pytest.mark.django_db

EXPECTED_HEADERS = [
    "Key",
    "Theme",
    "Objective number",
    "Objective",
    "Action number",
    "Method",
    "Action",
    "Leads",
    "By when",
    "Status",
    "RAG",
    "Latest update",
    "Update date",
]


def _book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def _rows(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def _list_values(book: Any, column: str) -> list[str]:
    """The values a drop-down list on the Actions sheet offers, read from the range it names."""
    sheet = book["Actions"]
    (rule,) = [v for v in sheet.data_validations.dataValidation if column in str(v.sqref)]
    assert rule.type == "list"
    sheet_name, cells = rule.formula1.split("!")
    source = book[sheet_name.strip("'")]
    return [c.value for (c,) in source[cells.replace("$", "")]]


def test_sheets_and_headers(seed_plan: Plan) -> None:
    book = _book(plan_workbook(plan=seed_plan))
    assert book.sheetnames == ["Actions", "Updates", "About"]
    assert [c.value for c in book["Actions"][1]] == EXPECTED_HEADERS == HEADERS
    assert [c.value for c in book["Updates"][1]] == [
        "Key",
        "Action number",
        "Date",
        "Period",
        "Status",
        "RAG",
        "Author",
        "Update",
    ]


def test_one_row_per_action_and_per_update(seed_plan: Plan) -> None:
    book = _book(plan_workbook(plan=seed_plan))
    actions = _rows(book["Actions"])
    assert len(actions) == 64
    keys = [row[0] for row in actions]
    assert keys == list(
        Action.objects.filter(objective__theme__plan=seed_plan)
        .order_by("objective__theme__position", "objective__number", "position")
        .values_list("pk", flat=True)
    )
    assert len(_rows(book["Updates"])) == 64 == Update.objects.count()


def test_first_row_holds_the_first_action_as_printed(seed_plan: Plan) -> None:
    row = _rows(_book(plan_workbook(plan=seed_plan))["Actions"])[0]
    action = Action.objects.get(pk=row[0])
    assert row[1:6] == ("Prevention", 1, action.objective.title, "1)", action.method)
    lines = row[6].split("\n")
    assert lines[0] == action.text
    assert lines[1:] == [
        "• Domestic Abuse",
        "• Safeguarding",
        "• ASB Policy",
        "• Enforcement Policy",
    ]
    assert row[7] == "JW; YS"
    assert row[8:11] == ("31/7/2026", "Not recorded", None)
    assert row[11] == action.updates.get().text
    assert row[12] is None


def test_column_styling(seed_plan: Plan) -> None:
    sheet = _book(plan_workbook(plan=seed_plan))["Actions"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].hidden is True
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb == "000B0C0C"
    assert sheet.column_dimensions["G"].width == 60
    assert sheet["G2"].alignment.wrap_text is True
    assert sheet["M1"].value == "Update date"
    assert sheet.auto_filter.ref == "A1:M1"


def test_status_and_rag_lists_are_the_plans_own(seed_plan: Plan) -> None:
    book = _book(plan_workbook(plan=seed_plan))
    assert (
        _list_values(book, "J")
        == STATUS_LABELS
        == [
            "Not started",
            "On-going",
            "Completed",
            "On hold",
        ]
    )
    assert _list_values(book, "K") == ["Red", "Amber", "Green"]
    seed_plan.ratings.filter(code="A").update(label="Yellow")
    assert _list_values(_book(plan_workbook(plan=seed_plan)), "K") == ["Red", "Yellow", "Green"]


def test_about_sheet_explains_every_column(seed_plan: Plan) -> None:
    about = _book(plan_workbook(plan=seed_plan))["About"]
    explained = {row[0] for row in about.iter_rows(values_only=True) if row[0]}
    for index, header in enumerate(EXPECTED_HEADERS):
        assert f"{'ABCDEFGHIJKLM'[index]} {header}" in explained
    definitions = {row[0]: row[1] for row in about.iter_rows(values_only=True)}
    green = seed_plan.ratings.get(code="G")
    assert definitions["Green"] == green.definition != ""
    # The valid leads: every agency and person of the partnership, by the name the column uses.
    people = seed_plan.partnership.people.values_list("initials", flat=True)
    agencies = seed_plan.partnership.organisations.values_list("short_name", flat=True)
    assert {"JW", "YS", "CSP"} <= set(people) | set(agencies) <= set(definitions)


def test_text_that_looks_like_a_formula_stays_text(seed_plan: Plan, importer: Any) -> None:
    action = Action.objects.filter(objective__theme__plan=seed_plan).first()
    assert action is not None
    Action.objects.filter(pk=action.pk).update(text='=HYPERLINK("http://example.com")')
    sheet = _book(plan_workbook(plan=seed_plan))["Actions"]
    assert sheet["G2"].data_type == "s"
    from apps.importers.services.workbooks import workbook_import

    assert (
        workbook_import(plan=seed_plan, data=plan_workbook(plan=seed_plan), user=importer).changes
        == []
    )


def test_output_is_deterministic_and_follows_the_plan(seed_plan: Plan) -> None:
    first = plan_workbook(plan=seed_plan)
    assert plan_workbook(plan=seed_plan) == first
    Action.objects.filter(objective__theme__plan=seed_plan, number="3)").update(method="Changed")
    assert plan_workbook(plan=seed_plan) != first


def test_retired_actions_are_left_out(seed_plan: Plan, importer: Any) -> None:
    action = Action.objects.filter(objective__theme__plan=seed_plan).first()
    assert action is not None
    action_retire(action=action, user=importer, reason="Merged")
    keys = [row[0] for row in _rows(_book(plan_workbook(plan=seed_plan))["Actions"])]
    assert len(keys) == 63
    assert action.pk not in keys


def test_blank_template_has_sheets_lists_and_no_rows() -> None:
    data = blank_workbook()
    assert data == blank_workbook()
    book = _book(data)
    assert book.sheetnames == ["Actions", "Updates", "About"]
    assert [c.value for c in book["Actions"][1]] == EXPECTED_HEADERS
    assert book["Actions"].max_row == 1
    assert book["Updates"].max_row == 1
    assert _list_values(book, "J") == STATUS_LABELS
    assert _list_values(book, "K") == ["Red", "Amber", "Green"]


def test_filename_is_safe(seed_plan: Plan) -> None:
    seed_plan.title = "Plan / with: odd * characters"
    assert workbook_filename(seed_plan) == "plan-with-odd-characters-2026-27.xlsx"
