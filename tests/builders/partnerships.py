"""Partnerships, their people and signed-in members, through the accounts and partnerships
services. The partnership itself is plain ORM: its only service, `partnership_get_or_create`,
finds one by name, which would hide a clash between two tests' partnerships."""

from __future__ import annotations

import itertools

from django.contrib.auth.models import User

from apps.accounts.services import user_create
from apps.partnerships.models import Partnership, Person
from apps.partnerships.services import (
    InvitationSent,
    invitation_create,
    membership_add,
    membership_administrator_set,
    person_create,
    person_link_user,
)

_counter = itertools.count(1)


def next_number() -> int:
    """A number no other builder call in this process has had, for unique names."""
    return next(_counter)


def partnership(name: str | None = None) -> Partnership:
    n = next_number()
    return Partnership.objects.create(name=name or f"Test CSP {n}", slug=f"test-csp-{n}")


def person(*, partnership: Partnership, initials: str, name: str = "") -> Person:
    return person_create(partnership=partnership, initials=initials, name=name, user=None)


def member(
    *,
    partnership: Partnership,
    role: str,
    username: str | None = None,
    initials: str | None = None,
) -> User:
    n = next_number()
    user = user_create(username=username or f"user{n}", password="pw-for-tests-1")
    membership_add(partnership=partnership, user=user, role=role, by=None)
    made = person_create(
        partnership=partnership, initials=initials or f"U{n}", name=f"User {n}", user=None
    )
    person_link_user(person=made, user=user, by=None)
    return user


def person_of(user: User, partnership: Partnership | None = None) -> Person:
    """Who the user is (in the partnership, when they are a person in several)."""
    people = Person.objects.filter(user=user)
    if partnership is not None:
        people = people.filter(partnership=partnership)
    return people.get()


def invitation(
    *,
    partnership: Partnership,
    email: str | None = None,
    role: str = "lead",
    person: Person | None = None,
    by: User | None = None,
) -> InvitationSent:
    """An invitation emailed through the service; `.link` is the one-time link."""
    return invitation_create(
        partnership=partnership,
        email=email or f"invitee{next_number()}@example.org",
        role=role,
        person=person,
        name="" if person else "Sam Invitee",
        by=by,
    )


def token_of(sent: InvitationSent) -> str:
    """The token at the end of an invitation's link."""
    return sent.link.rstrip("/").rsplit("/", 1)[-1]


def administrator(
    *, partnership: Partnership, role: str = "manager", username: str | None = None
) -> User:
    """A member (the manager unless said) who also holds the partnership administrator duty."""
    user = member(partnership=partnership, role=role, username=username)
    membership_administrator_set(
        membership=user.memberships.get(partnership=partnership), is_administrator=True, by=None
    )
    return user
