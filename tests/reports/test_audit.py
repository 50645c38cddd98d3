"""The partnership's audit log as CSV: a row for each kind of change in the range and none
outside it, fields old → new, and only the partnership's administrators may download it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.partnerships.models import Membership
from apps.plans.models import Action, Status
from apps.plans.services import action_add_update
from apps.reports.audit import audit_csv_text
from tests import builders
from tests.builders import roles

pytestmark = pytest.mark.django_db


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_log_has_each_kind_of_change_in_the_range_and_none_outside() -> None:
    partnership = builders.partnership()
    small = builders.small_plan(partnership=partnership)
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="jw")
    action = Action.objects.get(pk=small.actions[0].pk)
    Action.history.update(history_date=timezone.now() - timedelta(days=30))
    action_add_update(
        action=action, user=lead, text="Patrols done", status=Status.ONGOING, rating=None
    )
    roles.organisation(partnership=partnership, short_name="Police", name="Notts Police")
    today = timezone.localdate()

    rows = _rows(audit_csv_text(partnership=partnership, start=today, end=today))
    kinds = {(r["What"], r["Change"]) for r in rows}
    assert ("Update", "Created") in kinds
    assert ("Organisation", "Created") in kinds
    changed = [r for r in rows if r["What"] == "Action" and r["Change"] == "Changed"]
    assert changed and "Status: Not started → On-going" in changed[0]["Details"]
    assert changed[0]["Username"] == "jw"
    # The plan was built thirty days ago by these rows' dates: outside today's range.
    assert not any(r["What"] == "Action" and r["Change"] == "Created" for r in rows)
    earlier = today - timedelta(days=31)
    old = _rows(
        audit_csv_text(partnership=partnership, start=earlier, end=earlier + timedelta(days=2))
    )
    assert {r["What"] for r in old} == {"Action"}
    assert not any(r["What"] == "Update" for r in old)


def test_other_partnerships_changes_are_not_in_the_log() -> None:
    ours, theirs = builders.partnership(), builders.partnership()
    builders.small_plan(partnership=theirs)
    today = timezone.localdate()
    assert _rows(audit_csv_text(partnership=ours, start=today, end=today)) == []


@pytest.mark.parametrize(
    ("role", "administers", "status"),
    [
        (Membership.Role.VIEWER, True, 200),
        (Membership.Role.MANAGER, False, 403),
        (Membership.Role.COORDINATOR, False, 403),
        (Membership.Role.VIEWER, False, 403),
    ],
)
def test_only_administrators_download(
    client: Client, role: str, administers: bool, status: int
) -> None:
    partnership = builders.partnership()
    builders.small_plan(partnership=partnership)
    if administers:
        user = roles.administrator(partnership=partnership, role=role)
    else:
        user = builders.member(partnership=partnership, role=role)
    client.force_login(user)
    today = timezone.localdate()
    url = reverse("reports:audit-log", args=[partnership.pk])
    query = {
        "start_day": today.day,
        "start_month": today.month,
        "start_year": today.year,
        "end_day": today.day,
        "end_month": today.month,
        "end_year": today.year,
    }
    response = client.get(url, query)
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "text/csv"
        assert "no-store" in response["Cache-Control"]
        streamed: Any = response
        body = b"".join(streamed.streaming_content).decode()
        assert "Plan,Created" in body or ",Plan," in body
        page = client.get(url)
        assert page.status_code == 200 and "Download the audit log" in page.content.decode()


def test_end_before_start_is_refused_on_the_page(client: Client) -> None:
    partnership = builders.partnership()
    client.force_login(roles.administrator(partnership=partnership))
    response = client.get(
        reverse("reports:audit-log", args=[partnership.pk]),
        {
            "start_day": 2,
            "start_month": 5,
            "start_year": 2026,
            "end_day": 1,
            "end_month": 5,
            "end_year": 2026,
        },
    )
    assert response.status_code == 200
    assert "must be the same as or after" in response.content.decode()
