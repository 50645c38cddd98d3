"""Template helpers for import previews."""

from __future__ import annotations

from django import template

from apps.plans.models import Status

register = template.Library()


@register.filter
def status_label(value: str | None) -> str:
    """A parsed status as the plan page will show it; a document that gave none says so."""
    labels = dict(Status.choices)
    return labels.get(value or "", "Not recorded")
