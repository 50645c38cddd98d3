"""Forms a partnership manager uses to change a plan's actions: edit, add, move, retire."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.partnerships.domain.display import organisation_label, person_with_organisation
from apps.plans.domain.by_when import BY_WHEN_HELP, interpret_by_when
from apps.plans.forms.ratings import (
    PlanRatingMixin,
    rating_field,
    status_field,
    status_keep_not_recorded,
)
from apps.plans.models import Objective, Plan, Tag
from apps.plans.services.actions import (
    ACTION_NUMBER_MISSING,
    ACTION_TEXT_MISSING,
    RETIRE_REASON_MISSING,
)

OBJECTIVE_MISSING = "Select the objective to move the action to"
BY_WHEN_NOT_RECOGNISED = (
    "“{text}” is not a date, period or state SaferPlan recognises. It is kept as written, "
    "but the action cannot be shown as overdue."
)


def by_when_warning(text: str) -> str:
    """A warning (not an error) for a by-when SaferPlan cannot interpret."""
    by_when = interpret_by_when(text)
    return BY_WHEN_NOT_RECOGNISED.format(text=by_when.text) if by_when.kind == "unknown" else ""


class ActionForm(PlanRatingMixin, GovukFormMixin, forms.Form):
    number = forms.CharField(
        label="Number",
        max_length=20,
        help_text="As printed in the plan, for example 7) or a.",
        error_messages={"required": ACTION_NUMBER_MISSING},
    )
    method = forms.CharField(
        label="Method (optional)",
        required=False,
        max_length=100,
        help_text="For example Training or Comms.",
    )
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
    status = status_field()
    rating = rating_field()
    lead_people = forms.MultipleChoiceField(
        label="Lead people", required=False, widget=forms.CheckboxSelectMultiple
    )
    lead_organisations = forms.MultipleChoiceField(
        label="Lead organisations", required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.MultipleChoiceField(
        label="Tags", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ratings_offer(plan)
        status_keep_not_recorded(self)
        # Deactivated people and agencies are not offered as leads, except where they lead this
        # action already, so saving the action does not drop them silently.
        leading_people = set(self.initial.get("lead_people", ()))
        leading_organisations = set(self.initial.get("lead_organisations", ()))
        self._people = {
            str(p.pk): p
            for p in plan.partnership.people.select_related("organisation")
            if p.active or str(p.pk) in leading_people
        }
        self._organisations = {
            str(o.pk): o
            for o in plan.partnership.organisations.all()
            if o.active or str(o.pk) in leading_organisations
        }
        self._tags = {str(t.pk): t for t in Tag.objects.all()}
        self._set_choices(
            "lead_people", [(k, person_with_organisation(p)) for k, p in self._people.items()]
        )
        self._set_choices(
            "lead_organisations",
            [(k, organisation_label(o)) for k, o in self._organisations.items()],
        )
        self._set_choices("tags", [(k, t.name) for k, t in self._tags.items()])

    def _set_choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def by_when_warning(self) -> str:
        """Shown above the form when the by-when as it stands cannot be interpreted."""
        value = self["due_text"].value()
        return by_when_warning(str(value or ""))

    def clean_sub_items(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["sub_items"].splitlines() if line.strip()
        ]

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data in the shape action_create and action_edit take."""
        data = self.cleaned_data
        return {
            "number": data["number"],
            "method": data["method"],
            "text": data["text"],
            "sub_items": data["sub_items"],
            "due_text": data["due_text"],
            "status": data["status"],
            "rating": data["rating"],
            "lead_people": [self._people[k] for k in data["lead_people"]],
            "lead_organisations": [self._organisations[k] for k in data["lead_organisations"]],
            "tags": [self._tags[k] for k in data["tags"]],
        }


class MoveForm(GovukFormMixin, forms.Form):
    objective = forms.ModelChoiceField(
        label="Objective",
        queryset=Objective.objects.none(),
        empty_label="Select an objective",
        error_messages={"required": OBJECTIVE_MISSING, "invalid_choice": OBJECTIVE_MISSING},
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["objective"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Objective.objects.filter(theme__plan=plan).select_related("theme")
        field.label_from_instance = lambda o: f"{o.theme.title} – {o}"  # type: ignore[method-assign,assignment]


class RetireForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is the action being retired?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: completed and replaced by action 4), or no longer funded.",
        error_messages={"required": RETIRE_REASON_MISSING},
    )
