"""Who made a change, for django-simple-history, when a service saves outside a request
(imports, commands, rollovers) or on behalf of a user the middleware does not know."""

from __future__ import annotations

from typing import Any


def history_user_set(instance: Any, user: Any) -> None:
    """Record `user` as the author of the next history row `instance` writes (if signed in)."""
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
