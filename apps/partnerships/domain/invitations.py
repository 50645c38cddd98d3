"""Invitation tokens and states: pure rules, no database."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

INVITATION_VALID_FOR = timedelta(days=7)

PENDING = "pending"
EXPIRED = "expired"
ACCEPTED = "accepted"
REVOKED = "revoked"


def token_new() -> str:
    """A new unguessable token for a link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored instead of the token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_state(
    *,
    expires_at: datetime,
    accepted_at: datetime | None,
    revoked_at: datetime | None,
    now: datetime,
) -> str:
    """Accepted and revoked are final; otherwise pending until it expires."""
    if accepted_at is not None:
        return ACCEPTED
    if revoked_at is not None:
        return REVOKED
    return PENDING if now < expires_at else EXPIRED
