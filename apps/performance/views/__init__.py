"""Performance pages. Each view loads its object with the permission it needs (404, then 403),
calls a selector or a service, and renders; a service's errors are shown on the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError

from apps.core.forms import GovukFormMixin

T = TypeVar("T")


def form_save(form: GovukFormMixin, save: Callable[[], T]) -> T | None:
    """What the service saved, or None with its errors put on the form."""
    try:
        return save()
    except ValidationError as error:
        form.add_service_error(error)
        return None
