"""Who a lead printed in a plan is: one of the partnership's agencies or people, or somebody new.

The document upload preview lists the agencies and people an import will add, the import adds
them (``apps.partnerships.services.leads.LeadResolver``), and the workbook check looks leads up
without adding anyone. All three decide through ``lead_decide``, so what the preview promises is
what the import does.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from apps.core.text import text_key, text_squash
from apps.partnerships.domain.agencies import agency_name

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
