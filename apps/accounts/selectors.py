"""Reads for accounts: the security log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.accounts.models import SecurityEvent


def security_event_list(
    *,
    user_ids: Iterable[int] | QuerySet[Any, int],
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[SecurityEvent]:
    """Events of these users, newest first: theirs, and failed tries at their usernames.

    `since` and `until` are whole days in local time, both included.
    """
    usernames = User.objects.filter(pk__in=user_ids).values("username")
    events = SecurityEvent.objects.filter(
        Q(user_id__in=user_ids) | Q(user__isnull=True, username__in=usernames)
    )
    if since is not None:
        events = events.filter(occurred_at__gte=_start_of(since))
    if until is not None:
        events = events.filter(occurred_at__lt=_start_of(until + timedelta(days=1)))
    return events.select_related("user").order_by("-occurred_at", "-pk")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
