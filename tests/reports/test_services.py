"""Report definition writes: the rules a definition keeps, whoever calls the service."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.partnerships.models import Partnership
from apps.reports import services
from apps.reports.models import ReportDefinition
from tests import builders

pytestmark = pytest.mark.django_db


def _errors(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_create_makes_a_free_short_name_and_records_who(
    manager: User, partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    builders.definition(partnership=partnership, plans=[small_plan.plan], slug="board-report")
    made = services.report_definition_create(
        partnership=partnership,
        title="Board report",
        plans=[small_plan.plan],
        sections=["cover"],
        user=manager,
    )
    assert made.slug == "board-report-2"
    assert made.created_by == manager
    assert {row.history_user for row in made.history.all()} == {manager}


def test_every_broken_rule_is_named_against_its_field(
    manager: User, partnership: Partnership
) -> None:
    builders.definition(
        partnership=partnership, plans=[builders.plan(partnership=partnership)], slug="taken"
    )
    with pytest.raises(ValidationError) as error:
        services.report_definition_create(
            partnership=partnership,
            title="Board report",
            slug="taken",
            period_start=date(2026, 12, 31),
            period_end=date(2026, 10, 1),
            sections=["cover"],
            user=manager,
        )
    assert _errors(error) == {
        "slug": [services.SLUG_TAKEN],
        "plans": [services.NOTHING_CHOSEN],
        "period_end": [services.PERIOD_BACKWARDS],
    }
    assert ReportDefinition.objects.count() == 1


def test_plans_and_priorities_must_be_the_partnerships(
    manager: User, partnership: Partnership
) -> None:
    elsewhere = builders.partnership()
    with pytest.raises(ValidationError) as error:
        services.report_definition_create(
            partnership=partnership,
            title="Board report",
            plans=[builders.small_plan(partnership=elsewhere).plan],
            priorities=[builders.priority(partnership=elsewhere)],
            sections=["cover"],
            user=manager,
        )
    assert _errors(error) == {
        "plans": [services.PLAN_ELSEWHERE],
        "priorities": [services.PRIORITY_ELSEWHERE],
    }


def test_edit_keeps_the_short_name_when_none_is_given(
    manager: User, partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    saved = builders.definition(partnership=partnership, plans=[small_plan.plan], slug="q3")
    priority = builders.priority(partnership=partnership)
    services.report_definition_edit(
        definition=saved,
        title="Renamed",
        slug="",
        plans=[],
        priorities=[priority],
        period_label="Q3 2026-27",
        period_start=None,
        period_end=None,
        sections=["cover", "priorities"],
        authors="",
        version="2",
        protective_marking="OFFICIAL",
        report_date=None,
        public=True,
        user=manager,
    )
    saved.refresh_from_db()
    assert (saved.slug, saved.title, saved.public) == ("q3", "Renamed", True)
    assert list(saved.priorities.all()) == [priority] and not saved.plans.exists()
    assert saved.history.latest("history_date").history_user == manager


def test_the_command_line_creates_a_definition_with_nobody_signed_in(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    made = services.report_definition_create(
        partnership=partnership,
        title="Demo report",
        plans=[small_plan.plan],
        sections=["cover"],
        user=None,
    )
    assert made.created_by is None
    assert {row.history_user for row in made.history.all()} == {None}


def test_glossary_entries_are_added_together(partnership: Partnership, manager: User) -> None:
    added = services.glossary_entries_add(
        partnership=partnership,
        entries=[(" ASB ", "Anti-social behaviour "), ("CSP", "Community Safety Partnership")],
        user=manager,
    )
    assert [(e.acronym, e.meaning) for e in added] == [
        ("ASB", "Anti-social behaviour"),
        ("CSP", "Community Safety Partnership"),
    ]
    assert partnership.glossary_entries.count() == 2


def test_glossary_entries_are_all_added_or_none(partnership: Partnership) -> None:
    services.glossary_entries_add(
        partnership=partnership, entries=[("ASB", "Anti-social behaviour")], user=None
    )
    with pytest.raises(ValidationError) as error:
        services.glossary_entries_add(
            partnership=partnership,
            entries=[
                ("VAWG", "Violence against women and girls"),
                ("ASB", "Again"),
                ("", "x"),
                ("DHR", " "),
                ("DHR", "Domestic Homicide Review"),
                ("DHR", "Twice"),
            ],
            user=None,
        )
    assert _errors(error) == {
        "entries": [
            services.GLOSSARY_ACRONYM_TAKEN.format(acronym="ASB"),
            services.GLOSSARY_ACRONYM_MISSING,
            services.GLOSSARY_MEANING_MISSING.format(acronym="DHR"),
            services.GLOSSARY_ACRONYM_TAKEN.format(acronym="DHR"),
        ]
    }
    assert list(partnership.glossary_entries.values_list("acronym", flat=True)) == ["ASB"]
