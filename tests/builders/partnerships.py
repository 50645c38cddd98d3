"""Partnerships, their people and signed-in members.

Plain ORM: no app has a service that creates a partnership, a person or a membership (the
importer's `partnership_get_or_create` finds one by name, which would hide a clash here).
"""

from __future__ import annotations

import itertools

from django.contrib.auth.models import User

from apps.partnerships.models import Membership, Partnership, Person

_counter = itertools.count(1)


def next_number() -> int:
    """A number no other builder call in this process has had, for unique names."""
    return next(_counter)


def partnership(name: str | None = None) -> Partnership:
    n = next_number()
    return Partnership.objects.create(name=name or f"Test CSP {n}", slug=f"test-csp-{n}")


def person(*, partnership: Partnership, initials: str, name: str = "") -> Person:
    return Person.objects.create(partnership=partnership, initials=initials, name=name)


def member(
    *,
    partnership: Partnership,
    role: str,
    username: str | None = None,
    initials: str | None = None,
) -> User:
    n = next_number()
    user = User.objects.create_user(username=username or f"user{n}", password="pw-for-tests-1")
    Membership.objects.create(partnership=partnership, user=user, role=role)
    Person.objects.create(
        partnership=partnership, initials=initials or f"U{n}", name=f"User {n}", user=user
    )
    return user
