"""Invitation tokens and states, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from apps.partnerships.domain.invitations import (
    ACCEPTED,
    EXPIRED,
    PENDING,
    REVOKED,
    invitation_state,
    token_hash,
    token_new,
)

SENT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
EXPIRES = SENT + timedelta(days=7)


def test_tokens_are_long_unique_and_url_safe() -> None:
    tokens = {token_new() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 43 and t.replace("-", "").replace("_", "").isalnum() for t in tokens)


def test_the_hash_is_stable_and_is_not_the_token() -> None:
    token = token_new()
    assert token_hash(token) == token_hash(token)
    assert token_hash(token) != token and len(token_hash(token)) == 64
    assert token_hash(token) != token_hash(token + "x")


def test_states() -> None:
    def state(
        now: datetime, accepted: datetime | None = None, revoked: datetime | None = None
    ) -> str:
        return invitation_state(
            expires_at=EXPIRES, accepted_at=accepted, revoked_at=revoked, now=now
        )

    assert state(EXPIRES - timedelta(microseconds=1)) == PENDING
    assert state(EXPIRES) == EXPIRED
    assert state(EXPIRES + timedelta(days=30), accepted=SENT) == ACCEPTED  # final
    assert state(SENT, revoked=SENT) == REVOKED
    assert state(SENT, accepted=SENT, revoked=SENT) == ACCEPTED
