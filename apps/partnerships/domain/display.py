"""How a lead is named on every page, report and form: people by full name with the initials
the plan printed ("Jane Smith (JS)"), agencies by name with their short name ("Nottinghamshire
Police (Notts Police)", or just "Police" where the two are the same).

Plain functions of loaded objects (no queries): selectors prefetch people's organisations.
"""

from __future__ import annotations

from typing import Any


def organisation_label(organisation: Any) -> str:
    """ "Nottinghamshire Police (Notts Police)"; the short name alone when there is no other."""
    short_name = (organisation.short_name or "").strip()
    name = (organisation.name or "").strip()
    if not name or name.casefold() == short_name.casefold():
        return short_name or name
    if not short_name:
        return name
    return f"{name} ({short_name})"


def person_label(person: Any, *, public: bool = False) -> str:
    """ "Jane Smith (JS)"; the initials alone when no name is on record, or in a public report
    (which names people by their initials only)."""
    initials = (person.initials or "").strip()
    name = (person.name or "").strip()
    if public or not name:
        return initials or name
    if not initials or name.casefold() == initials.casefold():
        return name
    return f"{name} ({initials})"


def person_with_organisation(person: Any, *, public: bool = False) -> str:
    """ "Jane Smith (JS), Notts Police": who they are and which agency they work for."""
    label = person_label(person, public=public)
    organisation = person.organisation if person.organisation_id is not None else None
    return f"{label}, {organisation.short_name}" if organisation is not None else label


def lead_labels(*, organisations: Any, people: Any, public: bool = False) -> list[str]:
    """Every lead of an action: agencies first, then people, in the order given."""
    labels = [organisation_label(o) for o in organisations]
    labels += [person_label(p, public=public) for p in people]
    return labels
