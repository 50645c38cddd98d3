"""Keeping an uploaded workbook between its preview and the manager's confirmation.

The bytes wait in the session (base64, one workbook per plan or partnership, 3 MB at most),
under a random token the confirmation form sends back; confirming re-checks them from scratch.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from typing import Any

from apps.importers.domain.workbook.layout import MAX_UPLOAD_BYTES

SESSION_KEY = "pending-workbooks"


def pending_store(session: Any, *, scope: str, data: bytes, **extra: str) -> str:
    """Keep the workbook for `scope` (replacing any earlier one) and return its token."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError("workbook too large to keep")
    token = secrets.token_urlsafe(16)
    pending = dict(session.get(SESSION_KEY, {}))
    pending[scope] = {"token": token, "data": base64.b64encode(data).decode("ascii"), **extra}
    session[SESSION_KEY] = pending
    return token


def pending_take(session: Any, *, scope: str, token: str) -> dict[str, Any] | None:
    """The kept workbook (bytes under "data") if the token matches; it is then forgotten."""
    pending = dict(session.get(SESSION_KEY, {}))
    entry = pending.get(scope)
    if not entry or not token or not secrets.compare_digest(entry.get("token", ""), token):
        return None
    del pending[scope]
    session[SESSION_KEY] = pending
    try:
        data = base64.b64decode(entry["data"], validate=True)
    except (binascii.Error, ValueError, TypeError):
        return None
    return {**entry, "data": data}
