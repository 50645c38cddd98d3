"""The NSDC parser on the two real editions: every objective, counts per objective, hard rows."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.importers.parsed import ImportFormatError, ParsedAction, ParsedPlan
from apps.importers.parsers.nsdc import NOT_NSDC, parse_nsdc_plan
from demo import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026

TEXT_2025 = NSDC_2025.read_text()
TEXT_2026 = NSDC_2026.read_text()
ACTIONS_2025 = [19, 11, 3, 2, 6, 5, 8, 3, 2, 1, 1, 3, 4, 4]
ACTIONS_2026 = [19, 11, 3, 3, 5, 5, 2, 2, 1, 1, 1, 3, 3, 4]


@pytest.fixture(scope="module")
def plan_2025() -> ParsedPlan:
    return parse_nsdc_plan(TEXT_2025)


@pytest.fixture(scope="module")
def plan_2026() -> ParsedPlan:
    return parse_nsdc_plan(TEXT_2026)


def _action(plan: ParsedPlan, objective: int, index: int) -> ParsedAction:
    found = [o for t in plan.themes for o in t.objectives if o.number == objective]
    return found[0].actions[index]


@pytest.mark.parametrize(
    ("edition", "expected"), [("plan_2025", ACTIONS_2025), ("plan_2026", ACTIONS_2026)]
)
def test_every_objective_with_its_actions(
    edition: str, expected: list[int], request: pytest.FixtureRequest
) -> None:
    plan: ParsedPlan = request.getfixturevalue(edition)
    objectives = [o for t in plan.themes for o in t.objectives]
    assert [o.number for o in objectives] == list(range(1, 15))
    assert [len(o.actions) for o in objectives] == expected
    assert [t.title for t in plan.themes] == [
        "Prevention",
        "Response",
        "Support",
        "Collaborative Working",
    ]
    assert [r.label for r in plan.rag_scheme] == ["Red", "Amber", "Green"]
    assert plan.rag_scheme[2].definition == "Targets and measures met."


def test_titles_and_statements(plan_2026: ParsedPlan) -> None:
    assert plan_2026.title == "Community Safety Partnership Delivery Plan 2026-27"
    assert plan_2026.period_label == "2026-27"
    assert plan_2026.themes[0].statement.startswith("Working proactively with our partner")
    objective_5 = plan_2026.themes[0].objectives[4]
    assert objective_5.title == "Look for opportunities to raise aspirations and help achieve them"


def test_action_nine_moves_from_april_2025_to_completed(
    plan_2025: ParsedPlan, plan_2026: ParsedPlan
) -> None:
    old, new = _action(plan_2025, 1, 8), _action(plan_2026, 1, 8)
    assert (old.number, old.due_text, old.due_date) == ("9)", "April 2025", date(2025, 4, 30))
    assert (new.number, new.due_text, new.status) == ("9)", "Completed", "completed")
    assert old.sub_items == ["Evidence gathering and statements.", "Contextual safeguarding."]


def test_row_split_by_a_page_break_keeps_its_sub_items(plan_2025: ParsedPlan) -> None:
    action = _action(plan_2025, 1, 1)
    assert action.number == "2)"
    assert action.sub_items[-2:] == ["Serious Violence (SV)", "Fraud"]
    assert "muti agency meetings" in action.updates[0].text


def test_list_cell_and_carried_method(plan_2025: ParsedPlan) -> None:
    first = _action(plan_2025, 1, 0)
    assert first.text.startswith("Provision/review and refresh of corporate policies")
    assert first.sub_items == ["Domestic Abuse", "Safeguarding", "ASB Policy", "Enforcement Policy"]
    assert first.method == "Policies, Procedures and Statements"
    # the method cell is blank on action 2) and carried down from the row above
    assert _action(plan_2025, 1, 1).method == "Policies, Procedures and Statements"
    assert _action(plan_2025, 1, 6).method == "Training"
    assert first.leads == ["JW", "YS"]
    assert first.due_date == date(2025, 3, 31)


def test_shifted_columns_and_ocr_leads(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    assert _action(plan_2025, 1, 4).leads == ["JW"]  # printed “١W”
    assert any("“١W”" in w.message for w in plan_2025.warnings)
    thirteen = _action(plan_2026, 1, 12)  # the lead landed in the by-when column
    assert thirteen.number == "13)"
    assert thirteen.leads == ["YS", "SM", "KS"]
    assert thirteen.due_text is None


def test_objective_twelve_heading_split_by_underline(plan_2025: ParsedPlan) -> None:
    twelve = plan_2025.themes[2].objectives[2]
    assert twelve.number == 12
    assert twelve.title.startswith("Pro-acti")


def test_lost_heading_of_objective_fourteen_is_reported(plan_2025: ParsedPlan) -> None:
    fourteen = plan_2025.themes[3].objectives[1]
    assert fourteen.number == 14
    assert [a.number for a in fourteen.actions] == ["1)", "2)", "3)", "4)"]
    assert any("objective 14" in w.message for w in plan_2025.warnings)


def test_updates_present_where_printed(plan_2026: ParsedPlan) -> None:
    assert "DOC Officers continue" in _action(plan_2026, 1, 2).updates[0].text
    assert all(w.line > 0 for w in plan_2026.warnings if "numbered" in w.message)


def test_tags_detected(plan_2026: ParsedPlan) -> None:
    assert "Domestic Abuse" in _action(plan_2026, 1, 0).tags


@pytest.mark.parametrize("path", [NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017])
def test_other_documents_are_refused(path: object) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(NOT_NSDC)):
        parse_nsdc_plan(path.read_text())  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["", "theme,objective\nPrevention,1\n", "Method\tBy when\tLead"])
def test_non_plans_are_refused(text: str) -> None:
    with pytest.raises(ImportFormatError):
        parse_nsdc_plan(text)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_documents_give_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    lines = TEXT_2026.splitlines()
    operation = data.draw(st.sampled_from(["delete", "duplicate", "shuffle", "garble"]))
    index = data.draw(st.integers(0, len(lines) - 1))
    if operation == "delete":
        del lines[index : index + data.draw(st.integers(1, 40))]
    elif operation == "duplicate":
        lines.insert(index, lines[data.draw(st.integers(0, len(lines) - 1))])
    elif operation == "shuffle":
        lines = data.draw(st.permutations(lines))
    else:
        lines[index] = data.draw(st.text(max_size=200))
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_nsdc_plan("\n".join(lines)), ParsedPlan)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(ImportFormatError):
        assert isinstance(
            parse_nsdc_plan("Method\tBy when\tLead\nObjective 1: x\n" + text), ParsedPlan
        )


def test_paragraph_before_a_list_is_the_action_text(plan_2026: ParsedPlan) -> None:
    eight = _action(plan_2026, 1, 7)
    assert (eight.number, eight.text) == (
        "8)",
        "Review the provision of staff training modules on",
    )
    assert eight.sub_items[0] == "Hate / Unconscious Bias."


def test_unnumbered_rows_keep_their_method_and_lose_bullets(plan_2026: ParsedPlan) -> None:
    patrols, events, social = (_action(plan_2026, 3, i) for i in range(3))
    assert patrols.method == "Visible, physical presence"
    assert patrols.text.startswith("Provide high visibility patrols")
    assert events.method == "Visible, physical presence"
    assert social.method == "Virtual Access"
    assert social.text == "Use of social media to promote services."


def test_separator_rows_are_not_content(plan_2026: ParsedPlan) -> None:
    assert _action(plan_2026, 1, 18).sub_items == []
