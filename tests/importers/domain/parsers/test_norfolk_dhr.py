"""The North Norfolk Domestic Homicide Review action plan (end of seed 002), and importing the
whole Norfolk pack, which holds it and the CCSP action plans."""

from __future__ import annotations

import contextlib
import re
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers import services
from apps.importers.domain.parsed import ImportFormatError, ParsedAction, ParsedPlan
from apps.importers.domain.parsers.norfolk_dhr import (
    NO_RECOMMENDATIONS,
    NOT_NORFOLK_DHR,
    looks_like_norfolk_dhr_plan,
    parse_norfolk_dhr_plan,
)
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Organisation, Person
from apps.partnerships.services import partnership_get_or_create
from apps.plans.models import Action, Objective, Plan, Status
from tests.importers.domain.parsers.mutations import mutate_lines

TEXT = NORFOLK_2013.read_text(encoding="utf-8")
HEADER = (
    "Domestic Homicide Review\nRECOMMENDATION\tScope of recommendation\tAction to be taken\t"
    "Lead Agency\tKey milestones\tTarget date\tDate of completion and Outcome\n"
)


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_norfolk_dhr_plan(TEXT)


def _actions(plan: ParsedPlan, number: int) -> list[ParsedAction]:
    return next(o for o in plan.themes[0].objectives if o.number == number).actions


def _warned(plan: ParsedPlan, line: int, words: str) -> bool:
    return any(w.line == line and words in w.message for w in plan.warnings)


def test_every_recommendation_and_action(plan: ParsedPlan) -> None:
    assert plan.title == "North Norfolk Domestic Homicide Review: action plan"
    assert len(plan.themes) == 1
    objectives = plan.themes[0].objectives
    assert [o.number for o in objectives] == list(range(1, 16))
    assert [len(o.actions) for o in objectives] == [1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1]
    assert plan.action_count == 18
    assert objectives[0].title.startswith("That NHS England build into its contractual")
    assert objectives[0].title.endswith("Independent Domestic Violence Advocacy Services.")
    assert all(a.details["Scope"] for o in objectives[2:] for a in o.actions)


def test_recommendation_text_over_many_rows_and_pages(plan: ParsedPlan) -> None:
    objectives = plan.themes[0].objectives
    assert "(b) a requirement to have a medical before the granting" in objectives[2].title
    assert objectives[2].title.endswith("accessing the keys by a third party should be an offence.")
    seventh = objectives[6]
    assert seventh.title.endswith("strategy for the whole county by June 2014.")
    assert seventh.actions[0].text.endswith("dissemination and action by all agencies")
    assert (
        seventh.actions[0]
        .details["Milestones"]
        .endswith(
            "Strategy agreed by NCCSP and published. Strategy implementation monitored by NCCSP"
        )
    )
    assert _warned(plan, 2305, "split by a page break, to recommendation 7")


def test_lost_number_is_given_by_place(plan: ParsedPlan) -> None:
    tenth = plan.themes[0].objectives[9]
    assert (tenth.number, tenth.line) == (10, 2313)
    assert tenth.title.startswith("recommended when assessing and monitoring patients")
    assert _warned(plan, 2313, "numbered 10 by its place")
    assert tenth.actions[0].leads == [
        "Health",
        "NHS CB",
        "CCGs",
        "GP Practices",
        "Mental Health Trust",
    ]


def test_leads_targets_and_completion(plan: ParsedPlan) -> None:
    (fourth,) = _actions(plan, 4)
    assert fourth.leads == ["Dept of Health", "CCG", "NHS England", "DASVB"]
    assert (fourth.due_text, fourth.due_date) == ("By April 2014 By Jan 2014", date(2014, 4, 30))
    (fifth,) = _actions(plan, 5)
    assert fifth.leads == []
    assert fifth.details["Milestones"].startswith("By April 2014: DASVB agrees the process")
    assert fifth.details["Completion"] == "April14"
    assert fifth.details["Outcome"].endswith("follow relevant NICE Guidance")
    assert (fifth.due_text, fifth.due_date) == ("By Sept 14", date(2014, 9, 30))
    assert _warned(plan, 2293, "The Lead Agency column holds the date “By April 2014”")
    (thirteenth,) = _actions(plan, 13)
    assert thirteenth.details["Completion"] == "January 2014"
    assert thirteenth.leads == ["All Agencies"]


def test_several_actions_under_one_recommendation(plan: ParsedPlan) -> None:
    leaflets, communications, ribbon = _actions(plan, 8)
    assert leaflets.leads == ["Police", "Leeway Domestic Abuse Services", "GP Practices"]
    assert communications.leads == ["DA & SV coordinator", "DASVB", "Multi agency DASVB sub group"]
    assert communications.due_date == date(2014, 1, 31)
    assert (ribbon.text, ribbon.due_date) == (
        "Carry out a white ribbon campaign",
        date(2013, 11, 30),
    )
    operation, protocol = _actions(plan, 11)
    assert operation.details["Outcome"] == (
        "Improve clarity for officers and for safety of both parties. Ensure robust monitoring "
        "around the issuing and renewals of firearms licences to those involved with violence"
    )
    assert protocol.text.startswith("Written protocol and flowchart")
    assert protocol.details == {
        "Scope": "County",
        "Milestones": "Protocol & flowchart confirmed to CSP as completed & circulated",
    }
    assert _warned(plan, 2324, "continue a sentence were joined to the action above")


