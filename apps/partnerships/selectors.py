"""Reads about partnerships: what role a user holds in each (and whether they administer it),
and who they are in each, looked up once per request and cached on the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from apps.partnerships.models import Invitation, Membership, Organisation, Partnership, Person

_CACHE_ATTRIBUTE = "_saferplan_roles"
_ADMIN_ATTRIBUTE = "_saferplan_administers"
_PEOPLE_ATTRIBUTE = "_saferplan_people"


def roles_for(user: User | AnonymousUser) -> dict[int, str]:
    """Map of partnership id to role for this user; empty for anonymous visitors."""
    if isinstance(user, AnonymousUser):  # the one kind of user that is not signed in
        return {}
    cached: dict[int, str] | None = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        rows = list(
            Membership.objects.filter(user=user).values_list(
                "partnership_id", "role", "is_administrator"
            )
        )
        cached = {partnership_id: role for partnership_id, role, _ in rows}
        setattr(user, _CACHE_ATTRIBUTE, cached)
        setattr(user, _ADMIN_ATTRIBUTE, {pid for pid, _, admin in rows if admin})
    return cached


def role_in(user: User | AnonymousUser, partnership_id: int) -> str | None:
    return roles_for(user).get(partnership_id)


def administers(user: User | AnonymousUser, partnership_id: int) -> bool:
    """Whether the user holds the partnership administrator duty there."""
    roles_for(user)
    return partnership_id in getattr(user, _ADMIN_ATTRIBUTE, set())


def person_for(user: User | AnonymousUser, partnership_id: int) -> Person | None:
    """Who the user is in this partnership (the person whose actions they lead), or None."""
    if isinstance(user, AnonymousUser):
        return None
    cached: dict[int, Person] | None = getattr(user, _PEOPLE_ATTRIBUTE, None)
    if cached is None:
        cached = {
            person.partnership_id: person
            for person in Person.objects.filter(user=user).select_related("organisation")
        }
        setattr(user, _PEOPLE_ATTRIBUTE, cached)
    return cached.get(partnership_id)


def forget_roles(user: User) -> None:
    """Drop the cached roles and people after a membership or person changes."""
    for attribute in (_CACHE_ATTRIBUTE, _ADMIN_ATTRIBUTE, _PEOPLE_ATTRIBUTE):
        if hasattr(user, attribute):
            delattr(user, attribute)


def member_user_ids(*, partnership_id: int) -> QuerySet[Membership, int]:
    """The ids of the partnership's signed-in members, as a subquery."""
    return Membership.objects.filter(partnership_id=partnership_id).values_list(
        "user_id", flat=True
    )


def invitation_list_open(*, partnership_id: int) -> QuerySet[Invitation]:
    """Invitations not yet accepted or revoked (expired ones too, to send again), newest first."""
    return Invitation.objects.filter(
        partnership_id=partnership_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("invited_by", "person", "organisation")


def people_to_invite(*, partnership_id: int) -> QuerySet[Person]:
    """The partnership's active people who do not sign in yet: whom an invitation may name."""
    return Person.objects.filter(
        partnership_id=partnership_id, user__isnull=True, active=True
    ).select_related("organisation")


def organisations_active(*, partnership_id: int) -> QuerySet[Organisation]:
    """The partnership's active agencies, by name: those a person may be said to work for."""
    return Organisation.objects.filter(partnership_id=partnership_id, active=True).order_by(
        "name", "short_name"
    )


def two_factor_required(user: User) -> bool:
    """Whether a partnership the user manages or administers requires two-factor sign-in."""
    return (
        Membership.objects.filter(user=user, partnership__require_two_factor_for_managers=True)
        .filter(Q(role=Membership.Role.MANAGER) | Q(is_administrator=True))
        .exists()
    )


def organisation_list(*, partnership: Partnership) -> QuerySet[Organisation]:
    """The partnership's agencies, active ones first, each with how many people it has."""
    return partnership.organisations.order_by("-active", "short_name")


def person_list(*, partnership: Partnership) -> QuerySet[Person]:
    """The partnership's people, active ones first, with their organisation and user."""
    return partnership.people.select_related("organisation", "user").order_by("-active", "initials")


@dataclass(frozen=True)
class MemberRow:
    """A member as the members page lists them: the membership and who they are there."""

    membership: Membership
    person: Person | None


def membership_list(*, partnership: Partnership) -> list[MemberRow]:
    """The partnership's members by username, each with the person they sign in as (two
    queries whatever the number of members)."""
    memberships = partnership.memberships.select_related("user").order_by("user__username")
    people = {
        person.user_id: person
        for person in partnership.people.filter(user__isnull=False).select_related("organisation")
    }
    return [MemberRow(membership=m, person=people.get(m.user_id)) for m in memberships]


@dataclass(frozen=True)
class EndedMembership:
    username: str
    role_label: str
    ended_at: datetime
    ended_by: str


def membership_ended_list(*, partnership: Partnership) -> list[EndedMembership]:
    """Memberships that were ended, newest first, from the memberships' history."""
    rows = (
        Membership.history.filter(partnership_id=partnership.pk, history_type="-")
        .select_related("user", "history_user")
        .order_by("-history_date")
    )
    labels = dict(Membership.Role.choices)
    return [
        EndedMembership(
            username=row.user.get_username() if row.user else "",
            role_label=str(labels.get(row.role, row.role)),
            ended_at=row.history_date,
            ended_by=row.history_user.get_username() if row.history_user else "",
        )
        for row in rows
    ]
