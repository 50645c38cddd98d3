"""The security log page: a partnership administrator sees its own members' sign-in events
(and failed tries at their usernames), newest first, by date and page; nobody else may."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from apps.accounts.models import SecurityEvent
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.selectors import forget_roles
from apps.partnerships.views.security import DATE_INVALID, EVENTS_PER_PAGE
from tests import builders

pytestmark = pytest.mark.django_db


def _administrator(partnership: Partnership, role: str = Membership.Role.MANAGER) -> User:
    user = builders.member(partnership=partnership, role=role)
    Membership.objects.filter(user=user, partnership=partnership).update(is_administrator=True)
    forget_roles(user)
    return user


def _event(kind: str, username: str, when: datetime, ip: str = "192.0.2.1") -> SecurityEvent:
    user = User.objects.filter(username=username).first()
    return SecurityEvent.objects.create(
        kind=kind, username=username, user=user, occurred_at=when, ip_address=ip
    )


def _url(partnership: Partnership) -> str:
    return f"/partnerships/{partnership.pk}/security-log/"


@pytest.fixture
def admin_client(client: Client, partnership: Partnership) -> Client:
    client.force_login(_administrator(partnership))
    SecurityEvent.objects.all().delete()  # the administrator's own sign-in, made by the test
    return client


def test_only_the_partnerships_members_events_are_shown_newest_first(
    admin_client: Client, partnership: Partnership
) -> None:
    member = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="k.h")
    elsewhere = builders.member(
        partnership=builders.partnership(), role=Membership.Role.MANAGER, username="outside.x"
    )
    now = timezone.now()
    _event(SecurityEvent.Kind.SIGNED_IN, member.username, now - timedelta(days=2), "192.0.2.7")
    _event(SecurityEvent.Kind.SIGN_IN_FAILED, "k.h", now - timedelta(days=1), "198.51.100.66")
    _event(SecurityEvent.Kind.SIGNED_IN, elsewhere.username, now, "203.0.113.200")
    _event(SecurityEvent.Kind.SIGN_IN_FAILED, "no.such.user", now, "203.0.113.201")
    # A failure recorded before the username was linked still counts as the member's.
    SecurityEvent.objects.create(
        kind=SecurityEvent.Kind.LOCKED_OUT, username="k.h", occurred_at=now - timedelta(hours=1)
    )

    response = admin_client.get(_url(partnership))
    assert response.status_code == 200
    events = list(response.context["page"].object_list)
    assert [(e.kind, e.username) for e in events] == [
        (SecurityEvent.Kind.LOCKED_OUT, "k.h"),
        (SecurityEvent.Kind.SIGN_IN_FAILED, "k.h"),
        (SecurityEvent.Kind.SIGNED_IN, "k.h"),
    ]
    html = response.content.decode()
    assert "198.51.100.66" in html and "Wrong username or password" in html
    for hidden in ("outside.x", "no.such.user", "203.0.113.200", "203.0.113.201"):
        assert hidden not in html


def test_the_dates_narrow_the_log(admin_client: Client, partnership: Partnership) -> None:
    member = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    tz = timezone.get_current_timezone()
    for day in (1, 15, 30):
        when = datetime(2026, 6, day, 9, 30, tzinfo=tz)
        _event(SecurityEvent.Kind.SIGNED_IN, member.username, when, f"192.0.2.{day}")
    response = admin_client.get(_url(partnership), {"since": "15/6/2026", "until": "30/6/2026"})
    shown = [e.ip_address for e in response.context["page"].object_list]
    assert shown == ["192.0.2.30", "192.0.2.15"]

    response = admin_client.get(_url(partnership), {"since": "31/6/2026"})
    assert DATE_INVALID in response.content.decode()
    assert len(response.context["page"].object_list) == 3


def test_the_log_is_paginated(admin_client: Client, partnership: Partnership) -> None:
    member = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    start = timezone.now() - timedelta(days=10)
    for n in range(EVENTS_PER_PAGE + 3):
        _event(SecurityEvent.Kind.SIGNED_OUT, member.username, start + timedelta(minutes=n))
    first = admin_client.get(_url(partnership))
    assert len(first.context["page"].object_list) == EVENTS_PER_PAGE
    assert "page=2" in first.content.decode()
    second = admin_client.get(_url(partnership), {"page": 2})
    assert len(second.context["page"].object_list) == 3
    assert list(second.context["page"].object_list)[-1].occurred_at == start


@pytest.mark.parametrize(
    "role",
    [
        Membership.Role.MANAGER,
        Membership.Role.ANALYST,
        Membership.Role.LEAD,
        Membership.Role.VIEWER,
    ],
)
def test_members_without_the_administrator_duty_are_refused(
    client: Client, partnership: Partnership, role: str
) -> None:
    client.force_login(builders.member(partnership=partnership, role=role))
    assert client.get(_url(partnership)).status_code == 403


def test_an_administrator_of_another_partnership_is_refused(
    client: Client, partnership: Partnership
) -> None:
    client.force_login(_administrator(builders.partnership()))
    assert client.get(_url(partnership)).status_code == 403
