"""Small template helpers for plan pages: RAG colours and query strings."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict

register = template.Library()

_KNOWN = {"red", "amber", "green", "white"}
_BY_CODE = {"r": "red", "a": "amber", "g": "green", "w": "white"}


@register.filter
def rag_modifier(rating: Any) -> str:
    """The app-rag--… modifier for a rating (or a summary line), by its label, then its code.

    Plans write their own schemes; a rating that is not red, amber, green or white gets the
    neutral style, and its word still says what it is.
    """
    if rating is None:
        return "none"
    label = str(getattr(rating, "label", "")).strip().lower()
    if label in _KNOWN:
        return label
    code = str(getattr(rating, "code", "")).strip().lower()
    return _BY_CODE.get(code, "none")


@register.simple_tag
def query_without(query: QueryDict, *names: str) -> str:
    """The current query string without the named parameters, for links that keep filters."""
    copy = query.copy()
    for name in names:
        copy.pop(name, None)
    return copy.urlencode()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """mapping[key] in a template, or None."""
    try:
        return mapping.get(key) if hasattr(mapping, "get") else mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
