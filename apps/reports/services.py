"""Writes for report definitions (the rules checked, then saved with their plans and priorities)
and for a partnership's glossary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from apps.core.history import history_user_set
from apps.core.text import text_squash
from apps.partnerships.models import Partnership
from apps.performance.models import Priority
from apps.plans.models import Plan
from apps.reports.models import DEFAULT_MARKING, GlossaryEntry, ReportDefinition

NOTHING_CHOSEN = "Select at least one plan or priority"
PERIOD_BACKWARDS = "The end of the reporting period must be on or after its start"
SLUG_TAKEN = "Another report already uses this short name: choose a different one"
PLAN_ELSEWHERE = "Select only plans of this partnership"
PRIORITY_ELSEWHERE = "Select only priorities of this partnership"
GLOSSARY_ACRONYM_MISSING = "Enter the acronym"
GLOSSARY_MEANING_MISSING = "Enter what {acronym} stands for"
GLOSSARY_ACRONYM_TAKEN = "The glossary already explains {acronym}"


def _slug_free(title: str, *, exclude_pk: int | None) -> str:
    """A slug from the title, with -2, -3 … added when another definition has it."""
    base = slugify(title)[:90] or "report"
    others = ReportDefinition.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _rules_check(
    definition: ReportDefinition, plans: Sequence[Plan], priorities: Sequence[Priority]
) -> None:
    """Every rule the definition breaks, against the field at fault, in one ValidationError."""
    errors: dict[str, str] = {}
    others = ReportDefinition.objects.filter(slug=definition.slug)
    if definition.pk is not None:
        others = others.exclude(pk=definition.pk)
    if definition.slug and others.exists():
        errors["slug"] = SLUG_TAKEN
    if not plans and not priorities:
        errors["plans"] = NOTHING_CHOSEN
    elif any(plan.partnership_id != definition.partnership_id for plan in plans):
        errors["plans"] = PLAN_ELSEWHERE
    if any(priority.partnership_id != definition.partnership_id for priority in priorities):
        errors["priorities"] = PRIORITY_ELSEWHERE
    start, end = definition.period_start, definition.period_end
    if start and end and end < start:
        errors["period_end"] = PERIOD_BACKWARDS
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def _definition_save(
    definition: ReportDefinition,
    *,
    plans: Sequence[Plan],
    priorities: Sequence[Priority],
    user: User | None,
) -> ReportDefinition:
    """Checked, saved by `user`, and its plans and priorities set; a blank short name made
    from the title."""
    _rules_check(definition, plans, priorities)
    if not definition.slug:
        definition.slug = _slug_free(definition.title, exclude_pk=definition.pk)
    definition.full_clean()
    history_user_set(definition, user)
    definition.save()
    definition.plans.set(plans)
    definition.priorities.set(priorities)
    return definition


def report_definition_create(
    *,
    partnership: Partnership,
    title: str,
    slug: str = "",
    plans: Sequence[Plan] = (),
    priorities: Sequence[Priority] = (),
    period_label: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
    sections: list[str],
    authors: str = "",
    version: str = "",
    protective_marking: str = DEFAULT_MARKING,
    report_date: date | None = None,
    public: bool = False,
    user: User | None,
) -> ReportDefinition:
    """A new definition of the partnership's, made by `user` (None for the command line, where
    nobody is signed in: the demo); a blank short name is made from the title. ValidationError
    names the field at fault."""
    definition = ReportDefinition(
        partnership=partnership,
        created_by=user,
        title=title,
        slug=slug,
        period_label=period_label,
        period_start=period_start,
        period_end=period_end,
        sections=sections,
        authors=authors,
        version=version,
        protective_marking=protective_marking,
        report_date=report_date,
        public=public,
    )
    return _definition_save(definition, plans=plans, priorities=priorities, user=user)


def report_definition_edit(
    *,
    definition: ReportDefinition,
    title: str,
    slug: str,
    plans: Sequence[Plan],
    priorities: Sequence[Priority],
    period_label: str,
    period_start: date | None,
    period_end: date | None,
    sections: list[str],
    authors: str,
    version: str,
    protective_marking: str,
    report_date: date | None,
    public: bool,
    user: User,
) -> ReportDefinition:
    """The definition changed by `user`; a blank short name keeps the saved one.
    ValidationError names the field at fault."""
    definition.title = title
    definition.slug = slug or definition.slug
    definition.period_label = period_label
    definition.period_start = period_start
    definition.period_end = period_end
    definition.sections = sections
    definition.authors = authors
    definition.version = version
    definition.protective_marking = protective_marking
    definition.report_date = report_date
    definition.public = public
    return _definition_save(definition, plans=plans, priorities=priorities, user=user)


def glossary_entries_add(
    *, partnership: Partnership, entries: Iterable[tuple[str, str]], user: User | None
) -> list[GlossaryEntry]:
    """Add (acronym, meaning) pairs to the partnership's glossary: all of them or, if any is
    blank or already explained, none (every problem named).

    One INSERT for the lot: a glossary arrives by the hundred (the demo's two hold 144) and
    GlossaryEntry keeps no history and does nothing on save(), so saving each would only be
    slower. `user` is who adds them, for when the glossary keeps its history; None for the
    command line.
    """
    held = set(partnership.glossary_entries.values_list("acronym", flat=True))
    new: list[GlossaryEntry] = []
    problems: list[str] = []
    for acronym, meaning in entries:
        acronym, meaning = text_squash(acronym), meaning.strip()
        if not acronym:
            problems.append(GLOSSARY_ACRONYM_MISSING)
        elif acronym in held:
            problems.append(GLOSSARY_ACRONYM_TAKEN.format(acronym=acronym))
        elif not meaning:
            problems.append(GLOSSARY_MEANING_MISSING.format(acronym=acronym))
        else:
            held.add(acronym)
            entry = GlossaryEntry(partnership=partnership, acronym=acronym, meaning=meaning)
            entry.full_clean(validate_constraints=False)  # acronyms are checked above, at once
            new.append(entry)
    if problems:
        raise ValidationError({"entries": problems})
    return GlossaryEntry.objects.bulk_create(new)
