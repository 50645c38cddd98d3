"""The Nottinghamshire PCC theme update parser on the real Theme 2 report (Qtr 3, Feb 2019):
deliverables, dated updates, the status key, layout detection, saving, and mutated text."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.documents import LAYOUTS
from apps.importers.domain.parsed import ImportFormatError, ParsedAction, ParsedPlan, ParsedUpdate
from apps.importers.domain.parsers.notts import (
    NO_DELIVERABLES,
    NOT_NOTTS,
    looks_like_notts_theme_update,
    parse_notts_theme_update,
)
from apps.importers.domain.parsers.notts_updates import Paragraph, UpdateList, read_prefix
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Organisation, Partnership
from apps.plans.models import Action, Update
from tests.importers.domain.parsers.mutations import mutate_lines

TEXT = NOTTS_PCC_2019.read_text(encoding="utf-8")
# The status key claims 14/14 green, and the table (lines 446-516) does hold 14 numbered
# deliverables, all rated G: 12 led by NOPCC, 2 (numbers 2 and 14) by FORCE. The 2019/20
# delivery plan printed after it (line 518 on) is a different table and adds none.
# One update per deliverable: each cell's "Update <date>:" paragraph, with the undated earlier
# paragraphs after it kept as part of that update. Deliverable 12 prints no date at all.
UPDATE_DATES = {
    "1": date(2019, 2, 14),  # "Update 14.02.2019"
    "2": date(2019, 2, 19),  # "Update 19.2.19"
    "3": date(2018, 4, 19),  # "Update - 19.04.2018", an update left from the previous year
    "4": date(2019, 2, 24),
    "5": date(2019, 2, 24),
    "6": date(2019, 2, 24),
    "7": date(2019, 2, 26),
    "8": date(2019, 2, 24),  # printed below its table, outside it
    "9": date(2019, 2, 24),
    "10": date(2019, 2, 26),
    "11": date(2019, 2, 26),
    "12": None,
    "13": date(2019, 2, 24),
    "14": date(2019, 2, 19),
}


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_notts_theme_update(TEXT)


def _actions(plan: ParsedPlan) -> list[ParsedAction]:
    return plan.themes[0].objectives[0].actions


def test_title_period_theme_and_status_key(plan: ParsedPlan) -> None:
    assert plan.title == "Commissioner's Strategic Theme 2 update – Qtr 3 (Feb 2019)"
    assert plan.period_label == "2018-19 Q3"
    assert [t.title for t in plan.themes] == ["Theme 2: Helping and supporting victims"]
    assert [o.title for o in plan.themes[0].objectives] == [
        "Theme 2: Helping and supporting victims"
    ]
    assert [(r.code, r.label) for r in plan.rag_scheme] == [
        ("G", "Green"),
        ("A", "Amber"),
        ("R", "Red"),
        ("W", "White (NS)"),
    ]
    assert [r.definition for r in plan.rag_scheme] == [
        "Achieved or Adequate Progress being Made",
        "Started but Inadequate Progress or Risk that it won't be achieved",
        "Unachieved or strong likely that it won't be achieved",
        "Not Started but Planned to take place during later Qrt",
    ]


def test_all_fourteen_deliverables(plan: ParsedPlan) -> None:
    actions = _actions(plan)
    assert [a.number for a in actions] == [str(n) for n in range(1, 15)]
    assert plan.action_count == 14
    assert [a.rag for a in actions] == ["G"] * 14
    assert [a.leads for a in actions].count(["FORCE"]) == 2
    assert [a.number for a in actions if a.leads == ["FORCE"]] == ["2", "14"]
    assert all(a.leads == ["NOPCC"] for a in actions if a.number not in ("2", "14"))
    assert (
        actions[0].text
        == "Develop a dedicated website for victims on where to go to access support"
    )
    assert actions[13].text == "Mainstream fund the historic and sexual abuse enquiry team"
    assert actions[6].line == 474
    # the key's "14/14 (100%)" agrees with the table, so no count warning
    assert not any("status key gives" in w.message for w in plan.warnings)


def test_one_dated_update_per_deliverable(plan: ParsedPlan) -> None:
    actions = _actions(plan)
    assert [len(a.updates) for a in actions] == [1] * 14
    assert {a.number: a.updates[0].date for a in actions} == UPDATE_DATES
    first = actions[0].updates[0]
    assert first.text.startswith("In September 2018 a Request for Proposals")
    assert first.line == 449
    # undated paragraphs after a dated one stay with it (deliverable 5: this and last quarter)
    fifth = actions[4].updates[0].text.split("\n\n")
    assert fifth[0].startswith("The PCC commissioned new Independent Sexual Violence Adviser")
    assert fifth[1].startswith("The PCC published a tender for (ISVA)")


def test_updates_pushed_out_of_the_table(plan: ParsedPlan) -> None:
    actions = _actions(plan)
    fourth = actions[3].updates[0].text.split("\n\n")
    assert len(fourth) == 3
    assert fourth[2].startswith("The PCC's co-commissioned domestic abuse support services")
    eighth = actions[7].updates[0]
    assert eighth.line == 482
    assert eighth.text.startswith("The Victim CARE service now has 20 registered community")
    assert eighth.text.split("\n\n")[1].startswith("Victim CARE has significantly expanded")
    twelfth = actions[11].updates[0].text
    assert "inform the development of a local partnership action plan. Further work" in twelfth
    assert twelfth.endswith(
        "effective diversion from the criminal justice system where appropriate."
    )


def test_list_inside_an_update(plan: ParsedPlan) -> None:
    text = _actions(plan)[13].updates[0].text
    assert "abuse allegations where:\n\n• Offender is in a Position of Trust" in text
    assert text.count("\n• ") == 5


def test_warnings(plan: ParsedPlan) -> None:
    assert [w.line for w in plan.warnings] == [456, 460, 482, 484, 504, 506]
    messages = {w.line: w.message for w in plan.warnings}
    assert "19 April 2018, more than six months before this report" in messages[456]
    assert "deliverable 4’s update" in messages[460]
    assert "Deliverable 12’s update has no date" in messages[504]
    assert "mid-sentence" in messages[506]
    assert all(m.endswith(".") for m in messages.values())


def test_status_key_counts_are_checked() -> None:
    """Drop deliverable 14's row: the key's 14/14 no longer matches what the table holds."""
    text = TEXT.replace("| 14 | FORCE | Mainstream fund", "| Mainstream fund")
    plan = parse_notts_theme_update(text)
    assert plan.action_count == 13
    assert any("gives 14/14 for G, but the table has 13 of 13" in w.message for w in plan.warnings)


def test_a_report_with_two_themes() -> None:
    table = (
        "| No | Organisation | Deliverables | RAG Status |\n|---|---|---|---|\n"
        "| 1 | {org} | {text} | {rag} |\n| <p>Update 1.3.19: Done.</p> | | | |\n"
    )
    text = (
        "THEME 1: PROTECTING PEOPLE FROM HARM\n"
        + table.format(org="FORCE", text="Protect", rag="A")
        + "\nTHEME 3: TACKLING CRIME\n"
        + table.format(org="NOPCC/FORCE", text="Tackle", rag="Red")
    )
    plan = parse_notts_theme_update(text)
    assert [t.title for t in plan.themes] == [
        "Theme 1: Protecting people from harm",
        "Theme 3: Tackling crime",
    ]
    assert [(a.text, a.leads, a.rag) for t in plan.themes for a in t.objectives[0].actions] == [
        ("Protect", ["FORCE"], "A"),
        ("Tackle", ["NOPCC", "FORCE"], "R"),
    ]


@pytest.mark.parametrize(
    ("printed", "expected", "rest"),
    [
        ("Update 14.02.2019: Text", date(2019, 2, 14), "Text"),
        ("Update 19.2.19: Text", date(2019, 2, 19), "Text"),
        ("Update - 19.04.2018: Text", date(2018, 4, 19), "Text"),
        ("Update 19/02/2019 - Text", date(2019, 2, 19), "Text"),
        ("Update (19th February 2019): Text", date(2019, 2, 19), "Text"),
        ("Update: Text", None, "Text"),
    ],
)
def test_update_dates_written_many_ways(printed: str, expected: date | None, rest: str) -> None:
    read = read_prefix(printed)
    assert (read.starts_update, read.date, read.text) == (True, expected, rest)


def test_undated_and_impossible_dates() -> None:
    assert read_prefix("Updated the website").starts_update is False
    updates: list[ParsedUpdate] = []
    items = UpdateList(updates)
    assert items.add(Paragraph("Earlier work.", 1)) is None  # nothing dated yet: its own update
    assert "not a real date" in (items.add(Paragraph("Update 31.2.19: Later.", 2)) or "")
    assert items.add(Paragraph("Update 1.3.19: Latest.", 3)) is None
    assert items.add(Paragraph("More on the latest.", 4)) is None
    assert [(u.date, u.text) for u in updates] == [
        (None, "Earlier work."),
        (None, "Update 31.2.19: Later."),
        (date(2019, 3, 1), "Latest.\n\nMore on the latest."),
    ]


def test_layout_recognises_only_its_own_seed() -> None:
    assert looks_like_notts_theme_update(TEXT)
    for path in (NSDC_2025, NSDC_2026, NORFOLK_2013, BOLSOVER_2017):
        assert not looks_like_notts_theme_update(path.read_text(encoding="utf-8"))
    assert [x.name for x in LAYOUTS if x.recognises(TEXT)] == ["notts-pcc-theme"]


def test_refusals() -> None:
    with pytest.raises(ImportFormatError, match=re.escape(NOT_NOTTS)):
        parse_notts_theme_update(BOLSOVER_2017.read_text(encoding="utf-8"))
    header = "| No | Organisation | Deliverables | RAG Status |\n|---|---|---|---|\n"
    with pytest.raises(ImportFormatError, match=re.escape(NO_DELIVERABLES)):
        parse_notts_theme_update(header + "| x | y | z | G |\n")


@pytest.mark.django_db
def test_saving_the_plan_creates_its_rows(plan: ParsedPlan, partnership: Partnership) -> None:
    saved = plan_create_from_parsed(parsed=plan, partnership=partnership)
    assert [(r.code, r.label, r.definition[:8]) for r in saved.ratings.all()] == [
        ("G", "Green", "Achieved"),
        ("A", "Amber", "Started "),
        ("R", "Red", "Unachiev"),
        ("W", "White (NS)", "Not Star"),
    ]
    actions = Action.objects.filter(objective__theme__plan=saved)
    assert actions.count() == 14
    assert all(a.rating is not None and a.rating.code == "G" for a in actions)
    updates = Update.objects.filter(action__objective__theme__plan=saved)
    assert updates.count() == 14
    assert updates.filter(reported_on__isnull=True).get().action.number == "12"
    assert updates.get(action__number="1").reported_on == date(2019, 2, 14)
    assert set(updates.values_list("period_label", flat=True)) == {"2018-19 Q3"}
    names = dict(
        Organisation.objects.filter(partnership=partnership).values_list("short_name", "name")
    )
    assert names == {
        "NOPCC": "Nottinghamshire Office of the Police and Crime Commissioner",
        "FORCE": "Police force",
    }
    assert actions.get(number="14").lead_organisations.get().short_name == "FORCE"


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_seed_gives_a_plan_or_a_clear_error(data: st.DataObject) -> None:
    lines = mutate_lines(
        data,
        TEXT.split("\n"),
        focus=(410, 520),
        junk=["|", "<p>", "Update 31.2.19:", "•", "", "THEME 3:"],
    )
    with contextlib.suppress(ImportFormatError):
        assert isinstance(parse_notts_theme_update("\n".join(lines)), ParsedPlan)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(ImportFormatError):
        parse_notts_theme_update(text)
    header = "| No | Organisation | Deliverables | RAG Status |\n| 1 | NOPCC | x | G |\n"
    with contextlib.suppress(ImportFormatError):
        parse_notts_theme_update(header + text)
