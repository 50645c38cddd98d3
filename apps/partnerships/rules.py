"""Object permissions for partnerships (loaded by rules' autodiscovery)."""

from __future__ import annotations

from typing import Any

import rules

from apps.partnerships.models import Membership
from apps.partnerships.roles import role_in


@rules.predicate
def is_partnership_member(user: Any, partnership: Any) -> bool:
    return partnership is not None and role_in(user, partnership.pk) is not None


@rules.predicate
def is_partnership_manager(user: Any, partnership: Any) -> bool:
    return partnership is not None and role_in(user, partnership.pk) == Membership.Role.MANAGER


rules.add_perm("partnerships.view_partnership", is_partnership_member)
rules.add_perm("partnerships.manage_partnership", is_partnership_manager)