def test_status_is_set_with_care(plan: ParsedPlan) -> None:
    statuses = [a.status for o in plan.themes[0].objectives for a in o.actions]
    assert statuses.count("ongoing") == 2
    assert "completed" not in statuses
    (seventh,) = _actions(plan, 7)
    assert seventh.details["Outcome"].startswith("Completed and disseminated countywide strategy")
    assert _warned(plan, 2302, "describes the aim rather than saying the action is complete")
    (twelfth,) = _actions(plan, 12)
    assert (twelfth.status, twelfth.due_date) == ("ongoing", None)
    text = HEADER + (
        "1. Do x\tCounty\tAct\tPolice\tStep\tMay 2013\tCompleted\n"
        "2. Do y\tCounty\tAct too\tPolice\t\tJune 2013\tCompleted 12/10/2013\n"
        "3. Do z\tCounty\tAct again\tPolice\t\tJuly 2013\tCompleted and shared widely\n"
    )
    small = parse_norfolk_dhr_plan(text)
    assert [o.actions[0].status for o in small.themes[0].objectives] == [
        "completed",
        "completed",
        None,
    ]


def test_warnings_carry_line_numbers(plan: ParsedPlan) -> None:
    assert len(plan.warnings) == 31
    assert all(2238 <= w.line <= 2333 and w.message.endswith(".") for w in plan.warnings)
    assert [w.line for w in plan.warnings] == sorted(w.line for w in plan.warnings)


@pytest.mark.parametrize(
    "path", [NSDC_2025, NSDC_2026, NOTTS_PCC_2019, BOLSOVER_2017], ids=lambda p: p.name[:3]
)
def test_only_the_norfolk_pack_is_recognised(path: Path) -> None:
    assert looks_like_norfolk_dhr_plan(TEXT)
    text = path.read_text(encoding="utf-8")
    assert not looks_like_norfolk_dhr_plan(text)
    with pytest.raises(ImportFormatError, match=re.escape(NOT_NORFOLK_DHR)):
        parse_norfolk_dhr_plan(text)


def test_recognised_but_unreadable_is_refused() -> None:
    with pytest.raises(ImportFormatError, match=re.escape(NO_RECOMMENDATIONS)):
        parse_norfolk_dhr_plan(HEADER + "Nothing here\n")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_seed_gives_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([TEXT.split("\n"), TEXT.split("\n")[2120:]]))
    lines = mutate_lines(data, base)
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_norfolk_dhr_plan("\n".join(lines)), ParsedPlan)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(ImportFormatError):
        parse_norfolk_dhr_plan(text)
    with contextlib.suppress(ImportFormatError):
        parse_norfolk_dhr_plan(HEADER + text)


# Saving, and importing the whole pack


@pytest.mark.django_db
def test_saving_creates_the_rows(plan: ParsedPlan) -> None:
    partnership = partnership_get_or_create(name="Norfolk CCSP")
    saved = plan_create_from_parsed(parsed=plan, partnership=partnership)
    assert Objective.objects.filter(theme__plan=saved).count() == 15
    assert Action.objects.filter(objective__theme__plan=saved).count() == 18
    fourth = Action.objects.get(objective__theme__plan=saved, objective__number=4)
    assert sorted(fourth.lead_organisations.values_list("short_name", flat=True)) == [
        "CCG",
        "DASVB",
        "Dept of Health",
        "NHS England",
    ]
    assert fourth.due_date == date(2014, 4, 30)
    assert fourth.details["Scope"] == "National & County"
    twelfth = Action.objects.get(objective__theme__plan=saved, objective__number=12)
    assert twelfth.status == Status.ONGOING
    assert not Person.objects.exists()


def _import(*args: str) -> str:
    out = StringIO()
    call_command("import_plan", str(NORFOLK_2013), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_importing_the_pack_creates_both_plans() -> None:
    out = _import("--partnership", "Norfolk CCSP")
    assert [p.title for p in Plan.objects.order_by("pk")] == [
        "Norfolk County Community Safety Partnership Plan 2013-16: action plans",
        "North Norfolk Domestic Homicide Review: action plan",
    ]
    assert out.count("Created plan") == 2
    assert Action.objects.count() == 62 + 18


@pytest.mark.django_db
def test_importing_only_the_second_plan() -> None:
    _import("--plan", "2")
    plan = Plan.objects.get()
    assert plan.title == "North Norfolk Domestic Homicide Review: action plan"
    assert Action.objects.count() == 18


@pytest.mark.django_db
def test_a_failure_part_way_leaves_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    real = services.plan_create_from_parsed
    calls: list[str] = []

    def fail_on_second(**kwargs: Any) -> Plan:
        calls.append(kwargs["parsed"].layout)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(
        "apps.importers.management.commands.import_plan.plan_create_from_parsed", fail_on_second
    )
    with pytest.raises(RuntimeError):
        _import()
    assert calls == ["norfolk-ccsp-action-plans", "norfolk-dhr-action-plan"]
    assert not Plan.objects.exists()
    assert not Action.objects.exists()
    assert not Organisation.objects.exists()
