"""Saving a priority's narrative for a reporting period: created, then replaced in place."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from apps.performance.models import Measure, PriorityReport
from apps.performance.services import priority_report_save

pytestmark = pytest.mark.django_db


def _errors(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_report_save_creates_then_replaces(measure: Measure) -> None:
    priority = measure.priority
    priority_report_save(priority=priority, period_label="Q2 2013/14", summary=" Good ")
    report = priority_report_save(
        priority=priority, period_label="Q2 2013/14", traffic_light="green"
    )
    assert PriorityReport.objects.count() == 1
    assert (report.summary, report.traffic_light, str(report.period_start)) == (
        "Good",
        "green",
        "2013-07-01",
    )
    assert report.get_traffic_light_display() == (
        "GREEN – target on track and likely to be achieved"
    )
    with pytest.raises(ValidationError) as error:
        priority_report_save(priority=priority, period_label="Q3 2013/14", traffic_light="blue")
    assert "traffic_light" in _errors(error)
