"""Forms for a priority's measures: what is measured and its target (set-up), and the analyst's
comment, RAG tolerances and chart settings. The services check what each target needs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.units import amount_text
from apps.performance.forms.fields import NumberField
from apps.performance.models import POLARITY_CHOICES, Measure
from apps.performance.services.priorities import TITLE_MISSING
from apps.plans.domain.by_when import interpret_by_when

DUE_NOT_A_DATE = "Enter when the target is due as a date or a period, like 31/3/2014 or March 2014"
AMBER_MISSING = "Enter the Amber tolerance, for example 5"
SLIGHT_MISSING = "Enter how much worsening is slight, for example 5"
AMBER_LABEL = "Amber when short of target by no more than (%)"
SLIGHT_LABEL = "Worsening counts as slight up to (%)"
TARGET_KIND_CHOICES = [
    ("", "No target yet"),
    (TargetKind.VALUE.value, "Reach a value, perhaps by a date (for example 125 by 31/3/2014)"),
    (
        TargetKind.CHANGE_FROM_BASELINE.value,
        "A percentage reduction or increase on the baseline (for example 10% fewer)",
    ),
    (
        TargetKind.COMPARATOR.value,
        "Stay below or above a comparator (for example the national rate)",
    ),
    (TargetKind.DIRECTION.value, "A direction of travel (for example a downward trend)"),
]


class DueField(forms.CharField):
    """A due date as people write it ("31/3/2014", "March 2014", "2013/14"): the last day."""

    def to_python(self, value: Any) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        due = interpret_by_when(text).due_date
        if due is None:
            raise forms.ValidationError(DUE_NOT_A_DATE)
        return due


def _tolerance(label: str, missing: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=6,
        decimal_places=2,
        initial=Decimal(5),
        error_messages={
            "required": missing,
            "invalid": "Enter a number, like 5 or 2.5",
            "max_digits": "Enter a number below 10,000",
            "max_decimal_places": "Enter no more than 2 decimal places",
        },
    )


class MeasureForm(GovukFormMixin, forms.Form):
    code = forms.CharField(
        label="Code (optional)", max_length=10, required=False, help_text="As printed, e.g. (i)."
    )
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": TITLE_MISSING}
    )
    unit = forms.ChoiceField(
        label="Unit",
        choices=Measure.Unit.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the unit", "invalid_choice": "Choose the unit"},
    )
    polarity = forms.ChoiceField(
        label="Which way is better",
        choices=POLARITY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether higher or lower is better, or neither",
            "invalid_choice": "Choose whether higher or lower is better, or neither",
        },
    )
    frequency = forms.ChoiceField(
        label="How often it is reported",
        choices=Measure.Frequency.choices,
        widget=forms.Select,
        error_messages={"invalid_choice": "Choose how often it is reported"},
    )
    baseline_value = NumberField(label="Baseline value (optional)", required=False)
    baseline_label = forms.CharField(
        label="Period the baseline describes (optional)",
        max_length=200,
        required=False,
        help_text="For example 2012/13, or the 3 years to March 2013.",
    )
    target_kind = forms.ChoiceField(
        label="Kind of target",
        choices=TARGET_KIND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a kind of target, or no target yet"},
        help_text="Whether the target is a reduction or an increase, or below or above the "
        "comparator, follows ‘Which way is better’.",
    )
    target_value = NumberField(
        label="Value to reach",
        required=False,
        help_text="Only for ‘Reach a value’. Leave blank when each period's figure carries its "
        "own target.",
    )
    target_percent = NumberField(
        label="Change wanted on the baseline (%)",
        required=False,
        help_text="Only for a percentage reduction or increase, for example 10.",
    )
    target_due = DueField(
        label="Due by (optional)",
        required=False,
        help_text="For ‘Reach a value’ or a percentage change, for example 31/3/2014 or "
        "March 2015.",
    )
    target_comparator_name = forms.CharField(
        label="Compared with",
        max_length=100,
        required=False,
        help_text="Only for a comparator target, for example the national rate.",
    )
    target_text = forms.CharField(
        label="The target as printed (optional)",
        max_length=300,
        required=False,
        help_text="Shown instead of a wording made from the fields above.",
    )
    amber_band_percent = _tolerance(AMBER_LABEL, AMBER_MISSING)
    slight_worsening_percent = _tolerance(SLIGHT_LABEL, SLIGHT_MISSING)

    @staticmethod
    def initial_for(measure: Measure) -> dict[str, Any]:
        change = measure.target_kind == TargetKind.CHANGE_FROM_BASELINE
        due = measure.target_due
        return {
            "code": measure.code,
            "title": measure.title,
            "unit": measure.unit,
            "polarity": measure.polarity,
            "frequency": measure.frequency,
            "baseline_value": amount_text(measure.baseline_value),
            "baseline_label": measure.baseline_label,
            "target_kind": measure.target_kind,
            "target_value": "" if change else amount_text(measure.target_value),
            "target_percent": amount_text(measure.target_value) if change else "",
            "target_due": f"{due.day}/{due.month}/{due.year}" if due else "",
            "target_comparator_name": measure.target_comparator_name,
            "target_text": measure.target_text,
            "amber_band_percent": amount_text(measure.amber_band_percent),
            "slight_worsening_percent": amount_text(measure.slight_worsening_percent),
        }


class MeasureSettingsForm(GovukFormMixin, forms.Form):
    comment = forms.CharField(
        label="Analyst's comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown with the measure on the summary and in the exception report.",
    )
    amber_band_percent = _tolerance(AMBER_LABEL, AMBER_MISSING)
    slight_worsening_percent = _tolerance(SLIGHT_LABEL, SLIGHT_MISSING)
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

    @staticmethod
    def initial_for(measure: Measure) -> dict[str, Any]:
        return {
            "comment": measure.comment,
            "amber_band_percent": measure.amber_band_percent,
            "slight_worsening_percent": measure.slight_worsening_percent,
            "spc_run_length": measure.spc_run_length,
            "spc_two_of_three_counts_beyond_limits": str(
                measure.spc_two_of_three_counts_beyond_limits
            ),
            "spc_baseline_points": measure.spc_baseline_points,
            "spc_rebase_periods": measure.spc_rebase_periods,
        }
