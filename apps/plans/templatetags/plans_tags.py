"""Small template helpers for plan pages: RAG colours and looking a key up."""

from __future__ import annotations

from typing import Any

from django import template

from apps.core import rag

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
