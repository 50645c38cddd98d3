"""The rules behind lead resolution, without a database: councils read from the partnership's
name, people's names read from what plans print, and the order lead_decide applies them in."""

from __future__ import annotations

import pytest

from apps.partnerships.domain.agencies import agency_name, council_from_partnership_name
from apps.partnerships.domain.leads import KnownLeads, lead_decide
from apps.partnerships.domain.people import PrintedPerson, initials_unique, person_read

BOLSOVER = "Bolsover Community Safety Partnership"
BASSETLAW = "Bassetlaw, Newark & Sherwood CSP"


@pytest.mark.parametrize(
    ("short_name", "partnership", "council"),
    [
        ("BDC", BOLSOVER, "Bolsover District Council"),
        ("BDC", BASSETLAW, "Bassetlaw District Council"),
        ("NSDC", BASSETLAW, "Newark & Sherwood District Council"),
        ("bdc", "Safer Bolsover", "Bolsover District Council"),
        ("RMBC", "Safer Rotherham Partnership", "Rotherham Metropolitan Borough Council"),
        ("NCC", "Norfolk County Community Safety Partnership", "Norfolk County Council"),
        ("DCC", "Derbyshire Community Safety Partnership", "Derbyshire County Council"),
        ("LCC", "Safer Leicester Partnership", "Leicester City Council"),
        ("SBC", "Safer Stockton-on-Tees", "Stockton-on-Tees Borough Council"),
        ("NSDC", "North Somerset Community Safety Partnership", "North Somerset District Council"),
    ],
)
def test_council_initials_read_from_the_partnerships_places(
    short_name: str, partnership: str, council: str
) -> None:
    assert council_from_partnership_name(short_name, partnership) == council


@pytest.mark.parametrize(
    ("short_name", "partnership"),
    [
        ("BDC", "Test CSP 3"),  # no place in the name
        ("BDC", "Bassetlaw & Bolsover CSP"),  # two places it could be: no guess
        ("NDC", "North Somerset CSP"),  # "North Somerset" is one place, never split
        ("CSP", BOLSOVER),  # not a council's initials
        ("MDC", BOLSOVER),
    ],
)
def test_no_council_where_the_name_does_not_say_which(short_name: str, partnership: str) -> None:
    assert council_from_partnership_name(short_name, partnership) is None


def test_bare_council_initials_are_no_longer_known_everywhere() -> None:
    assert agency_name("BDC") is None and agency_name("DCC") is None and agency_name("NCC") is None
    assert agency_name("NSDC") == "Newark & Sherwood District Council"


@pytest.mark.parametrize(
    ("printed", "person"),
    [
        ("Jane Smith", PrintedPerson("Jane Smith")),
        ("Jane Smith (Community Safety Officer)",
         PrintedPerson("Jane Smith", "Community Safety Officer")),
        ("Jane Smith, ASB Co-ordinator", PrintedPerson("Jane Smith", "ASB Co-ordinator")),
        ("Insp. Raj Patel", PrintedPerson("Raj Patel", "Inspector")),
        ("Ch Insp Raj Patel", PrintedPerson("Raj Patel", "Chief Inspector")),
        ("Cllr Mary-Jane O'Brien", PrintedPerson("Mary-Jane O'Brien", "Councillor")),
        ("Mrs Ann McDonald", PrintedPerson("Ann McDonald")),
        ("J. Smith", PrintedPerson("J Smith")),
    ],
)  # fmt: skip
def test_a_persons_name_is_read_without_title_or_role(printed: str, person: PrintedPerson) -> None:
    assert person_read(printed) == person


@pytest.mark.parametrize(
    "printed",
    [
        "JS",
        "Community Safety Officer",
        "Norfolk Constabulary",
        "Safer Streets Team",
        "All agencies",
        "Smith J",
        "Jane",
        "ASB Team Leader",
    ],
)
def test_posts_bodies_and_initials_are_not_names(printed: str) -> None:
    assert person_read(printed) is None


def test_initials_come_from_the_name_and_are_made_unique() -> None:
    assert PrintedPerson("Mary-Jane O'Brien").initials == "MO"
    assert initials_unique("JS", {"YS"}) == "JS"
    assert initials_unique("JS", {"JS", "JS2"}) == "JS3"
    assert initials_unique("ABCDEFGHIJ", {"ABCDEFGHIJ"}) == "ABCDEFGHI2"


def test_the_partnerships_own_agency_comes_before_any_rule() -> None:
    known = KnownLeads.of(
        organisations=[("BDC", ["Bassetlaw DC"], "Bassetlaw District Council")],
        partnership_name=BOLSOVER,
    )
    decision = lead_decide("bdc", known=known)
    assert decision.is_organisation and not decision.is_new and decision.how == "short name"
    alias = lead_decide("Bassetlaw  DC", known=known)
    assert (alias.key, alias.is_new, alias.how) == ("BDC", False, "alias")


def test_a_council_read_from_the_name_is_the_agency_the_partnership_has_by_that_name() -> None:
    known = KnownLeads.of(
        organisations=[("Bassetlaw DC", [], "Bassetlaw District Council")],
        partnership_name=BASSETLAW,
    )
    decision = lead_decide("BDC", known=known)
    assert (decision.key, decision.is_new) == ("BASSETLAW DC", False)


def test_the_documents_glossary_comes_before_the_partnerships_name() -> None:
    known = KnownLeads.of(partnership_name=BASSETLAW, glossary={"BDC": "Bolsover District Council"})
    assert lead_decide("BDC", known=known).agency_name == "Bolsover District Council"
    assert lead_decide("BDC", known=KnownLeads.of(partnership_name=BASSETLAW)).agency_name == (
        "Bassetlaw District Council"
    )


def test_a_person_is_found_by_full_name_whatever_the_title_case_and_spacing() -> None:
    known = KnownLeads.of(people=[("JS", "Jane Smith")])
    for printed in ("jane   smith", "Jane Smith (CSO)", "Insp. Jane Smith"):
        decision = lead_decide(printed, known=known)
        assert (decision.key, decision.is_new, decision.person_name) == ("JS", False, "Jane Smith")


def test_words_that_are_no_name_or_initials_become_an_agency_as_printed() -> None:
    decision = lead_decide("Safer Streets Team", known=KnownLeads())
    assert decision.is_organisation and decision.is_new
    assert (decision.name, decision.agency_name) == ("Safer Streets Team", "Safer Streets Team")
