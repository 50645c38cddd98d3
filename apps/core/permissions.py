"""One way for a view to load an object it may act on: 404 if it does not exist, 403 if the
signed-in user lacks the permission on it (django-rules decides, from the partnership that owns
the object).

A refusal may carry a reason the person can act on ("This plan is archived: it can no longer be
changed"): apps register a function that explains a refusal (`refusal_reason_register`), asked
only once the answer is no, and the 403 page prints what it says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)

RefusalReason = Callable[[User | AnonymousUser, str, Any], str | None]
_refusal_reasons: list[RefusalReason] = []


class Refused(PermissionDenied):
    """A 403 with a reason in words the person understands, printed on the error page."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def refusal_reason_register(reason: RefusalReason) -> None:
    """Add a function saying why a permission was refused (or None when it cannot say)."""
    if reason not in _refusal_reasons:
        _refusal_reasons.append(reason)


def refusal_reason(user: User | AnonymousUser, permission: str, obj: Any) -> str | None:
    """The first registered explanation of this refusal, if any."""
    for reason in _refusal_reasons:
        said = reason(user, permission, obj)
        if said:
            return said
    return None


def permission_require(user: User | AnonymousUser, permission: str, obj: Model) -> None:
    """Refuse (403) unless the user has the permission on this object, saying why if an app
    can tell."""
    if not user.has_perm(permission, obj):
        reason = refusal_reason(user, permission, obj)
        if reason:
            raise Refused(reason)
        raise PermissionDenied


def object_get_or_403(
    queryset: QuerySet[M] | type[M], *, user: User | AnonymousUser, permission: str, **lookup: Any
) -> M:
    """The object the lookup names (404 if none), provided the user has the permission on it."""
    obj: M = get_object_or_404(queryset, **lookup)
    permission_require(user, permission, obj)
    return obj
