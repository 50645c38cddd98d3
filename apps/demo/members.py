"""The demo's users and their roles, made through the accounts and partnerships services."""

from __future__ import annotations

from django.contrib.auth.models import User

from apps.accounts.services import user_create
from apps.partnerships.models import Partnership
from apps.partnerships.services import membership_add


def demo_member(
    *, partnership: Partnership, username: str, role: str, password: str
) -> tuple[User, bool]:
    """The user (made with `password` if there is none yet) as a member of the partnership in
    `role` unless a member already; and whether the user is new."""
    user = User.objects.filter(username=username).first()
    created = user is None
    if user is None:
        user = user_create(username=username, password=password)
    if not partnership.memberships.filter(user=user).exists():
        membership_add(partnership=partnership, user=user, role=role, by=None)
    return user, created
