"""The form an action lead fills in to add an update to an action."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.plans.forms.ratings import PlanRatingMixin, rating_field, status_field
from apps.plans.models import Plan, Status
from apps.plans.services.actions import UPDATE_TEXT_MISSING

PERIOD_LABEL_TOO_LONG = "Reporting period must be 50 characters or fewer"


class UpdateForm(PlanRatingMixin, GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has been done since the last update, and what happens next.",
        error_messages={"required": UPDATE_TEXT_MISSING},
    )
    status = status_field()
    rating = rating_field()
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
        self.ratings_offer(plan)
        # An update records where the action stands: with none recorded yet, nothing is ticked.
        if self.initial.get("status") == Status.NOT_RECORDED:
            self.initial["status"] = ""
