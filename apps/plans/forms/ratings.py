"""The status and RAG rating an update or an action sets: radios, the rating from the plan's own
scheme (then "Not rated"), each with the plan's definition as its hint."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.plans.models import Plan, Rating, Status

STATUS_MISSING = "Select the status of the action"
RATING_INVALID = "Select a RAG rating from this plan's scheme"
NOT_RECORDED_CHOICE = "Not recorded – the plan's document gave no status"


def status_field() -> forms.ChoiceField:
    """The statuses a person records; "Not recorded" is offered only where it is kept
    (``status_keep_not_recorded``)."""
    return forms.ChoiceField(
        label="Status",
        choices=Status.recorded_choices(),
        widget=forms.RadioSelect,
        error_messages={"required": STATUS_MISSING, "invalid_choice": STATUS_MISSING},
    )


def status_keep_not_recorded(form: forms.Form) -> None:
    """Offer "Not recorded" too when the action has no recorded status yet, so a manager can
    correct its wording without inventing a status its document never gave."""
    if form.initial.get("status") != Status.NOT_RECORDED:
        return
    field = form.fields["status"]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [*Status.recorded_choices(), (Status.NOT_RECORDED, NOT_RECORDED_CHOICE)]


def rating_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="RAG rating",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": RATING_INVALID},
    )


class PlanRatingMixin:
    """For a form with a `rating` field: offer the plan's scheme and give back a Rating."""

    _ratings: dict[str, Rating]

    def ratings_offer(self, plan: Plan) -> None:
        self._ratings = {str(r.pk): r for r in plan.ratings.all()}
        form: Any = self
        field = form.fields["rating"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(pk, r.label) for pk, r in self._ratings.items()] + [("", "Not rated")]

    def rating_hints(self) -> dict[str, str]:
        """Each rating's definition from the plan, shown as a hint under its radio."""
        return {pk: r.definition for pk, r in self._ratings.items() if r.definition}

    def clean_rating(self) -> Rating | None:
        form: Any = self
        return self._ratings.get(form.cleaned_data.get("rating") or "")
