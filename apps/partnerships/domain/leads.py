"""Who a lead printed in a plan is: one of the partnership's agencies or people, or somebody new.

The document upload preview lists what each lead matches and what an import will add, the import
adds them (``apps.partnerships.services.leads.LeadResolver``), and the workbook check looks leads
up without adding anyone. All three decide through ``lead_decide``, so what the preview promises
is what the import does.

The order: the partnership's own agencies (short name or alias), then its people (initials or
full name), then what the document's own glossary says, then a council named after the
partnership's places ("BDC" in Bolsover's partnership), then agencies SaferPlan knows
everywhere, and only then somebody new.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from apps.core.text import text_key, text_squash
from apps.partnerships.domain.agencies import agency_name, council_from_partnership_name
from apps.partnerships.domain.people import (
    INITIALS_LENGTH,
    initials_unique,
    name_key,
    person_name_key,
    person_read,
)

__all__ = [
    "AGENCY",
    "INITIALS_LENGTH",
    "PERSON",
    "KnownLeads",
    "LeadDecision",
    "lead_decide",
]

# Organisation.short_name holds 120 characters and Organisation.name 200.
SHORT_NAME_LENGTH = 120
AGENCY_NAME_LENGTH = 200
AGENCY = "agency"
PERSON = "person"
# Printed initials: "JW", "J.W.", "N EC" — capitals (and full stops), no more than ten.
_INITIALS = re.compile(r"^[A-Z][A-Z. ]{0,9}$")


@dataclass
class KnownLeads:
    """What a partnership already knows, keyed for looking printed leads up without queries.

    ``organisations`` maps the ``text_key`` of each short name and alias to the short name's
    key, and ``agency_names`` each full name's key to it; ``people`` maps the key of each
    person's initials to their full name (blank when only their initials are known), and
    ``names`` each ``name_key`` to initials; ``glossary`` is the document's own list of
    abbreviations (key → full name).
    """

    organisations: dict[str, str] = field(default_factory=dict)
    agency_names: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    partnership_name: str = ""
    glossary: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *,
        organisations: Iterable[tuple[str, Iterable[str], str]] = (),
        people: Iterable[tuple[str, str]] = (),
        partnership_name: str = "",
        glossary: Mapping[str, str] | None = None,
    ) -> KnownLeads:
        """From (short name, aliases, full name) and (initials, full name) as the models hold
        them."""
        known = cls(
            partnership_name=partnership_name,
            glossary={text_key(k): text_squash(v) for k, v in (glossary or {}).items()},
        )
        for short_name, aliases, name in organisations:
            known.organisation_add(short_name, aliases, name)
        for initials, name in people:
            known.person_add(initials, name)
        return known

    def copy(self) -> KnownLeads:
        return KnownLeads(
            organisations=dict(self.organisations),
            agency_names=dict(self.agency_names),
            people=dict(self.people),
            names=dict(self.names),
            partnership_name=self.partnership_name,
            glossary=self.glossary,
        )

    def organisation_add(
        self, short_name: str, aliases: Iterable[str] = (), name: str = ""
    ) -> None:
        key = text_key(short_name)
        self.organisations[key] = key
        for alias in aliases:
            if text_key(alias):
                self.organisations.setdefault(text_key(alias), key)
        if text_key(name):
            self.agency_names.setdefault(text_key(name), key)

    def person_add(self, initials: str, name: str = "") -> None:
        key = text_key(initials)
        self.people[key] = text_squash(name)
        if name.strip():
            self.names.setdefault(name_key(name), key)

    def add(self, decision: LeadDecision) -> None:
        """Count a new lead as known, as it is once the import has added it."""
        if decision.is_organisation:
            self.organisation_add(decision.name, (), decision.agency_name)
        else:
            self.person_add(decision.name, decision.person_name)


@dataclass(frozen=True)
class LeadDecision:
    """What a printed lead stands for, and for a new one what it will be saved as."""

    printed: str  # as the document prints it, spacing collapsed
    key: str  # how it is looked up: text_key of the short name or initials it resolves to
    is_organisation: bool
    is_new: bool
    agency_name: str = ""  # a new agency's full name
    person_name: str = ""  # a person's full name, when the document or the partnership gives it
    job_title: str = ""  # a new person's post or rank, when the document prints it
    how: str = ""  # why: "short name", "alias", "initials", "full name", "glossary", …

    @property
    def name(self) -> str:
        """The short name (agency) or initials (person) the partnership knows the lead by."""
        if self.is_organisation:
            return self.printed[:SHORT_NAME_LENGTH].rstrip()
        return self.key[:INITIALS_LENGTH]

    @property
    def kind(self) -> str:
        return AGENCY if self.is_organisation else PERSON


def _agency(
    known: KnownLeads, squashed: str, key: str, full_name: str, how: str, *, same_name: bool
) -> LeadDecision:
    """A new agency, unless (``same_name``) the partnership already has one by that full name:
    "BDC" read as Bassetlaw District Council is the "Bassetlaw DC" the partnership has."""
    existing = known.agency_names.get(text_key(full_name)) if same_name else None
    if existing is not None:
        return LeadDecision(squashed, existing, is_organisation=True, is_new=False, how=how)
    return LeadDecision(
        squashed,
        key,
        is_organisation=True,
        is_new=True,
        agency_name=full_name[:AGENCY_NAME_LENGTH].rstrip(),
        how=how,
    )


def lead_decide(
    printed: str,
    *,
    known: KnownLeads | None = None,
    known_people: Collection[str] = (),
    known_organisations: Collection[str] = (),
) -> LeadDecision:
    """Who ``printed`` is, in the order the module docstring gives.

    ``known_people`` and ``known_organisations`` (keys of initials and short names) are the
    short form for callers that know nothing more.
    """
    if known is None:
        known = KnownLeads(
            organisations={k: k for k in known_organisations},
            people=dict.fromkeys(known_people, ""),
        )
    key = text_key(printed)
    squashed = text_squash(printed)
    if key in known.organisations:
        target = known.organisations[key]
        how = "short name" if target == key else "alias"
        return LeadDecision(squashed, target, is_organisation=True, is_new=False, how=how)
    if key in known.people:
        return LeadDecision(
            squashed,
            key,
            is_organisation=False,
            is_new=False,
            person_name=known.people[key],
            how="initials",
        )
    person = person_read(squashed)
    initials = known.names.get(person_name_key(squashed)) if known.names else None
    if initials is not None:
        return LeadDecision(
            squashed,
            initials,
            is_organisation=False,
            is_new=False,
            person_name=known.people.get(initials, ""),
            how="full name",
        )
    if key in known.glossary:
        glossed = known.glossary[key]
        return _agency(known, squashed, key, glossed, "the document's glossary", same_name=True)
    council = council_from_partnership_name(key, known.partnership_name)
    if council is not None:
        return _agency(known, squashed, key, council, "the partnership's name", same_name=True)
    full_name = agency_name(key)
    if full_name is not None:
        # Several printings name one agency here ("Norfolk Police", "Norfolk Constabulary"):
        # each stays the organisation it was printed as.
        return _agency(known, squashed, key, full_name, "agencies SaferPlan knows", same_name=False)
    if person is not None:
        initials = initials_unique(person.initials, known.people)
        return LeadDecision(
            squashed,
            text_key(initials),
            is_organisation=False,
            is_new=True,
            person_name=person.name,
            job_title=person.job_title,
            how="full name",
        )
    if _INITIALS.match(squashed) or (len(squashed) <= 3 and squashed.isalpha()):
        return LeadDecision(squashed, key, is_organisation=False, is_new=True, how="initials")
    # Words that are no one's name or initials ("Safer Streets Team"): a body, kept as printed.
    short = squashed[:SHORT_NAME_LENGTH].rstrip()
    return _agency(known, squashed, text_key(short), squashed, "printed name", same_name=False)
