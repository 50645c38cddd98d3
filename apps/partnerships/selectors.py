"""Reads about partnerships: what role a user holds in each, looked up once per request and
cached on the user."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from apps.partnerships.models import Membership

_CACHE_ATTRIBUTE = "_saferplan_roles"


def roles_for(user: User | AnonymousUser) -> dict[int, str]:
    """Map of partnership id to role for this user; empty for anonymous visitors."""
    if isinstance(user, AnonymousUser):  # the one kind of user that is not signed in
        return {}
    cached: dict[int, str] | None = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = dict(Membership.objects.filter(user=user).values_list("partnership_id", "role"))
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def role_in(user: User | AnonymousUser, partnership_id: int) -> str | None:
    return roles_for(user).get(partnership_id)


def forget_roles(user: User) -> None:
    """Drop the cached roles after a membership changes."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)
