"""The demo's users and their roles, made through the accounts and partnerships services.

Every demo user has an address at example.org (reserved for examples, so no email reaches
anyone), and each helper looks before it writes, so a second `load_demo` changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import User

from apps.accounts.services import user_create, user_email_set
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services import (
    membership_add,
    membership_administrator_set,
    organisation_edit,
    person_create,
    person_link_user,
    person_update,
)

DEMO_EMAIL_DOMAIN = "example.org"


def demo_email(username: str) -> str:
    return f"{username}@{DEMO_EMAIL_DOMAIN}"


def demo_member(
    *,
    partnership: Partnership,
    username: str,
    role: str,
    password: str,
    administrator: bool = False,
) -> tuple[User, bool]:
    """The user (made with `password` if there is none yet, with their example.org address)
    as a member of the partnership in `role` unless a member already, holding the administrator
    duty if `administrator`; and whether the user is new."""
    user = User.objects.filter(username=username).first()
    created = user is None
    if user is None:
        user = user_create(username=username, password=password)
    if not user.email:
        user_email_set(user=user, email=demo_email(username), by=None)
    membership = partnership.memberships.filter(user=user).first()
    if membership is None:
        membership = membership_add(partnership=partnership, user=user, role=role, by=None)
    if administrator and not membership.is_administrator:
        membership_administrator_set(membership=membership, is_administrator=True, by=None)
    return user, created


def demo_person(
    *,
    partnership: Partnership,
    user: User,
    initials: str,
    name: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
) -> Person:
    """The person the user signs in as in this partnership: the one with these initials, made
    if the partnership has nobody by them, given the user's email, and linked to the user."""
    person = partnership.people.filter(initials=initials).first()
    if person is None:
        person = person_create(
            partnership=partnership,
            initials=initials,
            name=name,
            job_title=job_title,
            organisation=organisation,
            user=None,
        )
    if not person.email or (organisation is not None and person.organisation_id is None):
        person = person_update(
            person=person,
            name=person.name or name,
            initials=person.initials,
            job_title=person.job_title or job_title,
            organisation=person.organisation or organisation,
            email=person.email or user.email,
            user=None,
        )
    already = Person.objects.filter(partnership=partnership, user=user).exists()
    if person.user_id is None and not already:
        person_link_user(person=person, user=user, by=None)
    return person


def demo_organisation_kinds(
    *, partnership: Partnership, kinds: Mapping[str, tuple[str, str]]
) -> None:
    """Give the agencies an import added (by short name) their kind and, where the documents
    print only an abbreviation, their full name ("" keeps the name the import gave)."""
    for organisation in partnership.organisations.filter(short_name__in=kinds):
        kind, name = kinds[organisation.short_name]
        if organisation.kind != kind or (name and organisation.name != name):
            organisation_edit(
                organisation=organisation,
                name=name or organisation.name,
                short_name=organisation.short_name,
                aliases=organisation.aliases,
                kind=kind,
                user=None,
            )
