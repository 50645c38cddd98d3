"""The security log: each sign-in, sign-out, failed sign-in and lock-out is recorded with the
address and browser it came from; and signing a user out everywhere else."""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.test import Client

from apps.accounts.models import USER_AGENT_MAX_LENGTH, SecurityEvent
from apps.accounts.services import sessions_end_for_user, user_create

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
HOME = "/"
PASSWORD = "correct horse battery staple"
EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/131.0"


@pytest.fixture
def officer() -> User:
    return user_create(username="p.singh", password=PASSWORD)


def _post(client: Client, username: str, password: str, **meta: str) -> None:
    client.post(SIGN_IN, {"username": username, "password": password}, **meta)  # type: ignore[arg-type]


def test_sign_in_and_sign_out_are_recorded_with_address_and_browser(
    client: Client, officer: User
) -> None:
    _post(client, "p.singh", PASSWORD, REMOTE_ADDR="192.0.2.44", HTTP_USER_AGENT=EDGE)
    client.post("/accounts/sign-out/", REMOTE_ADDR="192.0.2.44", HTTP_USER_AGENT=EDGE)
    events = list(SecurityEvent.objects.order_by("pk"))
    assert [(e.kind, e.user, e.username, e.ip_address, e.user_agent) for e in events] == [
        (SecurityEvent.Kind.SIGNED_IN, officer, "p.singh", "192.0.2.44", EDGE),
        (SecurityEvent.Kind.SIGNED_OUT, officer, "p.singh", "192.0.2.44", EDGE),
    ]


def test_a_wrong_password_is_recorded_against_the_user_it_names(
    client: Client, officer: User
) -> None:
    _post(client, "p.singh", "Summer2026!", REMOTE_ADDR="198.51.100.3")
    _post(client, "nobody.here", "Summer2026!", REMOTE_ADDR="198.51.100.3")
    events = list(SecurityEvent.objects.order_by("pk"))
    assert [(e.kind, e.username, e.user) for e in events] == [
        (SecurityEvent.Kind.SIGN_IN_FAILED, "p.singh", officer),
        (SecurityEvent.Kind.SIGN_IN_FAILED, "nobody.here", None),
    ]
    assert "Summer2026!" not in str([vars(e) for e in events])


def test_a_lock_out_is_recorded(client: Client, officer: User) -> None:
    for attempt in range(5):
        _post(client, "p.singh", f"guess {attempt}", REMOTE_ADDR="198.51.100.9")
    kinds = Counter(SecurityEvent.objects.values_list("kind", flat=True))
    assert kinds == {SecurityEvent.Kind.SIGN_IN_FAILED: 5, SecurityEvent.Kind.LOCKED_OUT: 1}
    lock = SecurityEvent.objects.get(kind=SecurityEvent.Kind.LOCKED_OUT)
    assert (lock.user, lock.ip_address) == (officer, "198.51.100.9")


def test_a_long_browser_description_is_cut_short(client: Client, officer: User) -> None:
    _post(client, "p.singh", PASSWORD, HTTP_USER_AGENT="x" * 2000)
    event = SecurityEvent.objects.get()
    assert event.user_agent == "x" * USER_AGENT_MAX_LENGTH


def _signed_in_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_sessions_end_for_user_signs_out_everywhere_but_the_session_kept(officer: User) -> None:
    other_user = user_create(username="r.evans", password=PASSWORD)
    here, laptop, phone = (_signed_in_client(officer) for _ in range(3))
    colleague = _signed_in_client(other_user)

    ended = sessions_end_for_user(officer, keep=here.session.session_key)

    assert ended == 2
    assert here.get(HOME).status_code == 200
    for client in (laptop, phone):
        assert client.get(HOME)["Location"].startswith(SIGN_IN)
    assert colleague.get(HOME).status_code == 200


def test_sessions_end_for_user_without_keep_ends_them_all(officer: User) -> None:
    clients = [_signed_in_client(officer) for _ in range(2)]
    assert sessions_end_for_user(officer) == 2
    assert all(client.get(HOME).status_code == 302 for client in clients)
