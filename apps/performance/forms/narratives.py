"""The form for a priority's narrative in a reporting period (002 Appendix 2)."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.performance.models import PriorityReport, TrafficLight
from apps.performance.services.narratives import REPORT_PERIOD_MISSING


class PriorityReportForm(GovukFormMixin, forms.Form):
    period_label = forms.CharField(
        label="Reporting period",
        max_length=50,
        help_text="For example Q2 2013/14.",
        error_messages={"required": REPORT_PERIOD_MISSING},
    )
    summary = forms.CharField(
        label="Summary narrative", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    milestones_reached = forms.CharField(
        label="What milestones have been reached successfully?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    milestones_missed = forms.CharField(
        label="Have any milestones on the action plan been missed? If so, why, and how are they "
        "being addressed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    prospects_and_risks = forms.CharField(
        label="What are the prospects for the delivery of the targets for this priority? Are "
        "there any specific risks to delivery?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    traffic_light = forms.ChoiceField(
        label="Overall traffic light assessment",
        choices=[*TrafficLight.choices, ("", "Not assessed")],
        required=False,
        widget=forms.RadioSelect,
    )
    traffic_light_comment = forms.CharField(
        label="Comment on the assessment (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal = forms.BooleanField(
        label="Internal: leave this narrative out of public reports",
        required=False,
        help_text="Internal narratives stay in SaferPlan and the full report, but are left out "
        "of the public version of board reports.",
    )

    @classmethod
    def initial_for(cls, report: PriorityReport) -> dict[str, Any]:
        """The latest narrative, for the next one to start from."""
        return {name: getattr(report, name) for name in cls.base_fields}
