"""Who a lead printed in a plan is: one of the partnership's agencies or people, or somebody new.

The document upload preview lists the agencies and people an import will add, the import adds
them, and the workbook check looks leads up without adding anyone. All three decide through
``lead_decide``, so what the preview promises is what the import does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User

from apps.core.text import text_key, text_squash
from apps.partnerships.agencies import agency_name
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services import organisation_create, person_create

# Person.initials holds 10 characters; a longer lead that is no known agency is cut to fit.
INITIALS_LENGTH = 10


@dataclass(frozen=True)
class LeadDecision:
    """What a printed lead stands for, and for a new one what it will be saved as."""

    printed: str  # as the document prints it, spacing collapsed
    key: str  # how it is looked up: text_key of the short name or initials
    is_organisation: bool
    is_new: bool
    agency_name: str = ""  # a new agency's full name

    @property
    def name(self) -> str:
        """The short name (agency) or initials (person) the partnership knows the lead by."""
        return self.printed if self.is_organisation else self.key[:INITIALS_LENGTH]


def lead_decide(
    printed: str, *, known_people: Collection[str], known_organisations: Collection[str]
) -> LeadDecision:
    """An agency the partnership knows, then a person it knows (both by ``text_key``), then an
    agency SaferPlan knows by name (a new organisation), else a new person by their initials."""
    key = text_key(printed)
    squashed = text_squash(printed)
    if key in known_organisations:
        return LeadDecision(squashed, key, is_organisation=True, is_new=False)
    if key in known_people:
        return LeadDecision(squashed, key, is_organisation=False, is_new=False)
    full_name = agency_name(key)
    if full_name is not None:
        return LeadDecision(squashed, key, is_organisation=True, is_new=True, agency_name=full_name)
    return LeadDecision(squashed, key, is_organisation=False, is_new=True)


class LeadResolver:
    """A partnership's agencies and people, loaded once, to resolve a whole plan's leads.

    ``user`` is None when a plan is imported from the command line, where nobody is signed in.
    """

    def __init__(self, partnership: Partnership, *, user: User | None = None) -> None:
        self.partnership = partnership
        self.user = user
        self.people = {text_key(p.initials): p for p in partnership.people.all()}
        self.organisations = {text_key(o.short_name): o for o in partnership.organisations.all()}

    def decide(self, printed: str) -> LeadDecision:
        return lead_decide(
            printed, known_people=self.people, known_organisations=self.organisations
        )

    def _known(self, decision: LeadDecision) -> Person | Organisation:
        if decision.is_organisation:
            return self.organisations[decision.key]
        return self.people[decision.key]

    def find(self, printed: str) -> Person | Organisation | None:
        """The agency or person the partnership already knows by this lead, or None."""
        decision = self.decide(printed)
        return None if decision.is_new else self._known(decision)

    def new_leads(self, printed: Iterable[str]) -> list[LeadDecision]:
        """The agencies and people resolving these leads would add, each once; adds nobody."""
        new: dict[str, LeadDecision] = {}
        for lead in printed:
            decision = self.decide(lead)
            if decision.is_new:
                new.setdefault(decision.key, decision)
        return list(new.values())

    def resolve(self, printed: str) -> Person | Organisation:
        """The agency or person this lead names, added to the partnership if it is new.

        Validated before saving, so a lead too long for its field is reported in words (and
        rolls the import back) rather than failing in the database.
        """
        decision = self.decide(printed)
        if not decision.is_new:
            return self._known(decision)
        if decision.is_organisation:
            organisation = organisation_create(
                partnership=self.partnership,
                short_name=decision.name,
                name=decision.agency_name,
                user=self.user,
            )
            self.organisations[decision.key] = organisation
            return organisation
        person = person_create(partnership=self.partnership, initials=decision.name, user=self.user)
        self.people[decision.key] = person
        return person
