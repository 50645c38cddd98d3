"""Forms for setting up priorities, alignments and measures; setup_services repeats the checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.partnerships.models import Organisation, Partnership
from apps.performance.forms import NumberField
from apps.performance.models import POLARITY_CHOICES, Measure, Priority
from apps.performance.rag import TargetKind
from apps.performance.setup_services import OTHER_PLAN_MISSING, OTHER_PRIORITY_MISSING
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Objective

DUE_NOT_A_DATE = "Enter when the target is due as a date or a period, like 31/3/2014 or March 2014"
PLAN_LINK_INVALID = "Choose from the list: {what} of this partnership's plans"
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


class ObjectiveChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.theme.plan.title}: objective {obj.number}. {obj.title}"


class ActionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        text = obj.text if len(obj.text) <= 100 else obj.text[:99] + "…"
        return f"{obj.objective.theme.plan.title}: {obj.number} {text}"


class PriorityForm(GovukFormMixin, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=10,
        help_text="As the plan prints it, for example A or 1.",
        error_messages={"required": "Enter the priority's code, for example A"},
    )
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the title"}
    )
    sponsor_organisation = forms.ModelChoiceField(
        label="Sponsor agency (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Not one of the partnership's organisations",
        error_messages={"invalid_choice": "Choose a sponsor agency from the list"},
    )
    sponsor_name = forms.CharField(
        label="Sponsor agency as printed (optional)",
        max_length=200,
        required=False,
        help_text="When the sponsor is not in the list above.",
    )
    lead_officer = forms.CharField(label="Lead officer (optional)", max_length=200, required=False)
    why = forms.CharField(
        label="Why it is a priority (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    objectives = forms.CharField(
        label="Objectives (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    plan_objectives = ObjectiveChoice(
        label="Linked plan objectives (optional)",
        queryset=Objective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": PLAN_LINK_INVALID.format(what="objectives")},
    )
    plan_actions = ActionChoice(
        label="Linked plan actions (optional)",
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": PLAN_LINK_INVALID.format(what="actions")},
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["sponsor_organisation"].queryset = partnership.organisations.all()
        fields["plan_objectives"].queryset = Objective.objects.filter(
            theme__plan__partnership=partnership
        ).select_related("theme__plan")
        fields["plan_actions"].queryset = (
            Action.objects.filter(objective__theme__plan__partnership=partnership)
            .select_related("objective__theme__plan")
            .order_by("objective__theme__plan", "objective__theme__position", "position", "pk")
        )

    @staticmethod
    def initial_for(priority: Priority) -> dict[str, Any]:
        return {
            "code": priority.code,
            "title": priority.title,
            "sponsor_organisation": priority.sponsor_organisation_id,
            "sponsor_name": priority.sponsor_name,
            "lead_officer": priority.lead_officer,
            "why": priority.why,
            "objectives": priority.objectives,
            "plan_objectives": [o.pk for o in priority.plan_objectives.all()],
            "plan_actions": [a.pk for a in priority.plan_actions.all()],
        }


class AlignmentForm(GovukFormMixin, forms.Form):
    our_wording = forms.CharField(
        label="Our priority or measure, as we word it (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    other_plan = forms.CharField(
        label="Other plan",
        max_length=200,
        help_text="For example Police and Crime Plan 2013–17.",
        error_messages={"required": OTHER_PLAN_MISSING},
    )
    other_priority = forms.CharField(
        label="The other plan's priority",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": OTHER_PRIORITY_MISSING},
    )
    comment = forms.CharField(
        label="Comment (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


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
        label="Title", max_length=300, error_messages={"required": "Enter the title"}
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
    amber_band_percent = _tolerance(
        "Amber when short of target by no more than (%)",
        "Enter the Amber tolerance, for example 5",
    )
    slight_worsening_percent = _tolerance(
        "Worsening counts as slight up to (%)",
        "Enter how much worsening is slight, for example 5",
    )

    @staticmethod
    def initial_for(measure: Measure) -> dict[str, Any]:
        def text(value: Decimal | None) -> str:
            return "" if value is None else f"{value.normalize():f}"

        change = measure.target_kind == TargetKind.CHANGE_FROM_BASELINE
        due = measure.target_due
        return {
            "code": measure.code,
            "title": measure.title,
            "unit": measure.unit,
            "polarity": measure.polarity,
            "frequency": measure.frequency,
            "baseline_value": text(measure.baseline_value),
            "baseline_label": measure.baseline_label,
            "target_kind": measure.target_kind,
            "target_value": "" if change else text(measure.target_value),
            "target_percent": text(measure.target_value) if change else "",
            "target_due": f"{due.day}/{due.month}/{due.year}" if due else "",
            "target_comparator_name": measure.target_comparator_name,
            "target_text": measure.target_text,
            "amber_band_percent": text(measure.amber_band_percent),
            "slight_worsening_percent": text(measure.slight_worsening_percent),
        }
