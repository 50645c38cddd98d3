"""The Norfolk CCSP Plan 2013/16 action plans (Appendix 3 of the scrutiny pack, seed 002)."""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.parsed import ImportFormatError, ParsedAction, ParsedPlan
from apps.importers.domain.parsers.norfolk_ccsp import (
    NO_OBJECTIVES,
    NOT_NORFOLK_CCSP,
    looks_like_norfolk_ccsp_plan,
    parse_norfolk_ccsp_plan,
)
from apps.importers.domain.parsers.norfolk_text import split_items
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.services import partnership_get_or_create
from apps.plans.models import Action, Objective, Theme
from tests.importers.domain.parsers.mutations import mutate_lines

TEXT = NORFOLK_2013.read_text(encoding="utf-8")
ACTIONS_PER_OBJECTIVE = {
    "A": [2, 3, 3, 3, 2, 1],
    "B": [],
    "C": [6, 4, 9, 8],
    "D": [0, 0, 0],
    "E": [2, 2, 1, 2, 1, 1, 1, 1, 2, 1],
    "F": [1, 2, 3, 1],
}


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_norfolk_ccsp_plan(TEXT)


def _objective_actions(plan: ParsedPlan, letter: str, number: int) -> list[ParsedAction]:
    theme = next(t for t in plan.themes if t.title.startswith(f"{letter}:"))
    return next(o for o in theme.objectives if o.number == number).actions


def _warned(plan: ParsedPlan, line: int, words: str) -> bool:
    return any(w.line == line and words in w.message for w in plan.warnings)


def test_title_period_and_priorities(plan: ParsedPlan) -> None:
    assert plan.title == "Norfolk County Community Safety Partnership Plan 2013-16: action plans"
    assert plan.period_label == "2013-16"
    assert [t.title for t in plan.themes] == [
        "A: Reduce the incidence of crime and ASB",
        "B: Protect vulnerable people, particularly young people",
        "C: Protect vulnerable people, particularly people vulnerable to domestic abuse",
        "D: Reduce drug & alcohol related crime/ASB, with improved focus on recovery and "
        "abstinence",
        "E: Reduce the harm caused by the misuse of drugs and alcohol within the Night-time "
        "Economy",
        "F: Improve support to offenders to prevent them from re-offending, particularly PPOs",
    ]


def test_every_objective_and_action_is_read(plan: ParsedPlan) -> None:
    counts = {t.title[:1]: [len(o.actions) for o in t.objectives] for t in plan.themes}
    assert counts == ACTIONS_PER_OBJECTIVE
    assert sum(len(t.objectives) for t in plan.themes) == 27
    assert plan.action_count == 62
    # objectives are numbered within their priority, as the document prints them
    for theme in plan.themes:
        assert [o.number for o in theme.objectives] == list(range(1, len(theme.objectives) + 1))
        for objective in theme.objectives:
            numbers = [a.number for a in objective.actions]
            assert numbers == [f"{n})" for n in range(1, len(numbers) + 1)]
            assert all(a.text for a in objective.actions)


def test_unnumbered_objectives_are_numbered_by_place(plan: ParsedPlan) -> None:
    first = plan.themes[0].objectives[0]
    assert first.title == "Develop a performance management framework for ASB to reduce harm"
    assert _warned(plan, first.line, "numbered 1 by its place")
    assert _warned(plan, 1952, "numbered 2 by its place")
    assert _warned(plan, 1974, "numbered 4 by its place")


def test_priorities_without_a_plan(plan: ParsedPlan) -> None:
    youth, drugs = plan.themes[1], plan.themes[3]
    assert youth.objectives == []
    assert youth.statement.startswith("Please see Youth Offending Team action plan")
    assert _warned(plan, 1883, "Priority B has no action plan table")
    assert _warned(plan, 1888, "Left out text that is not part of the table")
    assert drugs.statement == "Action Plan under development"
    assert [o.title[:30] for o in drugs.objectives] == [
        "Ensure the new NRP service sup",
        "Coordinate the delivery of the",
        "To ensure that the Matthew Pro",
    ]
    for objective in drugs.objectives:
        assert _warned(plan, objective.line, "has no key actions (“Action Plan under development”)")


