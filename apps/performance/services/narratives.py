"""Writes for a priority's narrative in a reporting period (002 Appendix 2)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.core.history import history_user_set
from apps.core.text import text_squash
from apps.performance.domain.periods import parse_period
from apps.performance.models import Priority, PriorityReport, TrafficLight

REPORT_PERIOD_MISSING = "Enter the reporting period, for example Q2 2013/14"
TRAFFIC_LIGHT_INVALID = "Choose green, amber or red, or leave the traffic light blank"


def priority_report_save(
    *,
    priority: Priority,
    period_label: str,
    summary: str | None = None,
    milestones_reached: str | None = None,
    milestones_missed: str | None = None,
    prospects_and_risks: str | None = None,
    traffic_light: str | None = None,
    traffic_light_comment: str | None = None,
    internal: bool = False,
    user: User | None = None,
) -> PriorityReport:
    """Create or replace the narrative for a priority and reporting period; an internal one
    is left out of the public version of board reports. A period SaferPlan cannot read is kept
    as written, undated. A part given as None is left as it is."""
    label = text_squash(period_label)
    if not label:
        raise ValidationError({"period_label": REPORT_PERIOD_MISSING})
    if traffic_light and traffic_light not in TrafficLight.values:
        raise ValidationError({"traffic_light": TRAFFIC_LIGHT_INVALID})
    try:
        start = parse_period(label)
    except ValueError:
        start = None
    report = PriorityReport.objects.filter(priority=priority, period_label=label).first()
    report = report or PriorityReport(priority=priority, period_label=label)
    report.period_start = start
    report.internal = internal
    parts = {
        "summary": summary,
        "milestones_reached": milestones_reached,
        "milestones_missed": milestones_missed,
        "prospects_and_risks": prospects_and_risks,
        "traffic_light": traffic_light,
        "traffic_light_comment": traffic_light_comment,
    }
    for name, text in parts.items():
        if text is not None:
            setattr(report, name, text.strip())
    history_user_set(report, user)
    report.full_clean()
    report.save()
    return report
