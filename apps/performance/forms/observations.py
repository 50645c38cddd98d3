"""Forms for a measure's figures: one period's figure, and a CSV file of them."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.performance.domain.units import amount_text
from apps.performance.forms.fields import NumberField
from apps.performance.models import Observation
from apps.performance.services.observations import PERIOD_MISSING

VALUE_MISSING = "Enter the value for the period"
FILE_MISSING = "Choose a CSV file to import"
FILE_TOO_LARGE = "The file must be smaller than 1 MB"
MAX_UPLOAD = 1024 * 1024


class ObservationForm(GovukFormMixin, forms.Form):
    period_label = forms.CharField(
        label="Period",
        max_length=50,
        help_text="For example Q2 2013/14, Jan 2019 or 2013/14.",
        error_messages={"required": PERIOD_MISSING},
    )
    value = NumberField(label="Value", error_messages={"required": VALUE_MISSING})
    comparator_value = NumberField(
        label="Comparator (optional)", required=False, help_text="For example the national rate."
    )
    target_value = NumberField(
        label="Target for this period (optional)",
        required=False,
        help_text="Only when the target changes from period to period.",
    )
    numerator = NumberField(label="Numerator (optional)", required=False)
    denominator = NumberField(label="Denominator (optional)", required=False)
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @staticmethod
    def initial_for(observation: Observation) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "period_label": observation.period_label,
            "note": observation.note,
        }
        for name in ("value", "comparator_value", "target_value", "numerator", "denominator"):
            if getattr(observation, name) is not None:
                initial[name] = amount_text(getattr(observation, name))
        return initial


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: period, value, then optionally comparator, numerator, denominator "
        "and note. A period already held is replaced.",
        error_messages={"required": FILE_MISSING},
    )

    def clean_file(self) -> Any:
        # Refused before it is read: the import reads the whole file into memory.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(FILE_TOO_LARGE)
        return upload