def test_title_cut_short_is_completed_from_the_plan(plan: ParsedPlan) -> None:
    assert _warned(plan, 1968, "Priority F’s title was cut short")


def test_row_split_over_a_page_with_headings_inside(plan: ParsedPlan) -> None:
    objective = plan.themes[2].objectives[1]
    assert objective.title == (
        "Prevent violence from happening in the first place by challenging the attitudes and "
        "behaviours which foster it and intervening early where possible to prevent it"
    )
    assert _warned(plan, 1907, "Left out the column headings printed inside this row")
    assert _warned(plan, 1907, "Joined this row, split by a page break, to objective 2")
    campaign, ribbon, training, schools = objective.actions
    assert (campaign.text, campaign.sub_items) == (
        "Norfolk Says No campaign",
        ["Plan in place (Sep 2013)"],
    )
    assert ribbon.text == "Achieve White Ribbon Status for Norfolk"
    assert ribbon.sub_items == [
        "Task and finish group in place (Sep 2013)",
        "Action plan in place (Dec 2013)",
    ]
    assert (ribbon.due_text, ribbon.due_date) == ("Sep 2013, Dec 2013", date(2013, 12, 31))
    assert training.due_date == date(2014, 3, 31)
    assert schools.sub_items == [
        "Link with VS DfE project (Aug 2013)",
        "Childrens Services promote to schools (Sep 2013)",
    ]
    measures = campaign.details["Performance measure(s)"]
    assert measures.startswith("Increase in referrals in month following campaign")
    assert "Performance measure(s)" not in measures
    third = plan.themes[2].objectives[2]
    assert third.title.endswith(
        "levels of support where violence occurs, with a focus on those "
        "at high risk of serious harm"
    )
    assert third.actions[0].text.startswith("Mapping of services to identify gaps")


def test_lost_bullets_are_split_with_a_warning(plan: ParsedPlan) -> None:
    assert [a.text for a in _objective_actions(plan, "A", 2)] == [
        "Develop performance framework",
        "OPT Sergeants develop a system to review performance and act on it",
        "Link to monthly Police Community safety Tasking and Coordinating Group",
    ]
    assert _warned(plan, 1871, "read them as 3 actions")
    assert [a.text for a in _objective_actions(plan, "A", 3)] == [
        "Closeness to model",
        "Differences to model",
        "Good practise",
    ]
    assert [a.text for a in _objective_actions(plan, "F", 3)] == [
        "Identify appropriate staff",
        "Engage key partner agencies.",
        "Establish offender selection criteria.",
    ]
    single = _objective_actions(plan, "A", 6)
    assert [a.text for a in single] == [
        "Develop a monthly analytical product based on data from Police, District Councils and "
        "other partners where appropriate"
    ]


def test_dates_that_do_not_pair_are_kept_whole(plan: ParsedPlan) -> None:
    actions = _objective_actions(plan, "C", 1)
    assert [(a.due_text, a.due_date) for a in actions[:2]] == [
        ("Jul 2013", date(2013, 7, 31)),
        ("Aug 2013", date(2013, 8, 31)),
    ]
    for action in actions[2:]:
        assert (action.due_text, action.due_date) == (
            "Jul 2013 Sept 2013 Jul 2013",
            date(2013, 9, 30),
        )
    assert _warned(plan, 1899, "Paired the 2 by-when dates with the actions in order")
    assert _warned(plan, 1900, "has 3 dates for 4 actions")
    assert _warned(plan, 1902, "Paired the 7 by-when dates with the milestones in order")


def test_shifted_and_continued_cells(plan: ParsedPlan) -> None:
    first, second = _objective_actions(plan, "A", 1)
    assert first.details == {
        "Performance measure(s)": "Review and sign off by CSP",
        "Target": "ASB Coordinators have developed a process to monitor OPT performance against "
        "those ASB victims who are 'High Risk'. Police Analysts will start to publish monthly "
        "performance data during the last quarter of FY 2012/13",
    }
    assert second.details == {}
    assert _warned(plan, 1870, "open quotation")
    protection = _objective_actions(plan, "C", 4)
    assert (
        protection[0].details["Target"] == "Reduction in MARAC repeats Reduction in repeat victims"
    )
    assert "Linked priorities" not in protection[0].details
    assert _warned(plan, 1922, "was moved to Target")
    # a row with only performance measures belongs to the row above it
    assert (
        _objective_actions(plan, "C", 1)[2]
        .details["Performance measure(s)"]
        .endswith("Number of policies in place")
    )
    assert _warned(plan, 1901, "joined to the row above")


