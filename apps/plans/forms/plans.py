"""The form a partnership manager uses to change a plan as a whole: its settings."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.plans.models import Plan


class PlanSettingsForm(GovukFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=300, required=False)
    period_label = forms.CharField(
        label="Period (optional)",
        max_length=50,
        required=False,
        help_text="For example 2026-27.",
    )
    status = forms.ChoiceField(
        label="Status",
        widget=forms.RadioSelect,
        choices=[
            (Plan.Status.DRAFT, "Draft – managers prepare it; leads do not report on it yet"),
            (
                Plan.Status.LIVE,
                "Live – leads report on it; publishing archives its earlier edition",
            ),
            (Plan.Status.ARCHIVED, "Archived – kept for the record"),
        ],
    )
    predecessor = forms.ModelChoiceField(
        label="Earlier edition (optional)",
        queryset=Plan.objects.none(),
        required=False,
        empty_label="None: this is the first edition",
        help_text=(
            "The plan this one follows on from. Its actions are matched to the earlier "
            "edition's, and What changed compares the two."
        ),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["predecessor"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Plan.objects.filter(partnership_id=plan.partnership_id)
            .exclude(pk=plan.pk)
            .order_by("-pk")
        )
