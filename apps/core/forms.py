"""The GOV.UK form conventions every SaferPlan form shares.

Services validate and raise ValidationError; a form shows those errors against the fields they
name (and in the error summary), so a rule is written once, in the service, and never again in
the form.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class GovukFormMixin:
    """Show a service's ValidationError against the fields it names, GOV.UK style."""

    def add_service_error(self, error: ValidationError) -> None:
        form: Any = self
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error)
