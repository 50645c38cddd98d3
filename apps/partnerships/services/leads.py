"""Resolving a whole plan's printed leads to the partnership's agencies and people, adding the
new ones (the rule is ``apps.partnerships.domain.leads.lead_decide``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User

from apps.core.text import text_key
from apps.partnerships.domain.leads import LeadDecision, lead_decide
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services.members import organisation_create, person_create


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
