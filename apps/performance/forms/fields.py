"""Form fields that read what officers type: numbers as written ("1,234", "15%")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from apps.performance.domain.csv_series import parse_number

NOT_A_NUMBER = "Enter a number, like 143 or 12.5"


class NumberField(forms.CharField):
    """A number as people type it ("1,234", "15%"), read by the same rule as the CSV import."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        number = parse_number(text)
        if number is None:
            raise forms.ValidationError(NOT_A_NUMBER)
        return number