def test_leads_dates_and_details(plan: ParsedPlan) -> None:
    night = _objective_actions(plan, "E", 4)
    assert [a.leads for a in night] == [["Police", "LA"], ["Police", "LA"]]
    assert night[0].due_text == "March 2014 (Reviewed annually)"
    assert night[0].due_date == date(2014, 3, 31)
    assert night[0].details == {
        "Performance measure(s)": "Number of premises who withdraw cheap price points on the "
        "sale of alcohol or who adopt licensing condition.",
        "Target": "TBC",
    }
    assert _objective_actions(plan, "A", 4)[0].leads == ["Norfolk Constabulary"]
    assert _objective_actions(plan, "F", 1)[0].leads == ["MG"]
    assert _warned(plan, 1971, "reads as a person’s name; recorded by the initials MG")
    assert _objective_actions(plan, "C", 3)[4].due_text == "TBC"
    assert _objective_actions(plan, "C", 3)[4].due_date is None


def test_warnings_carry_line_numbers(plan: ParsedPlan) -> None:
    assert len(plan.warnings) == 42
    assert all(1863 <= w.line <= 1990 and w.message.endswith(".") for w in plan.warnings)
    assert [w.line for w in plan.warnings] == sorted(w.line for w in plan.warnings)


@pytest.mark.parametrize(
    "path", [NSDC_2025, NSDC_2026, NOTTS_PCC_2019, BOLSOVER_2017], ids=lambda p: p.name[:3]
)
def test_only_the_norfolk_pack_is_recognised(path: Path) -> None:
    assert looks_like_norfolk_ccsp_plan(TEXT)
    text = path.read_text(encoding="utf-8")
    assert not looks_like_norfolk_ccsp_plan(text)
    with pytest.raises(ImportFormatError, match=re.escape(NOT_NORFOLK_CCSP)):
        parse_norfolk_ccsp_plan(text)


def test_recognised_but_unreadable_is_refused() -> None:
    text = "CCSP Priority\tA. Crime\nObjective\tLead\tKey Actions\tBy When\tMeasures\n"
    with pytest.raises(ImportFormatError, match=re.escape(NO_OBJECTIVES)):
        parse_norfolk_ccsp_plan(text)


def test_split_items_helper() -> None:
    items = split_items("Lead • Do this ▶ First step ▶ Second step", is_list=False).items
    assert [(i.text, i.milestones) for i in items] == [
        ("Lead", []),
        ("Do this", ["First step", "Second step"]),
    ]
    assert len(split_items("Develop work with Police, District Councils", is_list=False).items) == 1


@pytest.mark.django_db
def test_saving_creates_the_rows(plan: ParsedPlan) -> None:
    partnership = partnership_get_or_create(name="Norfolk CCSP")
    saved = plan_create_from_parsed(parsed=plan, partnership=partnership)
    assert Theme.objects.filter(plan=saved).count() == 6
    assert Objective.objects.filter(theme__plan=saved).count() == 27
    assert Action.objects.filter(objective__theme__plan=saved).count() == 62
    action = Action.objects.get(
        objective__theme__plan=saved, text="Achieve White Ribbon Status for Norfolk"
    )
    assert action.due_date == date(2013, 12, 31)
    assert action.details["Performance measure(s)"].startswith("Increase in referrals")
    licensing = Action.objects.filter(
        objective__theme__plan=saved, lead_organisations__short_name="LA"
    )
    assert licensing.count() == 4
    assert not saved.partnership.people.exclude(initials="MG").exists()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_seed_gives_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([TEXT.split("\n"), TEXT.split("\n")[1840:2000]]))
    lines = mutate_lines(data, base)
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_norfolk_ccsp_plan("\n".join(lines)), ParsedPlan)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    header = "CCSP Priority\tA. Crime\nObjective\tLead\tKey Actions\tBy When\n"
    with contextlib.suppress(ImportFormatError):
        parse_norfolk_ccsp_plan(text)
    with contextlib.suppress(ImportFormatError):
        parse_norfolk_ccsp_plan(header + text)
