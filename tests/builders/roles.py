"""Agencies, agency coordinators and partnership administrators for permission tests.

The partnerships services that set a person's organisation and the administrator duty are
being built beside this (issue 11), so the two fields are set here directly after the member is
made through the services."""

from __future__ import annotations

from django.contrib.auth.models import User

from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.services import organisation_create
from tests.builders.partnerships import member, person_of


def organisation(*, partnership: Partnership, short_name: str, name: str = "") -> Organisation:
    return organisation_create(partnership=partnership, short_name=short_name, name=name, user=None)


def coordinator(
    *,
    partnership: Partnership,
    organisation: Organisation,
    username: str | None = None,
    initials: str | None = None,
) -> User:
    """An agency coordinator who works for the organisation."""
    user = member(
        partnership=partnership,
        role=Membership.Role.COORDINATOR,
        username=username,
        initials=initials,
    )
    Person.objects.filter(pk=person_of(user, partnership).pk).update(organisation=organisation)
    return user


def person_in(person: Person, organisation: Organisation) -> Person:
    """The person, recorded as working for the organisation."""
    Person.objects.filter(pk=person.pk).update(organisation=organisation)
    person.refresh_from_db()
    return person


def administrator(
    *, partnership: Partnership, role: str = Membership.Role.VIEWER, username: str | None = None
) -> User:
    """A member holding the partnership administrator duty beside their role (a viewer unless
    said otherwise)."""
    user = member(partnership=partnership, role=role, username=username)
    Membership.objects.filter(partnership=partnership, user=user).update(is_administrator=True)
    return user
