"""The builder: what goes in, what the public version leaves out, the glossary, and a query
count that does not grow with the plan."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.partnerships.models import Partnership
from apps.performance.models import PriorityReport, TrafficLight
from apps.plans.models import Update
from apps.reports.builder import acronyms_used, report_build, report_texts
from apps.reports.builder import content as c
from apps.reports.models import GlossaryEntry
from tests import builders

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 11, 25)


def _text(report: c.Report) -> str:
    return "\n".join(report_texts(report))


@pytest.fixture
def plan_with_people(partnership: Partnership) -> builders.SmallPlan:
    """The small plan, an update by a named person, and an internal update."""
    small = builders.small_plan(partnership=partnership)
    author = builders.person(partnership=partnership, initials="YS", name="Yvonne Swinton")
    small.actions[0].lead_people.add(author)
    Update.objects.create(
        action=small.actions[0], author=author, text="Training booked with Yvonne Swinton."
    )
    Update.objects.create(
        action=small.actions[1], text="Budget dispute with the council", internal=True
    )
    return small


def test_full_version_names_people_and_shows_internal_updates(
    partnership: Partnership, plan_with_people: builders.SmallPlan
) -> None:
    definition = builders.definition(
        partnership=partnership,
        plans=[plan_with_people.plan],
        authors="Yvonne Swinton, Community Protection Manager",
    )
    text = _text(report_build(definition=definition, as_of=AS_OF))
    assert "Yvonne Swinton" in text
    assert "Budget dispute with the council" in text


def test_public_version_leaves_out_names_and_internal_updates(
    partnership: Partnership, plan_with_people: builders.SmallPlan
) -> None:
    definition = builders.definition(
        partnership=partnership,
        plans=[plan_with_people.plan],
        authors="Yvonne Swinton, Community Protection Manager",
    )
    report = report_build(definition=definition, public=True, as_of=AS_OF)
    text = _text(report)
    assert "Yvonne Swinton" not in text
    assert "Budget dispute" not in text
    assert report.cover is not None
    assert report.cover.authors == ["YS, Community Protection Manager"]
    assert "Training booked with YS." in text  # initials stay
    assert report.filename_stem == "test-report-public"


def test_public_version_leaves_out_lead_officers_and_internal_narratives(
    partnership: Partnership,
) -> None:
    priority = builders.priority(partnership=partnership)
    priority.lead_officer = "ACC Nick Dean"
    priority.save()
    builders.figures(measure=builders.measure(priority=priority), values=[120, 130])
    PriorityReport.objects.create(
        priority=priority,
        period_label="Q2 2013/14",
        summary="Sensitive matters before the board",
        traffic_light=TrafficLight.AMBER,
        internal=True,
    )
    definition = builders.definition(partnership=partnership, priorities=[priority])
    full = _text(report_build(definition=definition, public=False))
    public = _text(report_build(definition=definition, public=True))
    assert "ACC Nick Dean" in full and "Sensitive matters before the board" in full
    assert "ACC Nick Dean" not in public and "Sensitive matters" not in public


def test_updates_outside_the_period_are_left_out(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    action = small_plan.actions[0]
    Update.objects.create(action=action, text="Autumn progress", reported_on=date(2026, 11, 1))
    Update.objects.create(action=action, text="Spring progress", reported_on=date(2026, 5, 1))
    definition = builders.definition(
        partnership=partnership,
        plans=[small_plan.plan],
        period_label="Q3 2026-27",
        period_start=date(2026, 10, 1),
        period_end=date(2026, 12, 31),
    )
    text = _text(report_build(definition=definition, as_of=AS_OF))
    assert "Autumn progress" in text
    assert "Spring progress" not in text


def test_glossary_has_the_acronyms_used_and_not_the_others(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    for acronym, meaning in [
        ("CSP", "Community Safety Partnership"),  # the lead organisation's short name
        ("MARAC", "Multi Agency Risk Assessment Conference"),  # nowhere in the plan
        ("DA", "Domestic Abuse"),  # only inside other words ("Domestic", "DAHA")
    ]:
        GlossaryEntry.objects.create(partnership=partnership, acronym=acronym, meaning=meaning)
    definition = builders.definition(partnership=partnership, plans=[small_plan.plan])
    report = report_build(definition=definition, as_of=AS_OF)
    glossary = report.section(c.GLOSSARY)
    assert glossary is not None
    block = glossary.blocks[0]
    assert isinstance(block, c.DefinitionList)
    assert block.items == [("CSP", "Community Safety Partnership")]
    assert report.contents[-1].text == "Glossary"


def test_acronyms_are_matched_as_whole_words_in_their_own_case() -> None:
    texts = ["DAHA accreditation for the CSP", "asb and HBV/A", "Serious Violence (SV)."]
    assert acronyms_used(texts, ["DA", "CSP", "ASB", "HBV/A", "SV", "HBV"]) == {
        "CSP",
        "HBV/A",
        "SV",
    }


def test_sections_follow_the_definition_and_skip_those_without_data(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    definition = builders.definition(
        partnership=partnership,
        plans=[small_plan.plan],
        sections=[c.DELIVERY_PLAN, c.PERFORMANCE_SUMMARY, c.STATUS],
    )
    report = report_build(definition=definition, as_of=AS_OF)
    assert [s.code for s in report.sections] == [c.DELIVERY_PLAN, c.STATUS]
    assert report.cover is None and report.contents == []


def test_status_summary_matches_the_plan_selector_overall_and_per_theme(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    definition = builders.definition(partnership=partnership, plans=[small_plan.plan])
    report = report_build(definition=definition, as_of=AS_OF)
    status = report.section(c.STATUS)
    assert status is not None
    rows = {row.cells[0].text: row.cells for row in status.tables[0].rows}
    assert rows["All themes"][1].lines == [
        "Red 0/4 (0%)",
        "Amber 0/4 (0%)",
        "Green 2/4 (50%)",
        "Not rated 2/4 (50%)",
    ]
    assert rows["Prevention"][2].lines == ["Not started 1/2 (50%)", "On-going 1/2 (50%)"]
    assert rows["Prevention"][3].text == "1/2"  # its first action was due 31/3/2025


def _queries_to_build(partnership: Partnership, actions: int, slug: str) -> int:
    plan = builders.large_plan(partnership=partnership, actions=actions)
    priority = builders.priority(partnership=partnership, code=slug[-3:])
    builders.figures(measure=builders.measure(priority=priority), values=[1, 2, 3, 4])
    definition = builders.definition(
        partnership=partnership, plans=[plan], priorities=[priority], slug=slug
    )
    with CaptureQueriesContext(connection) as queries:
        report = report_build(definition=definition, as_of=AS_OF)
    delivery = report.section(c.DELIVERY_PLAN)
    assert delivery is not None
    assert sum(len(t.data_rows) for t in delivery.tables) == actions
    return len(queries.captured_queries)


def test_query_count_does_not_grow_with_the_plan() -> None:
    small = _queries_to_build(builders.partnership(), 10, "small-010")
    large = _queries_to_build(builders.partnership(), 200, "large-200")
    assert small == large


def test_performance_sections_report_a_concern_and_chart_it(partnership: Partnership) -> None:
    priority = builders.priority(partnership=partnership)
    measure = builders.measure(priority=priority, target_value=15)
    builders.figures(measure=measure, values=[10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 13, 30])
    definition = builders.definition(partnership=partnership, priorities=[priority])
    report = report_build(definition=definition, as_of=AS_OF)
    assert [s.code for s in report.sections] == [
        c.PERFORMANCE_SUMMARY,
        c.EXCEPTIONS,
        c.PRIORITIES,
    ]
    exceptions = report.section(c.EXCEPTIONS)
    assert exceptions is not None
    negative = exceptions.tables[0]
    assert negative.caption == "Measures worsening significantly"
    assert [row.cells[1].text for row in negative.rows] == ["(i) Priority crime"]
    assert isinstance(exceptions.blocks[1], c.Note)  # no positive exceptions
    priorities = report.section(c.PRIORITIES)
    assert priorities is not None
    charts = [b for b in priorities.blocks if isinstance(b, c.Chart)]
    assert len(charts) == 1 and charts[0].svg.startswith("<svg")
    assert charts[0].data is not None and len(charts[0].data.rows) == 13
    summary = report.section(c.PERFORMANCE_SUMMARY)
    assert summary is not None
    rag = summary.tables[0].data_rows[0].cells[4].rag
    assert rag is not None and (rag.word, rag.colour) == ("Red", "#d4351c")
