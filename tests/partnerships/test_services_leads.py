"""One rule for who a printed lead is, shared by the upload preview, the import and workbooks."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from apps.partnerships.domain.leads import lead_decide
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services import LeadResolver
from tests import builders


def test_a_known_agency_wins_over_a_person_with_the_same_letters() -> None:
    decision = lead_decide(" csp ", known_people={"CSP"}, known_organisations={"CSP"})
    assert decision.is_organisation and not decision.is_new and decision.key == "CSP"


def test_a_known_person_is_found_whatever_the_case_and_spacing() -> None:
    decision = lead_decide("j  w", known_people={"J W"}, known_organisations=set())
    assert not decision.is_organisation and not decision.is_new


def test_an_agency_saferplan_knows_is_a_new_organisation_printed_as_the_document_prints_it() -> (
    None
):
    decision = lead_decide("Norfolk   Constabulary", known_people=set(), known_organisations=set())
    assert decision.is_organisation and decision.is_new
    assert decision.name == "Norfolk Constabulary"
    assert decision.agency_name == "Norfolk Constabulary"


def test_anything_else_is_a_new_person_known_by_initials_that_fit() -> None:
    decision = lead_decide("jw", known_people=set(), known_organisations=set())
    assert not decision.is_organisation and decision.is_new and decision.name == "JW"
    # Issue 10: a printed full name is kept, the person known by initials made from it.
    long = lead_decide("Somebody Long Named", known_people=set(), known_organisations=set())
    assert (long.name, long.person_name) == ("SLN", "Somebody Long Named")


@pytest.mark.django_db
def test_the_resolver_adds_each_new_lead_once_and_finding_adds_nobody(
    partnership: Partnership, manager: User
) -> None:
    builders.person(partnership=partnership, initials="YS")
    resolver = LeadResolver(partnership, user=manager)
    assert resolver.find("ys") is not None
    assert resolver.find("JW") is None and resolver.find("CSP") is None
    new = resolver.new_leads(["JW", "jw", "CSP", "YS"])
    assert [(d.name, d.is_organisation) for d in new] == [("JW", False), ("CSP", True)]
    assert not Person.objects.filter(initials="JW").exists()

    first, again = resolver.resolve("JW"), resolver.resolve(" jw ")
    agency = resolver.resolve("CSP")
    assert first == again and isinstance(first, Person)
    assert isinstance(agency, Organisation) and agency.name == "Community Safety Partnership"
    assert Person.objects.filter(partnership=partnership, initials="JW").count() == 1
    assert first.history.first().history_user == manager
    assert LeadResolver(partnership).new_leads(["JW", "CSP"]) == []
