"""Saving parsed plans: the real seed documents land whole, and a failure leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.documents import (
    decode_document,
    parse_plan_document,
    parse_plan_documents,
)
from apps.importers.domain.parsed import (
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
    ParsedUpdate,
)
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.models import Action, Objective, Plan, Status, Update
from tests import builders

pytestmark = pytest.mark.django_db


SEEDS = [NSDC_2025, NSDC_2026, NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017]


def _parse(path: Path) -> ParsedPlan:
    return parse_plan_document(decode_document(path.read_bytes()))


@pytest.mark.parametrize("path", [NSDC_2025, NSDC_2026], ids=["2025", "2026-27"])
def test_seed_plan_is_saved_whole(path: Path, partnership: Partnership) -> None:
    parsed = _parse(path)
    plan = plan_create_from_parsed(parsed=parsed, partnership=partnership, source_name=path.name)

    assert Objective.objects.filter(theme__plan=plan).count() == 14
    assert list(
        Objective.objects.filter(theme__plan=plan)
        .order_by("number")
        .values_list("number", flat=True)
    ) == list(range(1, 15))
    assert Action.objects.filter(objective__theme__plan=plan).count() == parsed.action_count
    expected_updates = sum(
        len(a.updates) for t in parsed.themes for o in t.objectives for a in o.actions
    )
    assert Update.objects.filter(action__objective__theme__plan=plan).count() == expected_updates
    assert [r.label for r in plan.ratings.all()] == ["Red", "Amber", "Green"]
    assert all(r.definition for r in plan.ratings.all())
    assert [t.title for t in plan.themes.all()] == [t.title for t in parsed.themes]


def test_leads_become_people_and_agencies(partnership: Partnership) -> None:
    plan = plan_create_from_parsed(parsed=_parse(NSDC_2026), partnership=partnership)
    initials = set(
        Person.objects.filter(partnership=partnership).values_list("initials", flat=True)
    )
    assert {"JW", "YS", "SM", "KS"} <= initials
    assert Organisation.objects.filter(partnership=partnership, short_name="CSP").exists()
    led_by_ys = Action.objects.filter(objective__theme__plan=plan, lead_people__initials="YS")
    assert led_by_ys.count() > 10


def test_importing_twice_reuses_people(partnership: Partnership) -> None:
    plan_create_from_parsed(parsed=_parse(NSDC_2025), partnership=partnership)
    people = Person.objects.filter(partnership=partnership).count()
    plan_create_from_parsed(parsed=_parse(NSDC_2026), partnership=partnership)
    new_people = Person.objects.filter(partnership=partnership).count()
    # The 2026-27 edition names a few leads the 2025 one did not, but JW, YS… are not duplicated.
    assert new_people - people < 5
    assert Person.objects.filter(partnership=partnership, initials="YS").count() == 1


def test_a_failure_part_way_leaves_no_plan() -> None:
    partnership = builders.partnership()
    action = ParsedAction(number="1)", text="A valid action")
    parsed = ParsedPlan(
        title="Broken plan",
        themes=[
            ParsedTheme(
                title="Prevention",
                objectives=[
                    ParsedObjective(number=1, title="First", actions=[action]),
                    # the same objective number twice in a theme cannot be saved
                    ParsedObjective(number=1, title="Again", actions=[action]),
                ],
            )
        ],
    )
    with pytest.raises(ValidationError):
        plan_create_from_parsed(parsed=parsed, partnership=partnership)
    assert Plan.objects.count() == 0
    assert Action.objects.count() == 0


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_row_a_seed_creates_fits_its_fields(path: Path, partnership: Partnership) -> None:
    """SQLite does not enforce text lengths and PostgreSQL does: check every created row
    against its model's rules, so a lead too long for its field fails on either database."""
    for parsed in parse_plan_documents(decode_document(path.read_bytes())):
        plan_create_from_parsed(parsed=parsed, partnership=partnership, source_name=path.name)
    created = [
        *Organisation.objects.filter(partnership=partnership),
        *Person.objects.filter(partnership=partnership),
        *Plan.objects.filter(partnership=partnership),
        *Objective.objects.filter(theme__plan__partnership=partnership),
        *Action.objects.filter(objective__theme__plan__partnership=partnership),
    ]
    assert created
    for row in created:
        row.full_clean()


def test_a_status_is_saved_only_where_the_document_gives_one(partnership: Partnership) -> None:
    """A tracker whose rows say "Done" in their update but have no status column: nothing is
    invented, so the plan shows those actions as "Not recorded", updates with no status."""
    said = ParsedAction(number="1.1", text="Refresh the ASB policy", status="completed")
    silent = ParsedAction(
        number="1.2",
        text="Run a bystander campaign",
        due_text="March 2027",
        updates=[ParsedUpdate(text="Done: the campaign ran in the autumn.")],
    )
    parsed = ParsedPlan(
        title="Safer Wyre Forest Partnership Plan",
        themes=[
            ParsedTheme(
                title="Violence against women and girls",
                objectives=[ParsedObjective(number=1, title="Prevent", actions=[said, silent])],
            )
        ],
    )
    plan = plan_create_from_parsed(parsed=parsed, partnership=partnership)
    saved = {a.number: a for a in Action.objects.filter(objective__theme__plan=plan)}
    assert saved["1.1"].status == Status.COMPLETED
    assert saved["1.2"].status == Status.NOT_RECORDED
    assert saved["1.2"].updates.get().status == ""
