"""Whether a partnership requires two-factor sign-in of its managers and administrators."""

from __future__ import annotations

from django.contrib.auth.models import User

from apps.core.history import history_user_set
from apps.partnerships.models import Partnership


def partnership_two_factor_set(
    *, partnership: Partnership, required: bool, user: User | None
) -> Partnership:
    """Require (or stop requiring) an authenticator app code from the partnership's managers
    and administrators when they sign in. Those without one are asked to set it up next."""
    partnership.require_two_factor_for_managers = required
    partnership.full_clean()
    history_user_set(partnership, user)
    partnership.save(update_fields=["require_two_factor_for_managers"])
    return partnership
