"""Who may become a SaferPlan user by signing in with their organisation's account.

Nobody, unless a higher app vouches for them: the partnerships app registers a check that the
browser is accepting a pending invitation for exactly that email address (ADR 12). The
accounts app cannot look at invitations itself (it sits below partnerships), so it asks.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

NewcomerCheck = Callable[[HttpRequest, str], bool]
_checks: list[NewcomerCheck] = []


def newcomer_check_register(check: NewcomerCheck) -> None:
    """Add a function saying whether this browser may make a user for this email address."""
    if check not in _checks:
        _checks.append(check)


def newcomer_allowed(request: HttpRequest, email: str) -> bool:
    return any(check(request, email) for check in _checks)
