"""Builds a report's content (`apps.reports.builder.content.Report`) from a saved definition.

Everything is read up front through `apps.reports.selectors` in a fixed number of queries (per
plan chosen, not per action), so building a 1,000-action plan costs the same queries as a
10-action one; the section modules then work on loaded objects only. The public variant leaves
out internal updates and narratives, lead officers, and replaces the partnership's people's
names with their initials.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib.auth.models import AnonymousUser, User

from apps.performance.selectors import performance_summary
from apps.plans.selectors import plan_structure, plan_visible_to, today
from apps.reports import selectors
from apps.reports.builder import content as c
from apps.reports.builder.glossary import glossary_section
from apps.reports.builder.performance_sections import (
    PerformanceData,
    exception_blocks,
    has_exceptions,
    latest_report,
    priority_blocks,
    summary_blocks,
)
from apps.reports.builder.plan_sections import (
    PlanData,
    delivery_blocks,
    introduction_blocks,
    overdue_blocks,
    status_blocks,
    summary_of,
)
from apps.reports.builder.public import names_redact, public_note_add
from apps.reports.models import ReportDefinition

PLAN_SECTIONS: dict[str, Callable[[PlanData], list[c.Block]]] = {
    c.INTRODUCTION: introduction_blocks,
    c.STATUS: status_blocks,
    c.DELIVERY_PLAN: delivery_blocks,
    c.OVERDUE: overdue_blocks,
}
PERFORMANCE_SECTIONS: dict[str, Callable[[PerformanceData], list[c.Block]]] = {
    c.PERFORMANCE_SUMMARY: summary_blocks,
    c.EXCEPTIONS: exception_blocks,
    c.PRIORITIES: priority_blocks,
}


def _load_plans(
    definition: ReportDefinition,
    *,
    public: bool,
    as_of: date,
    reader: User | AnonymousUser | None,
) -> list[PlanData]:
    """Each chosen plan's themes, objectives, live actions and ratings: a fixed number of
    queries plus two a plan, however many actions there are. A reader sees only the plans they
    may (no drafts unless they manage or administer the partnership)."""
    plans = selectors.report_plans(definition=definition)
    if reader is not None:
        plans = [plan for plan in plans if plan_visible_to(reader, plan)]
    actions = selectors.report_live_actions(plans=plans)
    ratings = selectors.report_ratings(plans=plans)
    names = {} if public else selectors.person_names(partnership_id=definition.partnership_id)
    loaded = []
    for plan in plans:
        own = [a for a in actions if a.objective.theme.plan_id == plan.pk]
        loaded.append(
            PlanData(
                plan=plan,
                structure=plan_structure(plan=plan, actions=own),
                ratings=ratings[plan.pk],
                summary=summary_of(own, ratings[plan.pk], as_of),
                as_of=as_of,
                period_label=definition.period_label or plan.period_label,
                period_start=definition.period_start,
                period_end=definition.period_end,
                public=public,
                names=names,
            )
        )
    return loaded


def _load_performance(definition: ReportDefinition, *, public: bool) -> PerformanceData | None:
    priorities = selectors.report_priorities(definition=definition)
    if not priorities:
        return None
    return PerformanceData(
        priorities=priorities,
        summary=performance_summary(partnership=definition.partnership, priorities=priorities),
        reports={p.pk: latest_report(p, public=public) for p in priorities},
        public=public,
    )


def _has_data(code: str, plans: list[PlanData], performance: PerformanceData | None) -> bool:
    if code in PLAN_SECTIONS:
        return bool(plans)
    if performance is None or not performance.priorities:
        return False
    if code == c.EXCEPTIONS:
        return has_exceptions(performance)
    return any(rows for _, rows in performance.summary) or code == c.PRIORITIES


def _section(code: str, plans: list[PlanData], performance: PerformanceData | None) -> c.Section:
    blocks: list[c.Block] = []
    if code in PLAN_SECTIONS:
        for data in plans:
            if len(plans) > 1:
                blocks.append(c.Heading(str(data.plan), f"{code}-plan-{data.plan.pk}"))
            blocks += PLAN_SECTIONS[code](data)
    elif performance is not None:
        blocks = PERFORMANCE_SECTIONS[code](performance)
    return c.Section(code, c.SECTION_TITLES[code], f"section-{code}", blocks)


def chosen_sections(definition: ReportDefinition) -> list[str]:
    """The definition's section codes in its order, unknown codes dropped; all when none."""
    return [code for code in definition.sections if code in c.SECTION_TITLES] or list(
        c.SECTION_CODES
    )


def report_build(
    *,
    definition: ReportDefinition,
    public: bool | None = None,
    as_of: date | None = None,
    reader: User | AnonymousUser | None = None,
) -> c.Report:
    """The report the definition describes, with every chosen section that has data.

    `public` defaults to the definition's own setting; `as_of` (default today) decides what
    is overdue and due soon; `reader`, when given (a page or download), leaves out the plans
    they may not see (drafts); the command line passes none and builds every chosen plan."""
    public = definition.public if public is None else public
    as_of = as_of or definition.report_date or today()
    plans = _load_plans(definition, public=public, as_of=as_of, reader=reader)
    performance = _load_performance(definition, public=public)
    codes = chosen_sections(definition)
    body = [
        _section(code, plans, performance)
        for code in codes
        if code in PLAN_SECTIONS or code in PERFORMANCE_SECTIONS
        if _has_data(code, plans, performance)
    ]
    cover = None
    if c.COVER in codes:
        cover = c.Cover(
            title=definition.title,
            partnership=definition.partnership.name,
            period_label=definition.period_label or (plans[0].period_label if plans else ""),
            authors=definition.author_list,
            date=definition.report_date or as_of,
            version=definition.version,
            protective_marking=definition.protective_marking,
            subtitle="; ".join(str(d.plan) for d in plans),
        )
    report = c.Report(
        title=definition.title,
        slug=definition.slug,
        partnership=definition.partnership.name,
        protective_marking=definition.protective_marking,
        public=public,
        cover=cover,
        contents=[],
        sections=body,
    )
    if public:
        names_redact(
            report, selectors.person_initials_by_name(partnership_id=definition.partnership_id)
        )
        public_note_add(report)
    if c.GLOSSARY in codes:
        entries = selectors.glossary_entries(partnership_id=definition.partnership_id)
        glossary = glossary_section(report, entries)
        if glossary is not None:
            report.sections.append(glossary)
            report.sections.sort(key=lambda section: codes.index(section.code))
    if c.CONTENTS in codes:
        report.contents = contents_of(report)
    return report


def contents_of(report: c.Report) -> list[c.ContentsEntry]:
    entries = []
    for section in report.sections:
        entries.append(c.ContentsEntry(section.heading, section.anchor, 2))
        entries += [
            c.ContentsEntry(block.text, block.anchor, 3)
            for block in section.blocks
            if isinstance(block, c.Heading) and block.level == 3
        ]
    return entries
