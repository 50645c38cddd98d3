"""Builds a report's content (`apps.reports.content.Report`) from a saved definition.

Everything is read up front in a fixed number of queries (per plan chosen, not per action), so
building a 1,000-action plan costs the same queries as a 10-action one; the section modules
then work on loaded objects only. The public variant leaves out internal updates and
narratives, lead officers, and replaces the partnership's people's names with their initials.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects

from apps.partnerships.models import Person
from apps.performance.models import PriorityReport
from apps.performance.selectors import partnership_priorities, performance_summary
from apps.plans.models import Rating
from apps.plans.selectors import action_queryset, plan_structure, today
from apps.reports import content as c
from apps.reports.models import GlossaryEntry, ReportDefinition
from apps.reports.performance_sections import (
    PerformanceData,
    exception_blocks,
    has_exceptions,
    latest_report,
    priority_blocks,
    summary_blocks,
)
from apps.reports.plan_sections import (
    PlanData,
    delivery_blocks,
    introduction_blocks,
    overdue_blocks,
    status_blocks,
    summary_of,
)

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
PUBLIC_NOTE = (
    "This is the public version: internal updates and narratives are left out, and people "
    "are named by their initials only."
)


def _load_plans(definition: ReportDefinition, *, public: bool, as_of: date) -> list[PlanData]:
    """Each chosen plan's themes, objectives, live actions and ratings: a fixed number of
    queries plus two a plan, however many actions there are."""
    plans = list(definition.plans.order_by("-starts_on", "pk"))
    actions = list(
        action_queryset().filter(
            objective__theme__plan__in=[p.pk for p in plans], retired_at__isnull=True
        )
    )
    ratings: dict[int, list[Rating]] = {p.pk: [] for p in plans}
    for rating in Rating.objects.filter(plan__in=plans).order_by("plan_id", "position"):
        ratings[rating.plan_id].append(rating)
    names = {} if public else people_names(definition)
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


def people_names(definition: ReportDefinition) -> dict[int, str]:
    """Person id → name, for the partnership's people who have a name on record."""
    people = Person.objects.filter(partnership_id=definition.partnership_id).exclude(name="")
    return dict(people.values_list("pk", "name"))


def _load_performance(definition: ReportDefinition, *, public: bool) -> PerformanceData | None:
    chosen = set(definition.priorities.values_list("pk", flat=True))
    if not chosen:
        return None
    everything = partnership_priorities(partnership=definition.partnership)
    priorities = [p for p in everything if p.pk in chosen]
    reports = PriorityReport.objects.order_by("-period_start", "-pk")
    prefetch_related_objects(priorities, Prefetch("reports", queryset=reports))
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
    *, definition: ReportDefinition, public: bool | None = None, as_of: date | None = None
) -> c.Report:
    """The report the definition describes, with every chosen section that has data.

    `public` defaults to the definition's own setting; `as_of` (default today) decides what
    is overdue and due soon."""
    public = definition.public if public is None else public
    as_of = as_of or definition.report_date or today()
    plans = _load_plans(definition, public=public, as_of=as_of)
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
        _redact(report, names_to_initials(definition))
        if report.sections:
            report.sections[0].blocks.insert(0, c.Note(PUBLIC_NOTE))
    if c.GLOSSARY in codes:
        glossary = glossary_section(report, definition)
        if glossary is not None:
            report.sections.append(glossary)
            report.sections.sort(key=lambda section: codes.index(section.code))
    if c.CONTENTS in codes:
        report.contents = contents_of(report)
    return report


def names_to_initials(definition: ReportDefinition) -> dict[str, str]:
    people = Person.objects.filter(partnership_id=definition.partnership_id).exclude(name="")
    return dict(people.values_list("name", "initials"))


def _walk(obj: Any, change: Callable[[str], str]) -> Any:
    """Every piece of text in the content, changed in place (chart markup is left alone:
    it holds measure titles and figures only)."""
    if isinstance(obj, str):
        return change(obj)
    if isinstance(obj, list):
        obj[:] = [_walk(item, change) for item in obj]
        return obj
    if isinstance(obj, tuple):
        return tuple(_walk(item, change) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type | c.Rag):
        for f in dataclasses.fields(obj):
            if not (isinstance(obj, c.Chart) and f.name == "svg"):
                setattr(obj, f.name, _walk(getattr(obj, f.name), change))
    return obj


def _redact(report: c.Report, initials: dict[str, str]) -> None:
    if not initials:
        return
    names = sorted(initials, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    _walk(report, lambda text: pattern.sub(lambda m: initials[m[1]], text))


def report_texts(report: c.Report) -> list[str]:
    """All the words a reader sees (not chart markup), for the glossary scan and for tests."""
    texts: list[str] = []

    def keep(text: str) -> str:
        texts.append(text)
        return text

    _walk(report, keep)
    return texts


def acronyms_used(texts: list[str], acronyms: list[str]) -> set[str]:
    """Which acronyms appear as words of their own (case as written: "ASB", not "asb")."""
    if not acronyms:
        return set()
    alternatives = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w/-])({alternatives})(?![\w/-])")
    return {m[1] for text in texts for m in pattern.finditer(text)}


def glossary_section(report: c.Report, definition: ReportDefinition) -> c.Section | None:
    """The partnership's glossary entries for the acronyms this report uses; None if none."""
    entries = list(GlossaryEntry.objects.filter(partnership_id=definition.partnership_id))
    used = acronyms_used(report_texts(report), [e.acronym for e in entries])
    chosen = sorted((e for e in entries if e.acronym in used), key=lambda e: e.acronym.casefold())
    if not chosen:
        return None
    items = [(e.acronym, e.meaning) for e in chosen]
    glossary = c.Section(c.GLOSSARY, c.SECTION_TITLES[c.GLOSSARY], "section-glossary")
    glossary.blocks.append(c.DefinitionList(items))
    return glossary


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
