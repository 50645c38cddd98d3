"""The form an action lead fills in to add an update, and the plan's RAG scheme as its choices."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.plans.models import Plan, Rating, Status
from apps.plans.services.actions import UPDATE_TEXT_MISSING

STATUS_MISSING = "Select the status of the action"
RATING_INVALID = "Select a RAG rating from this plan's scheme"
PERIOD_LABEL_TOO_LONG = "Reporting period must be 50 characters or fewer"


def rating_choices(plan: Plan) -> tuple[dict[str, Rating], list[tuple[str, str]]]:
    """The plan's own RAG scheme as radio choices, then "Not rated"."""
    ratings = {str(r.pk): r for r in plan.ratings.all()}
    return ratings, [(pk, r.label) for pk, r in ratings.items()] + [("", "Not rated")]


class UpdateForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has been done since the last update, and what happens next.",
        error_messages={"required": UPDATE_TEXT_MISSING},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": STATUS_MISSING, "invalid_choice": STATUS_MISSING},
    )
    rating = forms.ChoiceField(
        label="RAG rating",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": RATING_INVALID},
    )
    period_label = forms.CharField(
        label="Reporting period (optional)",
        required=False,
        max_length=50,
        help_text="For example Q1 2026-27.",
        error_messages={"max_length": PERIOD_LABEL_TOO_LONG},
    )
    internal = forms.BooleanField(
        label="Internal: leave this update out of public reports",
        required=False,
        help_text="Internal updates stay in SaferPlan and the full report, but are left out of "
        "the public version of board reports.",
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ratings, choices = rating_choices(plan)
        rating_field = self.fields["rating"]
        assert isinstance(rating_field, forms.ChoiceField)
        rating_field.choices = choices

    def rating_hints(self) -> dict[str, str]:
        """Each rating's definition from the plan, shown as a hint under its radio."""
        return {pk: r.definition for pk, r in self._ratings.items() if r.definition}

    def clean_rating(self) -> Rating | None:
        value = self.cleaned_data.get("rating") or ""
        return self._ratings.get(value) if value else None
