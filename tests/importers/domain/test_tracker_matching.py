"""Matching a tracker's rows to a plan's actions, without a database."""

from __future__ import annotations

from apps.importers.domain.tracker_matching import (
    PlanAction,
    PlanObjective,
    TrackerLine,
    match_rows,
)

OBJECTIVES = [
    PlanObjective(10, 1, "Reduce anti-social behaviour", theme_key=1, theme_title="Safer places"),
    PlanObjective(20, 2, "Tackle retail crime", theme_key=1, theme_title="Safer places"),
    PlanObjective(30, 1, "Support victims of abuse", theme_key=2, theme_title="Vulnerable people"),
]
ACTIONS = [
    PlanAction(101, 10, 1, "a)", "Run summer youth activities in the parks"),
    PlanAction(102, 10, 1, "b)", "Install CCTV in the market square"),
    PlanAction(201, 20, 2, "a)", "Set up a shop watch radio scheme"),
    PlanAction(301, 30, 1, "a)", "Fund an independent domestic violence adviser", retired=True),
    PlanAction(302, 30, 1, "a)", "Fund two independent domestic violence advisers"),
]


def _line(
    index: int, number: str, text: str = "", objective: tuple[int, str] = (1, "")
) -> TrackerLine:
    key = -1 - objective[0]
    return TrackerLine(index, key, objective[0], objective[1], "", number, text)


def test_a_reference_with_its_objective_names_a_letter_numbered_action() -> None:
    matches = match_rows([_line(0, "2.a"), _line(1, "1 . B")], ACTIONS, OBJECTIVES)
    # "a)" is in every objective, so "1.b" is the only way to name 102 by reference; "2.a" is 201
    assert matches.by_reference == {0: 201, 1: 102}


def test_a_live_action_is_preferred_to_a_retired_one_of_the_same_number() -> None:
    """Objective 1 of theme 2 has a retired a) and its live replacement."""
    actions = [a for a in ACTIONS if a.objective_key == 30]
    assert match_rows([_line(0, "a")], actions, OBJECTIVES).by_reference == {0: 302}


def test_rows_naming_an_action_twice_are_repeated() -> None:
    matches = match_rows([_line(0, "2.a"), _line(1, "2a")], ACTIONS, OBJECTIVES)
    assert matches.by_reference == {0: 201}
    assert matches.repeated == {}  # "2a" is not "2.a": a letter after a number is kept apart
    matches = match_rows([_line(0, "2.a"), _line(1, "(2.a)")], ACTIONS, OBJECTIVES)
    assert matches.repeated == {1: 0}


def test_a_renumbered_row_is_matched_by_wording() -> None:
    rows = [_line(0, "2.a", "Summer youth activities run in the parks")]
    matches = match_rows(rows, ACTIONS, OBJECTIVES)
    assert matches.by_reference == {}
    assert matches.by_wording[0][0] == 101


def test_a_flat_table_is_matched_across_objectives() -> None:
    rows = [_line(0, "", "Shop watch radio scheme set up"), _line(1, "", "CCTV in market square")]
    matches = match_rows(rows, ACTIONS, OBJECTIVES)
    assert {i: key for i, (key, _) in matches.by_wording.items()} == {0: 201, 1: 102}
    reason = matches.by_wording[0][1]  # found outside objective 1, where the row was put
    assert reason.startswith("Wording ") and reason.endswith("% alike")


def test_new_actions_go_to_the_objective_named_by_its_title_or_its_lone_themes() -> None:
    rows = [
        _line(0, "9", "Retail crime training", objective=(5, "Tackle retail crime")),
        TrackerLine(1, -50, 7, "", "Vulnerable people", "", "Counselling for children"),
    ]
    assert match_rows(rows, ACTIONS, OBJECTIVES).objectives == {-6: 20, -50: 30}
