"""Resolving a whole plan's printed leads to the partnership's agencies and people, adding the
new ones (the rule is ``apps.partnerships.domain.leads.lead_decide``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User

from apps.core.text import text_key
from apps.partnerships.domain.leads import AGENCY, PERSON, KnownLeads, LeadDecision, lead_decide
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services.members import organisation_create, person_create

MATCHES = "matches"
WILL_BE_ADDED = "will be added"


@dataclass(frozen=True)
class LeadPreview:
    """One printed lead as the preview shows it: whether it matches an agency or person the
    partnership has, or will be added, and the name (and initials) it resolves to."""

    printed: str
    outcome: str  # MATCHES or WILL_BE_ADDED
    kind: str  # AGENCY or PERSON
    short_name: str  # an agency's short name, or a person's initials
    name: str  # an agency's or person's full name ("" when only initials are known)
    how: str  # how it was recognised, for example "alias" or "the partnership's name"

    @property
    def is_new(self) -> bool:
        return self.outcome == WILL_BE_ADDED

    @property
    def resolves_to(self) -> str:
        """ "Bassetlaw District Council (BDC)", "Jane Smith (JS)", or "JW"."""
        if self.name and self.name != self.short_name:
            return f"{self.name} ({self.short_name})"
        return self.short_name


class LeadResolver:
    """A partnership's agencies and people, loaded once (two queries), to resolve a whole plan's
    leads without a query per lead.

    ``user`` is None when a plan is imported from the command line, where nobody is signed in.
    ``glossary`` is the document's own list of abbreviations ("BDC" → "Bolsover District
    Council"), used after the partnership's own agencies and people.
    """

    def __init__(
        self,
        partnership: Partnership,
        *,
        user: User | None = None,
        glossary: Mapping[str, str] | None = None,
    ) -> None:
        self.partnership = partnership
        self.user = user
        # Deactivated agencies and people are included on purpose: a document that prints one
        # matches it rather than adding a second of the same name. Deactivating only stops
        # forms offering it as a lead.
        organisations = list(partnership.organisations.all())
        people = list(partnership.people.all())
        self.organisations = {text_key(o.short_name): o for o in organisations}
        self.people = {text_key(p.initials): p for p in people}
        self.known = KnownLeads.of(
            organisations=[(o.short_name, o.aliases, o.name) for o in organisations],
            people=[(p.initials, p.name) for p in people],
            partnership_name=partnership.name,
            glossary=glossary,
        )

    def decide(self, printed: str) -> LeadDecision:
        return lead_decide(printed, known=self.known)

    def _known(self, decision: LeadDecision) -> Person | Organisation:
        if decision.is_organisation:
            return self.organisations[decision.key]
        return self.people[decision.key]

    def find(self, printed: str) -> Person | Organisation | None:
        """The agency or person the partnership already knows by this lead, or None."""
        decision = self.decide(printed)
        return None if decision.is_new else self._known(decision)

    def _decisions(self, printed: Iterable[str]) -> list[LeadDecision]:
        """Each distinct lead decided as resolving them in turn would, adding nobody: a lead
        added earlier counts as known, so two Jane Smiths are one person and a second JS is
        JS2, as the import makes them."""
        known = self.known.copy()
        seen: set[str] = set()
        decisions = []
        for lead in printed:
            key = text_key(lead)
            if not key or key in seen:
                continue
            seen.add(key)
            decision = lead_decide(lead, known=known)
            if decision.is_new:
                known.add(decision)
            decisions.append(decision)
        return decisions

    def new_leads(self, printed: Iterable[str]) -> list[LeadDecision]:
        """The agencies and people resolving these leads would add, each once; adds nobody."""
        new: dict[tuple[bool, str], LeadDecision] = {}
        for decision in self._decisions(printed):
            if decision.is_new:
                new.setdefault((decision.is_organisation, decision.key), decision)
        return list(new.values())

    def preview(self, printed: Iterable[str]) -> list[LeadPreview]:
        """Each distinct printed lead, in the order given: what it matches or what will be
        added for it. Adds nobody and asks the database nothing."""
        previews = []
        for decision in self._decisions(printed):
            if decision.is_new:
                name = decision.agency_name if decision.is_organisation else decision.person_name
                previews.append(
                    LeadPreview(
                        decision.printed,
                        WILL_BE_ADDED,
                        decision.kind,
                        decision.name,
                        name,
                        decision.how,
                    )
                )
                continue
            found = self._known(decision)
            if isinstance(found, Organisation):
                short_name, name = found.short_name, found.name
            else:
                short_name, name = found.initials, found.name
            previews.append(
                LeadPreview(
                    decision.printed,
                    MATCHES,
                    AGENCY if decision.is_organisation else PERSON,
                    short_name,
                    name,
                    decision.how,
                )
            )
        return previews

    def resolve(self, printed: str) -> Person | Organisation:
        """The agency or person this lead names, added to the partnership if it is new.

        Validated before saving, so a lead too long for its field is reported in words (and
        rolls the import back) rather than failing in the database.
        """
        decision = self.decide(printed)
        if not decision.is_new:
            return self._known(decision)
        self.known.add(decision)
        if decision.is_organisation:
            organisation = organisation_create(
                partnership=self.partnership,
                short_name=decision.name,
                name=decision.agency_name,
                user=self.user,
            )
            self.organisations[decision.key] = organisation
            return organisation
        person = person_create(
            partnership=self.partnership,
            initials=decision.name,
            name=decision.person_name,
            job_title=decision.job_title,
            user=self.user,
        )
        self.people[decision.key] = person
        return person
