"""The reports demo: the partnerships' glossaries and two saved report definitions.

`nsdc-2026-27` is the quarterly report of the live NSDC plan with the demo partnership's
priorities and every section; `norfolk-2013-14-q2` is Norfolk's priorities with their
narratives and traffic lights. Written through the reports services; idempotent: nothing that
exists is changed.
"""

from __future__ import annotations

import calendar
from datetime import date

from apps.demo.glossary_data import NORFOLK, Entry, glossary_for_partnership_elsewhere
from apps.demo.performance import norfolk as demo_norfolk
from apps.partnerships.models import Partnership
from apps.performance.domain.periods import financial_quarter, financial_year
from apps.plans.models import Plan
from apps.plans.selectors import today
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition
from apps.reports.services import glossary_entries_add, report_definition_create

NSDC_SLUG = "nsdc-2026-27"
NORFOLK_SLUG = "norfolk-2013-14-q2"
# As the 2026-27 delivery plan's author line prints them (001 lines 9–11).
NSDC_AUTHORS = (
    "Yvonne Swinton, Community Protection Manager\n"
    "Jenny Walker, Business Manager – Public Protection"
)


def _glossary(partnership: Partnership, entries: list[Entry]) -> int:
    held = set(partnership.glossary_entries.values_list("acronym", flat=True))
    new = [(e.acronym, e.meaning) for e in entries if e.acronym not in held]
    return len(glossary_entries_add(partnership=partnership, entries=new, user=None))


def _quarter_of(day: date) -> tuple[str, str, date, date]:
    """The financial quarter a day falls in: its label ("Q3 2026-27"), year label, dates."""
    year, quarter = financial_year(day), financial_quarter(day)
    first_month = (4, 7, 10, 1)[quarter - 1]
    start = date(year + (quarter == 4), first_month, 1)
    last_month = first_month + 2
    end = date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])
    year_label = f"{year}-{(year + 1) % 100:02d}"
    return f"Q{quarter} {year_label}", year_label, start, end


def _nsdc_definition(partnership: Partnership, live: Plan) -> bool:
    """This quarter's report while the plan's year runs; the whole year's after it."""
    if ReportDefinition.objects.filter(slug=NSDC_SLUG).exists():
        return False
    label, year_label, start, end = _quarter_of(today())
    period: tuple[str, date | None, date | None] = (label, start, end)
    if live.period_label and year_label != live.period_label:
        period = (live.period_label, live.starts_on, live.ends_on)
    report_definition_create(
        partnership=partnership,
        slug=NSDC_SLUG,
        title=f"{live.title}: quarterly report",
        plans=[live],
        priorities=list(partnership.priorities.all()),
        period_label=period[0],
        period_start=period[1],
        period_end=period[2],
        sections=list(SECTION_CODES),
        authors=NSDC_AUTHORS,
        version="1.0",
        user=None,
    )
    return True


def _norfolk_definition(norfolk: Partnership) -> bool:
    if ReportDefinition.objects.filter(slug=NORFOLK_SLUG).exists():
        return False
    report_definition_create(
        partnership=norfolk,
        slug=NORFOLK_SLUG,
        title="Countywide Community Safety Partnership priorities and performance",
        priorities=list(norfolk.priorities.all()),
        period_label="Q2 2013/14",
        period_start=date(2013, 7, 1),
        period_end=date(2013, 9, 30),
        sections=list(SECTION_CODES),
        authors="Community Safety Partnership scrutiny sub panel",
        version="1.0",
        user=None,
    )
    return True


def report_demo_load(*, partnership: Partnership, live: Plan) -> list[str]:
    """What was created, in words, for `load_demo` to print."""
    created = []
    added = _glossary(partnership, glossary_for_partnership_elsewhere())
    if added:
        created.append(f"{added} glossary entries for {partnership}")
    norfolk = Partnership.objects.filter(name=demo_norfolk.PARTNERSHIP).first()
    if norfolk is not None:
        added = _glossary(norfolk, list(NORFOLK))
        if added:
            created.append(f"{added} glossary entries for {norfolk}")
        if _norfolk_definition(norfolk):
            created.append(f"report definition {NORFOLK_SLUG}")
    if _nsdc_definition(partnership, live):
        created.append(f"report definition {NSDC_SLUG}")
    return created
