"""Membership predicates every app's permissions are built from (loaded by rules' autodiscovery).

An object belongs to the partnership it names (`partnership_id`) or, deeper in a plan or a
framework, to the one its `owner_partnership_id` property walks up to. Selectors join those
parents already, so a check costs nothing beyond the once-per-request role lookup.
"""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.auth.models import AnonymousUser, User

from apps.partnerships.models import Membership, Partnership
from apps.partnerships.selectors import administers, role_in


def owning_partnership_id(obj: Any) -> int | None:
    """The id of the partnership that owns this object, or None for anything else."""
    if obj is None:
        return None
    if isinstance(obj, Partnership):
        return obj.pk
    partnership_id = getattr(obj, "partnership_id", None)
    if partnership_id is None:
        partnership_id = getattr(obj, "owner_partnership_id", None)
    return partnership_id if isinstance(partnership_id, int) else None


def role_for(user: User | AnonymousUser, obj: Any) -> str | None:
    """The user's role in the partnership that owns obj, or None if they are not a member."""
    partnership_id = owning_partnership_id(obj)
    return None if partnership_id is None else role_in(user, partnership_id)


def has_role(*roles: str) -> Any:
    """A predicate: the user holds one of these roles in the partnership that owns the object."""
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_role({', '.join(sorted(wanted))})")
    def predicate(user: User | AnonymousUser, obj: Any) -> bool:
        return role_for(user, obj) in wanted

    return predicate


@rules.predicate
def is_member(user: User | AnonymousUser, obj: Any) -> bool:
    return role_for(user, obj) is not None


is_manager = has_role(Membership.Role.MANAGER)
is_coordinator = has_role(Membership.Role.COORDINATOR)


@rules.predicate
def is_administrator(user: User | AnonymousUser, obj: Any) -> bool:
    """Holds the partnership administrator duty in the partnership that owns obj."""
    partnership_id = owning_partnership_id(obj)
    return partnership_id is not None and administers(user, partnership_id)


rules.add_perm("partnerships.view_partnership", is_member)
rules.add_perm("partnerships.manage_partnership", is_manager)
rules.add_perm("partnerships.administer_partnership", is_administrator)
