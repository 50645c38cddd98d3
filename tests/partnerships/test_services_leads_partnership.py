"""Leads resolve against the partnership's own agencies, aliases and people: "BDC" is Bassetlaw
District Council in one partnership and Bolsover District Council in another, people's full names
are kept, and the preview says what matches and what will be added, in a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.importers.domain.parsed import ParsedAction, ParsedObjective, ParsedPlan, ParsedTheme
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.models import ORGANISATION_ALIAS_TAKEN, Organisation, Person
from apps.partnerships.services import (
    LeadResolver,
    organisation_aliases_set,
    organisation_create,
)
from apps.partnerships.services.leads import MATCHES, WILL_BE_ADDED
from apps.plans.models import Action
from tests import builders

pytestmark = pytest.mark.django_db

BOLSOVER = "Bolsover Community Safety Partnership"
BASSETLAW = "Bassetlaw, Newark & Sherwood CSP"


def _tracker(*leads: str) -> ParsedPlan:
    """A partnership's own tracker, one action per lead, as a general reader would give it."""
    actions = [
        ParsedAction(number=str(i), text=f"Action {i} on licensing", leads=[lead])
        for i, lead in enumerate(leads, start=1)
    ]
    return ParsedPlan(
        title="Community Safety Action Plan 2026-27",
        themes=[
            ParsedTheme(
                title="Safer streets",
                objectives=[ParsedObjective(number=1, title="Night-time economy", actions=actions)],
            )
        ],
    )


def _led_by(plan: Any, number: str) -> Organisation | Person:
    action = Action.objects.get(objective__theme__plan=plan, number=number)
    leads: list[Organisation | Person] = [
        *action.lead_organisations.all(),
        *action.lead_people.all(),
    ]
    assert len(leads) == 1
    return leads[0]


def test_bdc_is_a_different_council_in_each_partnership() -> None:
    bolsover = builders.partnership(BOLSOVER)
    bassetlaw = builders.partnership(BASSETLAW)
    in_bolsover = plan_create_from_parsed(parsed=_tracker("BDC"), partnership=bolsover)
    in_bassetlaw = plan_create_from_parsed(parsed=_tracker("BDC", "NSDC"), partnership=bassetlaw)
    assert _led_by(in_bolsover, "1").name == "Bolsover District Council"
    assert _led_by(in_bassetlaw, "1").name == "Bassetlaw District Council"
    assert _led_by(in_bassetlaw, "2").name == "Newark & Sherwood District Council"
    assert [o.short_name for o in bassetlaw.organisations.all()] == ["BDC", "NSDC"]


def test_an_alias_names_the_partnerships_own_agency(manager: User) -> None:
    partnership = builders.partnership(BOLSOVER)
    council = organisation_create(
        partnership=partnership,
        short_name="Bolsover DC",
        name="Bolsover District Council",
        aliases=["BDC", " The  District Council "],
        user=manager,
    )
    resolver = LeadResolver(partnership)
    assert resolver.find("bdc") == council
    assert resolver.find("the district council") == council
    assert resolver.resolve("BDC") == council
    assert partnership.organisations.count() == 1


def test_a_council_read_from_the_name_is_the_agency_already_there() -> None:
    partnership = builders.partnership(BASSETLAW)
    council = organisation_create(
        partnership=partnership,
        short_name="Bassetlaw DC",
        name="Bassetlaw District Council",
        user=None,
    )
    plan = plan_create_from_parsed(parsed=_tracker("BDC"), partnership=partnership)
    assert _led_by(plan, "1") == council
    assert partnership.organisations.count() == 1


def test_setting_aliases_is_recorded_and_tidied(manager: User) -> None:
    partnership = builders.partnership(BOLSOVER)
    council = organisation_create(
        partnership=partnership, short_name="BDC", name="Bolsover District Council", user=None
    )
    organisation_aliases_set(
        organisation=council,
        aliases=["Bolsover DC", "bolsover  dc", "", "BDC", "Bolsover Council"],
        user=manager,
    )
    council.refresh_from_db()
    assert council.aliases == ["Bolsover DC", "Bolsover Council"]
    assert council.history.first().history_user == manager
    assert council.history.first().aliases == ["Bolsover DC", "Bolsover Council"]


def test_an_alias_may_not_name_another_agency_of_the_partnership() -> None:
    partnership = builders.partnership(BASSETLAW)
    bassetlaw = organisation_create(
        partnership=partnership,
        short_name="BDC",
        name="Bassetlaw District Council",
        aliases=["Bassetlaw Council"],
        user=None,
    )
    nsdc = organisation_create(
        partnership=partnership, short_name="NSDC", name="Newark & Sherwood DC", user=None
    )
    for alias, other in (("bdc", "BDC"), ("Bassetlaw  council", "BDC")):
        with pytest.raises(ValidationError) as error:
            organisation_aliases_set(organisation=nsdc, aliases=[alias], user=None)
        expected = ORGANISATION_ALIAS_TAKEN.format(alias=alias.replace("  ", " "), other=other)
        assert error.value.message_dict == {"aliases": [expected]}
    with pytest.raises(ValidationError) as error:
        organisation_create(
            partnership=partnership, short_name="Bassetlaw Council", name="Another", user=None
        )
    assert error.value.message_dict["short_name"] == [
        ORGANISATION_ALIAS_TAKEN.format(alias="Bassetlaw Council", other="BDC")
    ]
    nsdc.refresh_from_db()
    assert nsdc.aliases == [] and bassetlaw.aliases == ["Bassetlaw Council"]
    # Another partnership may use the same letters for its own council.
    elsewhere = builders.partnership(BOLSOVER)
    organisation_create(
        partnership=elsewhere,
        short_name="Bolsover DC",
        name="Bolsover District Council",
        aliases=["BDC"],
        user=None,
    )


