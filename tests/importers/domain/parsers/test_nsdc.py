"""The NSDC parser on the two real editions: every objective, counts per objective, hard rows,
refusal of other documents, and a property test on mutated and arbitrary text."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.parsed import (
    ImportFormatError,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
)
from apps.importers.domain.parsers.html_cells import read_action_cell, split_inline, update_text
from apps.importers.domain.parsers.nsdc import NOT_NSDC, looks_like_nsdc_plan, parse_nsdc_plan
from tests.importers.domain.parsers.mutations import mutate_lines

TEXT_2025 = NSDC_2025.read_text(encoding="utf-8")
TEXT_2026 = NSDC_2026.read_text(encoding="utf-8")
# Counted by reading the documents: one table row is one action, page-split rows joined.
ACTIONS_2025 = [19, 11, 4, 3, 6, 5, 8, 3, 2, 1, 1, 3, 4, 4]
ACTIONS_2026 = [19, 11, 4, 3, 5, 5, 2, 2, 1, 1, 1, 3, 3, 4]
TITLES = [
    "Provide information and advice on all community safety issues",
    "Deter offending behaviour through pro-active approaches",
    "Improve visibility of and accessibility to services and support",
    "Build social capital through positive and targeted engagement",
    "Look for opportunities to raise aspirations and help achieve them",
    "Consolidate clear and efficient pathways from point of report to close of case",
    "Use evidence-based decision making in resourcing and funding opportunities",
    "Work with partners to solve local issues",
    "Reflect the community's needs in our service delivery",
    "Provide a customer focused, responsive service that has a robust approach to assessing "
    "the individual risk and support needs of victims and vulnerable people, whilst addressing "
    "any safeguarding issues.",
    "Develop a pro-active approach to all work that considers 'contextual safeguarding' and "
    "enables the identification of those who are vulnerable and/or at risk of exploitation in "
    "extra familial settings",
    "Pro-actively promote support services",
    "Ensure we are legally compliant through GDPR and any other relevant legislation to enable "
    "affective contribution and engagement from all key partners.",
    "Ensure that we have appropriate, regular, and consistent opportunities for officers to "
    "share information and contribute to the process of reducing the risk of harm.",
]


@pytest.fixture(scope="module")
def plan_2025() -> ParsedPlan:
    return parse_nsdc_plan(TEXT_2025)


@pytest.fixture(scope="module")
def plan_2026() -> ParsedPlan:
    return parse_nsdc_plan(TEXT_2026)


def _objectives(plan: ParsedPlan) -> list[ParsedObjective]:
    return [o for t in plan.themes for o in t.objectives]


def _action(plan: ParsedPlan, objective: int, number: str, nth: int = 0) -> ParsedAction:
    found = next(o for o in _objectives(plan) if o.number == objective)
    return [a for a in found.actions if a.number == number][nth]


def _messages(plan: ParsedPlan, line: int) -> list[str]:
    return [w.message for w in plan.warnings if w.line == line]


def _quotes(text: str) -> str:
    return text.replace("‘", "'").replace("’", "'")


@pytest.mark.parametrize(("edition", "counts"), [("2025", ACTIONS_2025), ("2026", ACTIONS_2026)])
def test_every_objective_and_action(
    edition: str, counts: list[int], request: pytest.FixtureRequest
) -> None:
    plan: ParsedPlan = request.getfixturevalue(f"plan_{edition}")
    objectives = _objectives(plan)
    assert [o.number for o in objectives] == list(range(1, 15))
    assert [_quotes(o.title) for o in objectives] == TITLES
    assert [len(o.actions) for o in objectives] == counts
    assert [len(t.objectives) for t in plan.themes] == [5, 4, 3, 2]
    assert all(a.text and a.number and a.line > 0 for o in objectives for a in o.actions)


@pytest.mark.parametrize("edition", ["2025", "2026"])
def test_themes_and_rag_scheme(edition: str, request: pytest.FixtureRequest) -> None:
    plan: ParsedPlan = request.getfixturevalue(f"plan_{edition}")
    assert [t.title for t in plan.themes] == [
        "Prevention",
        "Response",
        "Support",
        "Collaborative Working",
    ]
    assert plan.themes[0].statement.endswith(
        "proactively with our partner agencies to prevent crime and anti-social behaviour."
    )
    assert plan.themes[2].statement == (
        "We want to ensure that victims, witnesses, and vulnerable people have the support "
        "they need"
    )
    assert [(r.code, r.label, r.colour) for r in plan.rag_scheme] == [
        ("R", "Red", "#d4351c"),
        ("A", "Amber", "#f47738"),
        ("G", "Green", "#00703c"),
    ]
    assert plan.rag_scheme[0].definition.startswith("Actions underway but no significant change")
    assert plan.rag_scheme[2].definition == "Targets and measures met."
    assert all(a.rag is None for o in _objectives(plan) for a in o.actions)
    assert plan.introduction.startswith("This delivery plan will describe specific actions")


def test_titles_and_period(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    assert plan_2025.title == "Community Safety Partnership Delivery Plan"
    assert any("CUSTOMER FEEDBACK" in m for m in _messages(plan_2025, 5))
    assert plan_2026.title == "Community Safety Partnership Delivery Plan 2026-27"
    assert plan_2026.period_label == "2026-27"


def test_ocr_slip_in_a_statement_is_kept_and_reported(plan_2025: ParsedPlan) -> None:
    assert plan_2025.themes[0].statement.startswith("Norking proactively")
    assert any("“Norking”" in m and "“Working”" in m for m in _messages(plan_2025, 55))


def test_broken_headings_are_repaired_with_a_warning(plan_2025: ParsedPlan) -> None:
    twelve = _objectives(plan_2025)[11]  # printed "Objective 1\t<u>2:</u> Pro-acti\tvely …"
    assert (twelve.number, twelve.title, twelve.line) == (12, TITLES[11], 165)
    assert any("Objective 12" in m for m in _messages(plan_2025, 165))
    assert any("Objective 1’s heading" in m for m in _messages(plan_2025, 57))


def test_lost_heading_of_objective_fourteen(plan_2025: ParsedPlan) -> None:
    fourteen = _objectives(plan_2025)[13]
    first = fourteen.actions[0]
    assert [a.number for a in fourteen.actions] == ["1)", "2)", "3)", "4)"]
    assert first.text.startswith("As a CSP, review the terms of reference")
    assert first.updates[0].text == "Review of CSP is currently in progress"
    assert any("Objective 14" in m for m in _messages(plan_2025, 183))


def test_action_nine_from_april_2025_to_completed(
    plan_2025: ParsedPlan, plan_2026: ParsedPlan
) -> None:
    old, new = _action(plan_2025, 1, "9)"), _action(plan_2026, 1, "9)")
    assert (old.due_text, old.due_date, old.status) == ("April 2025", date(2025, 4, 30), None)
    assert (new.due_text, new.due_date, new.status) == ("Completed", None, "completed")
    assert (
        old.sub_items
        == new.sub_items
        == [
            "Evidence gathering and statements.",
            "Contextual safeguarding.",
        ]
    )


def test_row_split_by_a_page_break(plan_2025: ParsedPlan) -> None:
    two = _action(plan_2025, 1, "2)")
    assert two.sub_items == [
        "Violence Against Women & Girls (VAWG)",
        "Prevent (Counter-Terrorism)",
        "Modern Slavery & Human Trafficking",
        "Hate",
        "Serious Violence (SV)",
        "Fraud",
    ]
    assert "Referrals can be made by any agency and muti agency meetings" in two.updates[0].text
    assert len(two.updates) == 1 and two.updates[0].line == 59
    assert any("action 2)" in m for m in _messages(plan_2025, 63))
    seven = _action(plan_2025, 1, "7)")
    assert seven.sub_items == ["Domestic Abuse", "Safeguarding", "Prevent"]
    assert seven.updates[0].text.endswith("form part of the NSDC Safeguarding team.")


def test_shifted_columns(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    thirteen = _action(plan_2026, 1, "13)")  # the lead sits in the by-when column
    assert (thirteen.due_text, thirteen.leads) == (None, ["YS", "SM", "KS"])
    two = _action(plan_2026, 1, "2)")  # the by-when sits in the method column
    assert (two.due_text, two.status, two.method) == (
        "Completed",
        "completed",
        "Policies, Procedures and Statements",
    )
    cooking = _action(plan_2025, 7, "4)")  # eight empty cells before the lead
    assert (cooking.text, cooking.leads) == ("Cooking Project – Newark/Sherwood", ["YS", "SM"])
    three = _action(plan_2025, 1, "3)")  # the number in a cell of its own
    assert three.text.startswith("Consider the use of the Police Designing Out Crime")
    assert three.updates[0].text.startswith("DOC Officers have been used")


def test_list_cells(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    first = _action(plan_2025, 1, "1)")  # <ol><li> with no number in the text
    assert first.text == "Provision/review and refresh of corporate policies and procedures on"
    assert first.sub_items == ["Domestic Abuse", "Safeguarding", "ASB Policy", "Enforcement Policy"]
    assert any("numbered by its list" in m for m in _messages(plan_2025, 58))
    eighteen = _action(plan_2025, 1, "18)")
    assert eighteen.text.startswith("Support the Violence Reduction Partnerships")
    assert _action(plan_2025, 1, "15)").sub_items == ["Domestic Abuse", "Safeguarding", "ASB"]
    eight = _action(plan_2026, 1, "8)")  # <p> then <ul>
    assert eight.text == "Review the provision of staff training modules on"
    assert eight.sub_items[0] == "Hate / Unconscious Bias."
    panels = _action(plan_2026, 1, "17)").sub_items
    assert panels == [
        "ASB Panel",
        "Vulnerable Person Panel",
        "Newark and Sherwood Safeguarding and Disruption Panel",
    ]


def test_unnumbered_rows_are_numbered_with_a_warning(plan_2026: ParsedPlan) -> None:
    patrols, events, social, promotion = _objectives(plan_2026)[2].actions
    assert [a.number for a in (patrols, events, social, promotion)] == ["1)", "2)", "3)", "4)"]
    assert events.text.startswith("Attendance at programmed local events")
    assert social.text == "Use of social media to promote services."
    assert promotion.method == "Virtual Access"
    assert promotion.updates[0].text.startswith("Comms do regular social media releases")
    assert any("no number in the document" in m for m in _messages(plan_2026, 117))


def test_method_carried_down_and_reset_per_objective(plan_2025: ParsedPlan) -> None:
    one = _objectives(plan_2025)[0].actions
    assert [a.method for a in one[:7]] == ["Policies, Procedures and Statements"] * 6 + ["Training"]
    assert _action(plan_2025, 1, "19)").method == "Education"
    assert _action(plan_2025, 7, "1)", 1).method == "OPCC Safer for All Funding"
    assert _action(plan_2025, 8, "1)").method is None  # not carried over from objective 7
    assert any("Other Funding" in m for m in _messages(plan_2025, 146))


def test_leads_are_split(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    assert _action(plan_2025, 1, "11)").leads == ["JW", "YS", "SM"]
    assert _action(plan_2025, 2, "1)").leads == ["CSP"]
    assert _action(plan_2026, 14, "1)").leads == ["BNS CSP"]
    assert _action(plan_2025, 5, "3)").leads == ["YS", "SM"]  # printed "YS? SM"
    assert any("YS? SM" in m for m in _messages(plan_2025, 117))
    assert _action(plan_2025, 1, "5)").leads == ["JW"]  # printed "١W"
    assert any("“١W” as “JW”" in m for m in _messages(plan_2025, 66))
    assert _action(plan_2025, 7, "5)").leads == ["YS", "SM"]  # printed "YS/ 5) SM"
    assert _action(plan_2025, 14, "3)").leads == ["JW", "YS", "N EC"]
    assert any("N EC" in m for m in _messages(plan_2025, 185))


def test_updates_present_only_where_printed(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    engagement = _action(plan_2025, 4, "1)")
    assert engagement.updates == []  # the update cell is empty
    survey = _action(plan_2025, 9, "1)")  # action and update run together in one cell
    assert (
        survey.text
        == "Produce and implement victim satisfaction surveys for the completion of cases"
    )
    assert survey.updates[0].text == "25/26 look to develop surveys and distribute."
    policies = _action(plan_2026, 1, "1)").updates[0]
    assert policies.line == 62
    assert policies.text.count("\n\n") == 4  # five <p> paragraphs, one joined after a page break
    assert policies.text.endswith("will be reviewed August 2027.")
    assert "xxx" in _action(plan_2025, 3, "3)").updates[0].text
    assert any("placeholder" in m for m in _messages(plan_2025, 106))


def test_repeated_fragment_and_stray_page_number(plan_2025: ParsedPlan) -> None:
    four = _action(plan_2025, 12, "4)")
    assert four.updates[0].text.count("inward and outward facing") == 1
    assert any("5101" in m for m in _messages(plan_2025, 168))
    assert any("“15”" in m for m in _messages(plan_2025, 141))
    assert _action(plan_2025, 7, "6)").updates[0].text.endswith("within the Young People's Centres")


def test_due_dates_and_tags(plan_2025: ParsedPlan, plan_2026: ParsedPlan) -> None:
    assert _action(plan_2025, 7, "1)").due_date == date(2025, 4, 30)  # "Oct 2023 – April 2025"
    assert _action(plan_2026, 1, "16)").due_date == date(2026, 8, 31)  # "Summer 26"
    assert _action(plan_2026, 14, "1)").status == "on_hold"
    assert _action(plan_2025, 13, "4)").due_text == "ASAP"
    assert _action(plan_2025, 14, "2)").tags == [
        "ASB",
        "Domestic Abuse",
        "VAWG",
        "Prevent",
        "Serious Violence",
        "Exploitation",
    ]


@pytest.mark.parametrize("edition", ["2025", "2026"])
def test_warnings_carry_line_numbers(edition: str, request: pytest.FixtureRequest) -> None:
    plan: ParsedPlan = request.getfixturevalue(f"plan_{edition}")
    assert plan.warnings
    assert all(0 < w.line <= 210 and w.message.endswith(".") for w in plan.warnings)
    assert [w.line for w in plan.warnings] == sorted(w.line for w in plan.warnings)


@pytest.mark.parametrize("path", [NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017])
def test_other_seed_documents_are_refused(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert not looks_like_nsdc_plan(text)
    with pytest.raises(ImportFormatError, match=re.escape(NOT_NSDC)):
        parse_nsdc_plan(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "theme,objective,action\nPrevention,1,Do something\n",
        "Method\tBy when\tLead\tAction(s)",
    ],
)
def test_non_plans_are_refused(text: str) -> None:
    with pytest.raises(ImportFormatError):
        parse_nsdc_plan(text)


def test_cell_helpers() -> None:
    assert split_inline("on a. Domestic Abuse b. Safeguarding") == (
        "on",
        ["Domestic Abuse", "Safeguarding"],
    )
    assert split_inline("e.g. a list") == ("e.g. a list", [])
    cell = read_action_cell(
        '<ol style="list-style-type: none"><li>1) Do <ol><li>a. x</li></ol></li></ol>'
    )
    assert (cell.number, cell.text, cell.sub_items, cell.implied_number) == (
        "1)",
        "Do",
        ["x"],
        False,
    )
    assert update_text("<p>One.</p> <ul><li>a</li><li>b</li></ul>") == "One.\n\na\nb"


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_seed_gives_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([TEXT_2025, TEXT_2026]))
    lines = mutate_lines(data, base.split("\n"))
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_nsdc_plan("\n".join(lines)), ParsedPlan)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(ImportFormatError):
        parse_nsdc_plan(text)
    with contextlib.suppress(ImportFormatError):
        parse_nsdc_plan("Method\tBy when\tLead\tAction(s)\nObjective 1: x\n" + text)
