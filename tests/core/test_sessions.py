"""Session limits: signed out after SESSION_IDLE_SECONDS without a request and after
SESSION_MAX_SECONDS whatever the activity, told why on the sign-in page; "Stay signed in"
restarts the idle clock. Time passes by moving the session's clocks back, not by waiting."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from apps.accounts.models import SecurityEvent
from apps.accounts.services import user_create
from apps.core.sessions import (
    LAST_ACTIVITY,
    SIGNED_IN_AT,
    SIGNED_OUT_IDLE,
    SIGNED_OUT_TOO_LONG,
)

pytestmark = pytest.mark.django_db

HOME = "/"
SIGN_IN = "/accounts/sign-in/"
KEEP_ALIVE = "/accounts/keep-alive/"
IDLE_MESSAGE = SIGNED_OUT_IDLE.format(minutes=30)


@pytest.fixture
def officer() -> User:
    return user_create(username="a.nowak", password="pw-for-tests-1")


@pytest.fixture
def signed_in(client: Client, officer: User) -> Client:
    client.force_login(officer)
    return client


def _wind_back(client: Client, *, idle: int = 0, since_sign_in: int = 0) -> None:
    """Pretend the last request was `idle` seconds ago and the sign-in `since_sign_in` ago."""
    session = client.session
    now = int(time.time())
    session[LAST_ACTIVITY] = now - idle
    session[SIGNED_IN_AT] = now - max(idle, since_sign_in)
    session.save()


def test_the_limits_are_thirty_minutes_and_twelve_hours() -> None:
    assert settings.SESSION_IDLE_SECONDS == 30 * 60
    assert settings.SESSION_MAX_SECONDS == 12 * 3600
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_MAX_SECONDS
    assert IDLE_MESSAGE == "You were signed out after 30 minutes without activity"


def test_a_session_idle_just_under_the_limit_carries_on(signed_in: Client) -> None:
    _wind_back(signed_in, idle=29 * 60 + 50)
    assert signed_in.get(HOME).status_code == 200
    # ...and the request counted as activity.
    assert int(time.time()) - signed_in.session[LAST_ACTIVITY] < 5


def test_thirty_minutes_idle_signs_out_and_says_why(signed_in: Client) -> None:
    _wind_back(signed_in, idle=30 * 60)
    response = signed_in.get("/plans/my-actions/")
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/plans/my-actions/"
    assert "_auth_user_id" not in signed_in.session

    page = signed_in.get(response["Location"]).content.decode()
    assert IDLE_MESSAGE in page
    # Told once: the next visit to the page is plain.
    assert IDLE_MESSAGE not in signed_in.get(SIGN_IN).content.decode()
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.SIGNED_OUT).count() == 1


def test_a_post_after_the_idle_limit_changes_nothing_and_signs_out(signed_in: Client) -> None:
    _wind_back(signed_in, idle=45 * 60)
    response = signed_in.post(KEEP_ALIVE)
    assert response.status_code == 302 and response["Location"].startswith(SIGN_IN)
    assert "_auth_user_id" not in signed_in.session


def test_twelve_hours_signs_out_however_busy(signed_in: Client) -> None:
    _wind_back(signed_in, idle=10, since_sign_in=12 * 3600)
    response = signed_in.get(HOME)
    assert response["Location"].startswith(SIGN_IN)
    page = signed_in.get(response["Location"]).content.decode()
    assert SIGNED_OUT_TOO_LONG.format(hours=12) in page


def test_stay_signed_in_restarts_the_idle_clock(signed_in: Client) -> None:
    _wind_back(signed_in, idle=28 * 60, since_sign_in=3600)
    response = signed_in.post(KEEP_ALIVE)
    assert response.status_code == 200
    assert 29 * 60 < int(response.content) <= 30 * 60
    # Twenty-nine minutes after the keep-alive (57 after the page) the session is still good.
    _wind_back(signed_in, idle=29 * 60, since_sign_in=3600)
    assert signed_in.get(HOME).status_code == 200


def test_keep_alive_answers_only_a_post(signed_in: Client) -> None:
    assert signed_in.get(KEEP_ALIVE).status_code == 405


def test_signed_in_pages_carry_the_warning_and_its_timings(signed_in: Client) -> None:
    page = signed_in.get(HOME).content.decode()
    assert 'data-module="app-session-timeout"' in page
    assert 'data-warning-seconds="120"' in page
    assert f'action="{KEEP_ALIVE}"' in page and "Stay signed in" in page
    assert "You will be signed out in 2 minutes" in page


def test_the_sign_in_page_has_no_warning(client: Client) -> None:
    assert "app-session-timeout" not in client.get(SIGN_IN).content.decode()
