"""Who made a change, for django-simple-history, when a service saves outside a request
(imports, commands, rollovers) or on behalf of a user the middleware does not know."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Model


def history_user_set(instance: Model, user: User | AnonymousUser | None) -> None:
    """Record `user` as the author of the next history row `instance` writes (if signed in).

    None stands for the command line (imports and the demo), where nobody is signed in.
    """
    if user is not None and user.is_authenticated:
        instance._history_user = user  # type: ignore[attr-defined]
