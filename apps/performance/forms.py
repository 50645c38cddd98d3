"""Forms for performance pages; the services repeat every check that matters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.performance.csv_series import parse_number
from apps.performance.models import TrafficLight

VALUE_MISSING = "Enter the value for the period"
NOT_A_NUMBER = "Enter a number, like 143 or 12.5"
FILE_MISSING = "Choose a CSV file to import"
FILE_TOO_LARGE = "The file must be smaller than 1 MB"
MAX_UPLOAD = 1024 * 1024


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


class ObservationForm(GovukFormMixin, forms.Form):
    period_label = forms.CharField(
        label="Period",
        max_length=50,
        help_text="For example Q2 2013/14, Jan 2019 or 2013/14.",
        error_messages={"required": "Enter the period, for example Q1 2013/14 or Jan 2019"},
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

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("period_label")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: period, value, then optionally comparator, numerator, denominator "
        "and note. A period already held is replaced.",
        error_messages={"required": FILE_MISSING},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(FILE_TOO_LARGE)
        return upload


class PriorityReportForm(GovukFormMixin, forms.Form):
    period_label = forms.CharField(
        label="Reporting period",
        max_length=50,
        help_text="For example Q2 2013/14.",
        error_messages={"required": "Enter the reporting period, for example Q2 2013/14"},
    )
    summary = forms.CharField(
        label="Summary narrative", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    milestones_reached = forms.CharField(
        label="What milestones have been reached successfully?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    milestones_missed = forms.CharField(
        label="Have any milestones on the action plan been missed? If so, why, and how are they "
        "being addressed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    prospects_and_risks = forms.CharField(
        label="What are the prospects for the delivery of the targets for this priority? Are "
        "there any specific risks to delivery?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    traffic_light = forms.ChoiceField(
        label="Overall traffic light assessment",
        choices=[*TrafficLight.choices, ("", "Not assessed")],
        required=False,
        widget=forms.RadioSelect,
    )
    traffic_light_comment = forms.CharField(
        label="Comment on the assessment (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal = forms.BooleanField(
        label="Internal: leave this narrative out of public reports",
        required=False,
        help_text="Internal narratives stay in SaferPlan and the full report, but are left out "
        "of the public version of board reports.",
    )


class MeasureSettingsForm(GovukFormMixin, forms.Form):
    comment = forms.CharField(
        label="Analyst's comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown with the measure on the summary and in the exception report.",
    )
    amber_band_percent = forms.DecimalField(
        label="Amber when short of target by no more than (%)",
        min_value=0,
        max_digits=6,
        decimal_places=2,
        error_messages={"required": "Enter the Amber tolerance, for example 5"},
    )
    slight_worsening_percent = forms.DecimalField(
        label="Worsening counts as slight up to (%)",
        min_value=0,
        max_digits=6,
        decimal_places=2,
        error_messages={"required": "Enter how much worsening is slight, for example 5"},
    )
    spc_run_length = forms.TypedChoiceField(
        label="Points in a run or trend",
        choices=[("7", "7 (NHS England's default)"), ("6", "6")],
        coerce=int,
        widget=forms.RadioSelect,
    )
    spc_two_of_three_counts_beyond_limits = forms.TypedChoiceField(
        label="Two of three points close to a limit",
        choices=[
            ("True", "Count points beyond the limits too (rule since November 2023)"),
            ("False", "Count only points between two and three sigma (earlier rule)"),
        ],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )
    spc_baseline_points = forms.IntegerField(
        label="Fix the limits after this many points (optional)",
        required=False,
        help_text="At least 12. Leave blank to use every point.",
        error_messages={"invalid": "Enter a whole number, like 12"},
    )
    spc_rebase_periods = forms.CharField(
        label="Recalculate the limits from these periods (optional)",
        required=False,
        max_length=300,
        help_text="After a known change, for example a new recording rule. Separate periods "
        "with commas, as they are written in the figures table.",
    )
