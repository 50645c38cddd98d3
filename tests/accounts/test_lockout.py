"""Throttling: after SIGN_IN_FAILURE_LIMIT wrong passwords an account, and separately an
address, is locked out, and even the right password is refused with the GOV.UK message until
the lock-out has run its time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client

from apps.accounts.forms import SIGN_IN_INVALID, SIGN_IN_LOCKED_OUT
from apps.accounts.services import user_create

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
PASSWORD = "correct horse battery staple"
LOCKED_OUT = SIGN_IN_LOCKED_OUT.format(minutes=15)


def _try(client: Client, username: str, password: str, address: str = "192.0.2.10") -> str:
    response = client.post(
        SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return f"{response.status_code} {response.content.decode()}"


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def officer() -> User:
    return user_create(username="j.okafor", password=PASSWORD)


def test_the_message_says_fifteen_minutes_as_configured() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert LOCKED_OUT == (
        "You have entered the wrong password too many times. Try again in 15 minutes"
    )


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client: Client, officer: User
) -> None:
    for attempt in range(4):
        answer = _try(client, "j.okafor", f"guess {attempt}")
        assert answer.startswith("200") and SIGN_IN_INVALID in answer
        assert LOCKED_OUT not in answer
    fifth = _try(client, "j.okafor", "guess 4")
    assert fifth.startswith("429") and LOCKED_OUT in fifth

    answer = _try(client, "j.okafor", PASSWORD)
    assert answer.startswith("429")
    assert LOCKED_OUT in answer and "Error: Sign in" in answer
    assert not _signed_in(client)


def test_the_account_is_locked_from_every_address(client: Client, officer: User) -> None:
    for attempt in range(5):
        _try(client, "j.okafor", f"guess {attempt}", address=f"198.51.100.{attempt + 1}")
    answer = _try(client, "j.okafor", PASSWORD, address="203.0.113.99")
    assert answer.startswith("429") and LOCKED_OUT in answer
    assert not _signed_in(client)


def test_an_address_guessing_at_many_accounts_is_locked_for_all_of_them(
    client: Client, officer: User
) -> None:
    for n in range(5):
        _try(client, f"someone{n}", "Password1", address="203.0.113.7")
    answer = _try(client, "j.okafor", PASSWORD, address="203.0.113.7")
    assert answer.startswith("429") and LOCKED_OUT in answer
    assert not _signed_in(client)

    # The officer herself, from her own office, is not held up by the guesses elsewhere.
    other = Client()
    answer = _try(other, "j.okafor", PASSWORD, address="192.0.2.50")
    assert answer.startswith("302")
    assert _signed_in(other)


def test_fewer_failures_than_the_limit_do_not_lock(client: Client, officer: User) -> None:
    for attempt in range(4):
        _try(client, "j.okafor", f"guess {attempt}")
    assert _try(client, "j.okafor", PASSWORD).startswith("302")
    assert _signed_in(client)


def test_the_lock_lifts_once_its_time_has_passed(client: Client, officer: User) -> None:
    for attempt in range(5):
        _try(client, "j.okafor", f"guess {attempt}")
    assert _try(client, "j.okafor", PASSWORD).startswith("429")
    # Sixteen minutes on: the failures are older than the lock-out lasts.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert _try(client, "j.okafor", PASSWORD).startswith("302")
    assert _signed_in(client)


def test_a_password_checked_without_a_request_is_not_throttled(officer: User) -> None:
    """The command line and the test client's login() are not attacks from an address."""
    client = Client()
    assert client.login(username="j.okafor", password=PASSWORD)
