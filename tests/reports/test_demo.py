"""The reports demo: glossaries transcribed from the seeds, and the saved definitions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from apps.demo.glossary_data import (
    BOLSOVER,
    NORFOLK,
    NSDC_OWN,
    SOURCES,
    glossary_for_partnership_elsewhere,
)
from apps.demo.loader import DEMO_PARTNERSHIP
from apps.demo.performance import norfolk as demo_norfolk
from apps.demo.reports import NORFOLK_SLUG, NSDC_SLUG, report_demo_load
from apps.partnerships.models import Partnership
from apps.plans.models import Plan
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition


@pytest.mark.parametrize("name", list(SOURCES))
def test_each_glossary_entry_is_on_the_line_it_cites(name: str) -> None:
    entries = {"NORFOLK": NORFOLK, "BOLSOVER": BOLSOVER, "NSDC_OWN": NSDC_OWN}[name]
    lines = SOURCES[name].read_text(encoding="utf-8").splitlines()
    misplaced = [e for e in entries if e.acronym not in lines[e.line - 1]]
    assert misplaced == []
    # The first words of each meaning are printed on that line too.
    assert [e for e in entries if e.meaning.split()[0] not in lines[e.line - 1]] == []


def test_glossaries_hold_every_entry_the_seeds_print() -> None:
    assert len(NORFOLK) == 69  # line 2033 (a garbled repeat of DHR) left out
    assert len(BOLSOVER) == 22
    merged = glossary_for_partnership_elsewhere()
    assert len({e.acronym for e in merged}) == len(merged)
    assert next(e for e in merged if e.acronym == "SV").meaning == "Serious Violence"
    assert not any(e.local for e in merged)


@pytest.mark.django_db
def test_demo_saves_the_nsdc_report_and_the_glossaries() -> None:
    call_command("load_demo", stdout=StringIO())
    definition = ReportDefinition.objects.get(slug=NSDC_SLUG)
    live = Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)
    assert list(definition.plans.all()) == [live]
    assert definition.priorities.count() == 4
    assert definition.sections == list(SECTION_CODES)
    assert definition.protective_marking == "OFFICIAL"
    assert definition.author_list[0] == "Yvonne Swinton, Community Protection Manager"
    demo = Partnership.objects.get(name=DEMO_PARTNERSHIP)
    norfolk = Partnership.objects.get(name=demo_norfolk.PARTNERSHIP)
    assert demo.glossary_entries.count() == len(glossary_for_partnership_elsewhere())
    assert norfolk.glossary_entries.count() == len(NORFOLK)
    assert ReportDefinition.objects.get(slug=NORFOLK_SLUG).priorities.count() == 6
    assert report_demo_load(partnership=demo, live=live) == []  # a second load adds nothing
