"""Forms for setting up priorities and their alignment tables; the services check the links."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from apps.core.forms import GovukFormMixin
from apps.partnerships.models import Organisation, Partnership
from apps.performance.models import Priority, PriorityAlignment
from apps.performance.services.priorities import (
    CODE_MISSING,
    OTHER_PLAN_MISSING,
    OTHER_PRIORITY_MISSING,
    TITLE_MISSING,
)
from apps.plans.models import Action, Objective

PLAN_LINK_INVALID = "Choose from the list: {what} of this partnership's plans"


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
        error_messages={"required": CODE_MISSING},
    )
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": TITLE_MISSING}
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
        # A deactivated agency is not offered, unless it sponsors this priority already.
        fields["sponsor_organisation"].queryset = partnership.organisations.filter(
            Q(active=True) | Q(pk=self.initial.get("sponsor_organisation"))
        )
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

    @classmethod
    def initial_for(cls, alignment: PriorityAlignment) -> dict[str, Any]:
        return {name: getattr(alignment, name) for name in cls.base_fields}
