"""Accepting an invitation by signing in with the organisation's account (ADR 12).

The invitation page keeps the link's token in the session while the browser visits the
identity provider; when the provider vouches for the invitation's own address, the accounts
app may make the user (this module's check, registered in PartnershipsConfig.ready), and the
browser comes back to the invitation page to join.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from apps.partnerships.services.invitations import invitation_check

INVITATION_SIGN_ON_SESSION_KEY = "saferplan_invitation_single_sign_on"


def invitation_newcomer(request: HttpRequest, email: str) -> bool:
    """Whether this browser is accepting a pending invitation for exactly this address."""
    session = getattr(request, "session", None)
    token = session.get(INVITATION_SIGN_ON_SESSION_KEY) if session is not None else None
    if not isinstance(token, str):
        return False
    try:
        invitation = invitation_check(token=token)
    except ValidationError:
        return False
    return invitation.email.strip().lower() == email.strip().lower()
