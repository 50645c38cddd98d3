"""Telling SaferPlan's own workbook (tied to the plan by its key column) from a partner's
tracker that happens to be a spreadsheet too."""

from __future__ import annotations

from apps.importers.domain.workbook.layout import ACTIONS_SHEET, HEADERS, is_plan_workbook


def test_the_plans_workbook_is_known_with_its_key_column_hidden_or_shown() -> None:
    assert is_plan_workbook({ACTIONS_SHEET: HEADERS[1:]})
    assert is_plan_workbook({ACTIONS_SHEET: list(HEADERS)})


def test_a_tracker_is_not_the_plans_workbook() -> None:
    assert not is_plan_workbook({"Actions": ["Ref", "Action", "Lead"]})
    assert not is_plan_workbook({"Returns": HEADERS[1:]})
    assert not is_plan_workbook({})
