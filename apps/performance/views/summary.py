"""A partnership's performance: the summary of every measure, and the exception report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership
from apps.performance.rules import SET_UP_PERFORMANCE, VIEW_PERFORMANCE
from apps.performance.selectors import (
    NEGATIVE,
    OTHER,
    POSITIVE,
    exception_report,
    performance_summary,
)


def summary_view(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=VIEW_PERFORMANCE, pk=partnership_id
    )
    context = {
        "partnership": partnership,
        "groups": performance_summary(partnership=partnership),
        "can_set_up": request.user.has_perm(SET_UP_PERFORMANCE, partnership),
    }
    return render(request, "performance/summary.html", context)


def exceptions_view(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=VIEW_PERFORMANCE, pk=partnership_id
    )
    report = exception_report(partnership=partnership)
    context = {
        "partnership": partnership,
        "positive": report[POSITIVE],
        "negative": report[NEGATIVE],
        "other": report[OTHER],
    }
    return render(request, "performance/exceptions.html", context)
