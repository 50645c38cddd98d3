"""A partnership administrator's changes to who is a member in which role: changing a role,
the administrator duty, and ending a membership. A partnership always keeps a manager and an
administrator, so nobody can lock the partnership out of its own pages."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.partnerships.models import Membership, Person
from apps.partnerships.selectors import forget_roles
from apps.partnerships.services.members import MEMBERSHIP_ROLE_INVALID

LAST_MANAGER = (
    "{username} is the partnership’s only manager. Make somebody else partnership manager first"
)
LAST_ADMINISTRATOR = (
    "{username} is the partnership’s only administrator. Make somebody else an administrator first"
)
COORDINATOR_WITHOUT_ORGANISATION = (
    "An agency coordinator answers for their organisation’s actions: give {username} an "
    "organisation on the people page first"
)


def _others(membership: Membership) -> list[Membership]:
    """The partnership's other memberships, locked until the change is saved, so two
    administrators removing each other at once cannot leave nobody."""
    return list(
        Membership.objects.select_for_update()
        .filter(partnership_id=membership.partnership_id)
        .exclude(pk=membership.pk)
    )


def _is_last_manager(membership: Membership) -> bool:
    return membership.role == Membership.Role.MANAGER and not any(
        other.role == Membership.Role.MANAGER for other in _others(membership)
    )


def _is_last_administrator(membership: Membership) -> bool:
    return membership.is_administrator and not any(
        other.is_administrator for other in _others(membership)
    )


def _forget(membership: Membership, by: User | None) -> None:
    """Drop the cached roles of the member, and of whoever made the change if it is the same
    user loaded separately (an administrator changing their own membership)."""
    forget_roles(membership.user)
    if by is not None and by.pk == membership.user_id:
        forget_roles(by)


def _save(membership: Membership, by: User | None) -> Membership:
    membership.full_clean()
    history_user_set(membership, by)
    membership.save()
    _forget(membership, by)
    return membership


@transaction.atomic
def membership_role_set(*, membership: Membership, role: str, by: User | None) -> Membership:
    """Give the member another role. The last manager keeps theirs; an agency coordinator
    must be a person of an organisation in the partnership, which is what they answer for."""
    username = membership.user.get_username()
    if role not in Membership.Role.values:
        raise ValidationError({"role": MEMBERSHIP_ROLE_INVALID})
    if role != Membership.Role.MANAGER and _is_last_manager(membership):
        raise ValidationError({"role": LAST_MANAGER.format(username=username)})
    if role == Membership.Role.COORDINATOR:
        person = Person.objects.filter(
            partnership_id=membership.partnership_id, user_id=membership.user_id
        ).first()
        if person is None or person.organisation_id is None:
            raise ValidationError(
                {"role": COORDINATOR_WITHOUT_ORGANISATION.format(username=username)}
            )
    membership.role = role
    return _save(membership, by)


@transaction.atomic
def membership_administrator_set(
    *, membership: Membership, is_administrator: bool, by: User | None
) -> Membership:
    """Give or take away the partnership administrator duty; the last administrator keeps it."""
    if not is_administrator and _is_last_administrator(membership):
        username = membership.user.get_username()
        raise ValidationError({"is_administrator": LAST_ADMINISTRATOR.format(username=username)})
    membership.is_administrator = is_administrator
    return _save(membership, by)


@transaction.atomic
def membership_end(*, membership: Membership, by: User | None) -> None:
    """End the membership: the user no longer sees the partnership.

    The membership's history keeps who it was, in which role, until when and who ended it. The
    person the user signed in as stays, with the actions they led, but nobody signs in as them
    until an administrator links a user again.
    """
    username = membership.user.get_username()
    if _is_last_manager(membership):
        raise ValidationError(LAST_MANAGER.format(username=username))
    if _is_last_administrator(membership):
        raise ValidationError(LAST_ADMINISTRATOR.format(username=username))
    for person in Person.objects.filter(
        partnership_id=membership.partnership_id, user_id=membership.user_id
    ):
        person.user = None
        history_user_set(person, by)
        person.save(update_fields=["user"])
    history_user_set(membership, by)
    membership.delete()
    _forget(membership, by)
