"""Forms a partnership manager uses to change the plan itself: edit, add, move, retire actions."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.plans.by_when import BY_WHEN_HELP
from apps.plans.models import Objective, Plan, Rating, Status, Tag
from apps.plans.services import RETIRE_REASON_MISSING

ACTION_NUMBER_MISSING = "Enter the action number as printed, for example 7)"
ACTION_TEXT_MISSING = "Enter what the action is"
OBJECTIVE_MISSING = "Select the objective to move the action to"


def _lead_choices(plan: Plan) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    people = {f"p{p.pk}": p for p in plan.partnership.people.all()}
    organisations = {f"o{o.pk}": o for o in plan.partnership.organisations.all()}
    choices = [(k, str(p)) for k, p in people.items()] + [
        (k, f"{o.short_name} (organisation)") for k, o in organisations.items()
    ]
    return choices, {**people, **organisations}


class ActionForm(forms.Form):
    number = forms.CharField(
        label="Number", max_length=20, error_messages={"required": ACTION_NUMBER_MISSING}
    )
    method = forms.CharField(label="Method (optional)", required=False, max_length=100)
    text = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": ACTION_TEXT_MISSING},
    )
    sub_items = forms.CharField(
        label="Sub-items (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One on each line.",
    )
    due_text = forms.CharField(
        label="By when (optional)", required=False, max_length=100, help_text=BY_WHEN_HELP
    )
    status = forms.ChoiceField(label="Status", choices=Status.choices, widget=forms.RadioSelect)
    rating = forms.ChoiceField(label="RAG rating", required=False, widget=forms.RadioSelect)
    leads = forms.MultipleChoiceField(
        label="Leads", required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.MultipleChoiceField(
        label="Themes it covers", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ratings = {str(r.pk): r for r in plan.ratings.all()}
        lead_choices, self._leads = _lead_choices(plan)
        self._tags = {str(t.pk): t for t in Tag.objects.all()}
        self.fields["rating"].choices = [(k, r.label) for k, r in self._ratings.items()] + [  # type: ignore[attr-defined]
            ("", "Not rated")
        ]
        self.fields["leads"].choices = lead_choices  # type: ignore[attr-defined]
        self.fields["tags"].choices = [(k, t.name) for k, t in self._tags.items()]  # type: ignore[attr-defined]

    def clean_rating(self) -> Rating | None:
        return self._ratings.get(self.cleaned_data.get("rating") or "")

    def clean_sub_items(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["sub_items"].splitlines() if line.strip()
        ]

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data in the shape the action services take."""
        data = self.cleaned_data
        leads = [self._leads[k] for k in data["leads"]]
        return {
            "number": data["number"],
            "method": data["method"],
            "text": data["text"],
            "sub_items": data["sub_items"],
            "due_text": data["due_text"],
            "status": data["status"],
            "rating": data["rating"],
            "lead_people": [x for k, x in zip(data["leads"], leads, strict=True) if k[0] == "p"],
            "lead_organisations": [
                x for k, x in zip(data["leads"], leads, strict=True) if k[0] == "o"
            ],
            "tags": [self._tags[k] for k in data["tags"]],
        }


class MoveForm(forms.Form):
    objective = forms.ModelChoiceField(
        label="Objective",
        queryset=Objective.objects.none(),
        empty_label="Select an objective",
        error_messages={"required": OBJECTIVE_MISSING, "invalid_choice": OBJECTIVE_MISSING},
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.filter(theme__plan=plan)  # type: ignore[attr-defined]


class RetireForm(forms.Form):
    reason = forms.CharField(
        label="Why is the action being retired?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": RETIRE_REASON_MISSING},
    )
