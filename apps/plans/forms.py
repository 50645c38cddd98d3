"""Forms for plan pages; error messages come from the services so both say the same thing."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.plans.models import Plan, Rating, Status
from apps.plans.services import UPDATE_TEXT_MISSING

STATUS_MISSING = "Select the status of the action"
RATING_INVALID = "Select a RAG rating from this plan's scheme"


class UpdateForm(forms.Form):
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 6}),
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
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ratings = {str(r.pk): r for r in plan.ratings.all()}
        rating_field = self.fields["rating"]
        assert isinstance(rating_field, forms.ChoiceField)
        rating_field.choices = [(pk, r.label) for pk, r in self._ratings.items()] + [
            ("", "Not rated")
        ]

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(UPDATE_TEXT_MISSING)
        return text

    def clean_rating(self) -> Rating | None:
        value = self.cleaned_data.get("rating") or ""
        return self._ratings.get(value) if value else None
