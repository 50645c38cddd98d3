"""One way for a view to load an object it may act on: 404 if it does not exist, 403 if the
signed-in user lacks the permission on it (django-rules decides, from the partnership that owns
the object)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def permission_require(user: User | AnonymousUser, permission: str, obj: Model) -> None:
    """Refuse (403) unless the user has the permission on this object."""
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def object_get_or_403(
    queryset: QuerySet[M] | type[M], *, user: User | AnonymousUser, permission: str, **lookup: Any
) -> M:
    """The object the lookup names (404 if none), provided the user has the permission on it."""
    obj: M = get_object_or_404(queryset, **lookup)
    permission_require(user, permission, obj)
    return obj