def test_full_names_are_kept_with_initials_made_from_them(manager: User) -> None:
    partnership = builders.partnership(BOLSOVER)
    plan = plan_create_from_parsed(
        parsed=_tracker(
            "Jane Smith (Community Safety Officer)", "jane  smith", "Insp. Raj Patel", "YS"
        ),
        partnership=partnership,
        user=manager,
    )
    jane = _led_by(plan, "1")
    assert isinstance(jane, Person)
    assert (jane.name, jane.initials, jane.job_title) == (
        "Jane Smith",
        "JS",
        "Community Safety Officer",
    )
    assert _led_by(plan, "2") == jane
    raj = _led_by(plan, "3")
    assert isinstance(raj, Person)
    assert (raj.name, raj.initials, raj.job_title) == ("Raj Patel", "RP", "Inspector")
    assert _led_by(plan, "4").name == "" and partnership.people.count() == 3


def test_someone_else_with_the_same_initials_gets_initials_of_their_own() -> None:
    partnership = builders.partnership(BOLSOVER)
    john = builders.person(partnership=partnership, initials="JS", name="John Simpson")
    plan = plan_create_from_parsed(
        parsed=_tracker("Jane Smith", "John Simpson", "Jo Stevens", "Jane Smith"),
        partnership=partnership,
    )
    assert [(p.initials, p.name) for p in partnership.people.order_by("pk")] == [
        ("JS", "John Simpson"),
        ("JS2", "Jane Smith"),
        ("JS3", "Jo Stevens"),
    ]
    assert _led_by(plan, "2") == john and _led_by(plan, "4") == _led_by(plan, "1")


def test_the_preview_says_what_matches_and_what_will_be_added() -> None:
    partnership = builders.partnership(BASSETLAW)
    organisation_create(
        partnership=partnership,
        short_name="Notts Police",
        name="Nottinghamshire Police",
        aliases=["Police"],
        user=None,
    )
    builders.person(partnership=partnership, initials="YS", name="Yvonne Swinton")
    resolver = LeadResolver(partnership)
    preview = resolver.preview(
        [
            "BDC",
            "police",
            "Yvonne Swinton",
            "YS",
            "Jane Smith (ASB Officer)",
            "BDC",
            "Probation",
            "JW",
        ]
    )
    rows = [(p.printed, p.outcome, p.kind, p.resolves_to) for p in preview]
    assert rows == [
        ("BDC", WILL_BE_ADDED, "agency", "Bassetlaw District Council (BDC)"),
        ("police", MATCHES, "agency", "Nottinghamshire Police (Notts Police)"),
        ("Yvonne Swinton", MATCHES, "person", "Yvonne Swinton (YS)"),
        ("YS", MATCHES, "person", "Yvonne Swinton (YS)"),
        ("Jane Smith (ASB Officer)", WILL_BE_ADDED, "person", "Jane Smith (JS)"),
        ("Probation", WILL_BE_ADDED, "agency", "Probation Service (Probation)"),
        ("JW", WILL_BE_ADDED, "person", "JW"),
    ]
    assert [p.how for p in preview][:3] == ["the partnership's name", "alias", "full name"]
    # The preview adds nobody.
    assert partnership.organisations.count() == 1 and partnership.people.count() == 1


def test_the_preview_promises_what_resolving_adds() -> None:
    partnership = builders.partnership(BOLSOVER)
    builders.person(partnership=partnership, initials="JS", name="John Simpson")
    printed = ["BDC", "Jane Smith", "jane smith", "Jo Stevens", "CSP", "KS", "Safer Streets Team"]
    promised = {
        (p.kind, p.resolves_to) for p in LeadResolver(partnership).preview(printed) if p.is_new
    }
    resolver = LeadResolver(partnership)
    for lead in printed:
        resolver.resolve(lead)
    added = {
        ("agency", f"{o.name} ({o.short_name})" if o.name != o.short_name else o.short_name)
        for o in partnership.organisations.all()
    }
    added |= {("person", f"{p.name} ({p.initials})" if p.name else p.initials)
              for p in partnership.people.exclude(initials="JS")}  # fmt: skip
    assert promised == added
    assert len(promised) == 6


@pytest.mark.parametrize("count", [5, 60])
def test_resolving_and_previewing_cost_the_same_queries_however_many_leads(
    count: int, django_assert_num_queries: Any
) -> None:
    partnership = builders.partnership(BOLSOVER)
    for n in range(4):
        organisation_create(
            partnership=partnership,
            short_name=f"AG{n}",
            name=f"Agency {n}",
            aliases=[f"Agency number {n}"],
            user=None,
        )
        builders.person(partnership=partnership, initials=f"P{n}", name=f"Person Number{n}")
    known = [f"AG{n % 4}" for n in range(count)] + [f"agency number {n % 4}" for n in range(count)]
    people = [f"P{n % 4}" for n in range(count)]
    new = [f"Jane Smith{chr(97 + n % 26)}" for n in range(count)] + ["BDC"] * count
    with django_assert_num_queries(2):  # the partnership's organisations, then its people
        resolver = LeadResolver(partnership)
        preview = resolver.preview(known + people + new)
        for lead in known + people:
            resolver.find(lead)
    assert sum(p.outcome == MATCHES for p in preview) == 12
