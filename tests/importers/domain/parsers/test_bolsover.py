"""The Bolsover CSP action plan parser on the real 2017-2020 plan: every priority, the leads of
the hard rows, rows split over pages, layout detection, saving, and mutated text."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.documents import LAYOUTS
from apps.importers.domain.parsed import ImportFormatError, ParsedAction, ParsedPlan
from apps.importers.domain.parsers.bolsover import (
    AIM,
    NO_PRIORITIES,
    NOT_BOLSOVER,
    looks_like_bolsover_plan,
    parse_bolsover_plan,
)
from apps.importers.domain.parsers.bolsover_cells import reconcile, run_together, split_lead
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Organisation, Partnership
from apps.plans.models import Action, Objective, Rating, Update
from tests.importers.domain.parsers.mutations import mutate_lines

TEXT = BOLSOVER_2017.read_text(encoding="utf-8")
# Counted by reading the table (lines 134-151): bullets, plus the Hate Crime row's paragraph
# that has no bullets under it; the Cyber Crime and Substance misuse rows go on over a page.
PRIORITIES = [
    ("Anti-Social Behaviour", 7),
    ("Cyber Crime", 3),
    ("Domestic Abuse", 8),
    ("Hate Crime/Community Cohesion", 6),
    ("Organised Crime Groups", 2),
    ("Organised Immigration Crime, Human Trafficking and Exploitation", 1),
    ("Rape & Serious Sexual Assault", 4),
    ("Safeguarding Adults", 2),
    ("Safeguarding Children", 2),
    ("Serious Acquisitive Crime", 7),
    ("Substance misuse", 5),
    ("Terrorism and Domestic Extremism", 3),
]


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_bolsover_plan(TEXT)


def _priority(plan: ParsedPlan, title: str) -> list[ParsedAction]:
    return next(o.actions for o in plan.themes[0].objectives if o.title == title)


def test_every_priority_is_an_objective_in_order(plan: ParsedPlan) -> None:
    assert plan.title == "Bolsover Community Safety Partnership Action Plan 2017 - 2020"
    assert plan.period_label == "2017-2020"
    assert plan.rag_scheme == []
    assert [t.title for t in plan.themes] == ["Strategic Priorities 2017-2020"]
    objectives = plan.themes[0].objectives
    assert [(o.title, len(o.actions)) for o in objectives] == PRIORITIES
    assert [o.number for o in objectives] == list(range(1, 13))
    assert plan.action_count == 50
    for objective in objectives:
        assert [a.number for a in objective.actions] == [
            str(n) for n in range(1, len(objective.actions) + 1)
        ]
    assert all(a.rag is None and not a.updates for o in objectives for a in o.actions)


def test_domestic_abuse_leads_after_the_run_together_paragraph(plan: ParsedPlan) -> None:
    """The lead cell prints 7 paragraphs for 8 bullets; "BDC/DCC All agencies" is two."""
    actions = _priority(plan, "Domestic Abuse")
    assert [(a.text.split()[0:2], a.leads) for a in actions] == [
        (["Raise", "awareness"], ["CSP", "BDC", "Police", "DCC"]),
        (["Provide", "and"], ["BDC", "DCC"]),
        (["Refer", "high"], ["All agencies"]),
        (["Implement", "Freedom"], ["BDC", "DCC"]),
        (["Assist", "in"], ["CSP", "BDC", "Police", "DCC"]),
        (["Refer", "to"], ["Police"]),
        (["Refer", "to"], ["All agencies"]),
        (["Work", "to"], ["DCC", "CSP", "Police"]),
    ]
    assert actions[5].text == "Refer to Sexual Assault Referral Centre."
    assert any(
        w.line == 139 and "“BDC/DCC All agencies” were run together" in w.message
        for w in plan.warnings
    )
    # the rows after it are not shifted: the same leads for the same work under Rape & SSA
    rape = _priority(plan, "Rape & Serious Sexual Assault")
    assert [a.leads for a in rape] == [
        ["CSP", "BDC", "Police", "DCC"],
        ["CSP", "BDC", "Police", "DCC"],
        ["Police"],
        ["DCC", "CSP", "Police"],
    ]
    assert _priority(plan, "Safeguarding Adults")[0].leads == [
        "DCC",
        "BDC",
        "Police",
        "DFRS",
        "CCGs",
    ]


def test_substance_misuse_row_split_over_the_page(plan: ParsedPlan) -> None:
    actions = _priority(plan, "Substance misuse")
    assert actions[0].text == (
        "Assist in the delivery of the Substance Misuse Strategic Action Plan by ensuring CSP "
        "funded diversionary activities are targeted in areas where evidence suggests there is "
        "a higher prevalence of young people's substance misuse."
    )
    assert [a.leads for a in actions] == [
        ["CSP"],
        ["CSP", "DCC", "Police"],
        ["CSP", "DCC", "Police"],
        ["DCC Trading Standards", "Police"],
        ["Police"],
    ]
    assert [a.details.get(AIM) for a in actions] == [None, None, None] + [
        "Address problems associated with underage drinking"
    ] * 2
    assert actions[3].line == 150
    assert any(w.line == 150 and "Joined “ensuring" in w.message for w in plan.warnings)


def test_cyber_crime_continuation_line(plan: ParsedPlan) -> None:
    last = _priority(plan, "Cyber Crime")[-1]
    assert last.text.endswith("Partnership CSE/Cyber Crime Action Plan.")
    assert last.leads == ["DCC", "CSP", "Police"]
    assert [w.line for w in plan.warnings if "Joined" in w.message] == [138, 150]


def test_aims_stay_on_the_actions_under_them(plan: ParsedPlan) -> None:
    asb = _priority(plan, "Anti-Social Behaviour")
    aims = [a.details.get(AIM, "") for a in asb]
    assert aims[:2] == ["Increase awareness in the community about all anti-social behaviour"] * 2
    assert aims[2].startswith("Increase services for families") and aims[2:5] == [aims[2]] * 3
    assert aims[5].startswith("Provide consistent multi-agency approach")
    assert aims[6].startswith("Monitor deliberate fires/derelict buildings")
    assert asb[4].text == "Targeted enforcement activity to tackle anti-social behaviour:"
    assert [a.leads for a in asb] == [
        ["CSP Team"],
        ["CSP Team"],
        ["BDC", "Police", "CVP"],
        ["BDC"],
        ["BDC", "Police"],
        ["BDC", "Police", "DCC"],
        ["DFRS", "CSP", "Police", "BDC"],
    ]
    assert "ASB" in asb[0].tags


def test_hate_crime_leads_cannot_be_reconciled_and_say_so(plan: ParsedPlan) -> None:
    """A paragraph action, then an aim over five bullets, beside five lead paragraphs."""
    actions = _priority(plan, "Hate Crime/Community Cohesion")
    assert actions[0].text.startswith('Support the implementation of the "Action Against Hate"')
    assert AIM not in actions[0].details
    assert all(a.details[AIM].startswith("Maintain and improve community") for a in actions[1:])
    assert [a.leads for a in actions] == [
        ["All partners"],
        ["All partner agencies and community groups"],
        ["CSP", "BDC", "Police"],
        ["CSP"],
        ["CSP"],
        [],
    ]
    assert any(
        w.line == 140 and "6 actions but 5 leads" in w.message and "action 6" in w.message
        for w in plan.warnings
    )


def test_warnings_are_exactly_the_judged_rows(plan: ParsedPlan) -> None:
    assert [w.line for w in plan.warnings] == [138, 139, 140, 150]
    assert all(w.message.endswith(".") for w in plan.warnings)


def test_lead_helpers() -> None:
    assert split_lead("DFRS/CSP/ Police/BDC") == ["DFRS", "CSP", "Police", "BDC"]
    assert run_together("BDC/DCC All agencies") == ["BDC/DCC", "All agencies"]
    assert run_together("DCC Trading Standards/Police") == ["DCC Trading Standards/Police"]
    assert run_together("All partner agencies and community groups") == [
        "All partner agencies and community groups"
    ]
    # split only when it makes the counts agree
    assert reconcile(["BDC/DCC All agencies", "CSP"], 2) == (["BDC/DCC All agencies", "CSP"], [])
    assert reconcile(["BDC/DCC All agencies", "CSP"], 3)[0] == ["BDC/DCC", "All agencies", "CSP"]
    assert reconcile(["BDC/DCC All agencies", "CSP"], 4)[0] == ["BDC/DCC All agencies", "CSP"]


def test_layout_recognises_only_its_own_seed() -> None:
    assert looks_like_bolsover_plan(TEXT)
    for path in (NSDC_2025, NSDC_2026, NORFOLK_2013, NOTTS_PCC_2019):
        assert not looks_like_bolsover_plan(path.read_text(encoding="utf-8"))
    layout = next(layout for layout in LAYOUTS if layout.name == "bolsover-action-plan")
    assert layout.recognises is looks_like_bolsover_plan
    assert [x.name for x in LAYOUTS if x.recognises(TEXT)] == ["bolsover-action-plan"]


def test_refusals() -> None:
    with pytest.raises(ImportFormatError, match=re.escape(NOT_BOLSOVER)):
        parse_bolsover_plan(NOTTS_PCC_2019.read_text(encoding="utf-8"))
    with pytest.raises(ImportFormatError, match=re.escape(NO_PRIORITIES)):
        parse_bolsover_plan("PRIORITY\tACTION\tLEAD\nSome text after the table\n")


@pytest.mark.django_db
def test_saving_the_plan_creates_its_rows(plan: ParsedPlan, partnership: Partnership) -> None:
    saved = plan_create_from_parsed(parsed=plan, partnership=partnership)
    assert Objective.objects.filter(theme__plan=saved).count() == 12
    actions = Action.objects.filter(objective__theme__plan=saved)
    assert actions.count() == 50
    assert not Update.objects.filter(action__objective__theme__plan=saved).exists()
    assert not Rating.objects.filter(plan=saved).exists()
    refer = actions.get(objective__title="Domestic Abuse", number="3")
    assert [o.short_name for o in refer.lead_organisations.all()] == ["All agencies"]
    assert refer.lead_people.count() == 0
    names = dict(
        Organisation.objects.filter(partnership=partnership).values_list("short_name", "name")
    )
    assert names["BDC"] == "Bolsover District Council"
    assert names["DCC"] == "Derbyshire County Council"
    assert names["DFRS"] == "Derbyshire Fire and Rescue Service"
    assert names["CCGs"] == "Clinical Commissioning Groups"
    assert names["DCC Trading Standards"] == "Derbyshire County Council Trading Standards"
    assert partnership.people.count() == 0  # every lead is a known agency
    aim = actions.get(objective__title="Substance misuse", number="5").details
    assert aim == {AIM: "Address problems associated with underage drinking"}


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_seed_gives_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    lines = mutate_lines(
        data,
        TEXT.split("\n"),
        focus=(133, 152),
        junk=["\t", "<p>", "</li>", "/", "•", "", "PRIORITY"],
    )
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_bolsover_plan("\n".join(lines)), ParsedPlan)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(ImportFormatError):
        parse_bolsover_plan(text)
    with contextlib.suppress(ImportFormatError):
        parse_bolsover_plan("PRIORITY\tACTION\tLEAD\nCrime\t" + text)
