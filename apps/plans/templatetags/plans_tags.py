"""Small template helpers for plan pages: RAG colours, looking a key up, and naming leads."""

from __future__ import annotations

from typing import Any

from django import template

from apps.core import rag
from apps.partnerships.domain import display

register = template.Library()


@register.filter
def rag_modifier(rating: Any) -> str:
    """The app-rag--… modifier for a rating (or a summary line), by its label, then its code.

    Plans write their own schemes; a rating SaferPlan does not recognise gets the neutral
    style, and its word still says what it is.
    """
    if rating is None:
        return "none"
    label = str(getattr(rating, "label", ""))
    code = str(getattr(rating, "code", ""))
    return rag.rag_modifier(label=label, code=code)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """mapping[key] in a template, or None."""
    try:
        return mapping.get(key) if hasattr(mapping, "get") else mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def person_label(person: Any) -> str:
    """ "Jane Smith (JS)": see apps.partnerships.domain.display."""
    return "" if person is None else display.person_label(person)


@register.filter
def person_with_organisation(person: Any) -> str:
    """ "Jane Smith (JS), Notts Police"."""
    return "" if person is None else display.person_with_organisation(person)


@register.filter
def organisation_label(organisation: Any) -> str:
    """ "Nottinghamshire Police (Notts Police)", or "Police" where name and short name agree."""
    return "" if organisation is None else display.organisation_label(organisation)


@register.filter
def action_leads(action: Any) -> list[str]:
    """An action's leads, agencies then people, named in full (from the prefetches)."""
    return display.lead_labels(
        organisations=action.lead_organisations.all(), people=action.lead_people.all()
    )
