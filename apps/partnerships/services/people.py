"""A partnership administrator's changes to the people of the partnership: who they are, their
organisation and email, which user signs in as them, and deactivating them (never deleting:
the actions they led and the updates they wrote stay)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.core.text import text_squash
from apps.partnerships.models import Organisation, Person
from apps.partnerships.selectors import forget_roles
from apps.partnerships.services.members import (
    ORGANISATION_ELSEWHERE,
    PERSON_EXISTS,
    PERSON_INITIALS_MISSING,
    PERSON_USER_TAKEN,
)

PERSON_USER_NOT_MEMBER = "{username} is not a member of the partnership: add them first"


@transaction.atomic
def person_update(
    *,
    person: Person,
    name: str,
    initials: str,
    job_title: str,
    organisation: Organisation | None,
    email: str,
    user: User | None,
) -> Person:
    """Change everything an administrator may say about a person.

    The initials are how the plans print them, so they stay unique in the partnership.
    """
    initials = text_squash(initials)
    if not initials:
        raise ValidationError({"initials": PERSON_INITIALS_MISSING})
    clash = Person.objects.filter(partnership_id=person.partnership_id, initials=initials)
    if clash.exclude(pk=person.pk).exists():
        raise ValidationError({"initials": PERSON_EXISTS.format(initials=initials)})
    if organisation is not None and organisation.partnership_id != person.partnership_id:
        raise ValidationError({"organisation": ORGANISATION_ELSEWHERE})
    person.name = name.strip()
    person.initials = initials
    person.job_title = job_title.strip()
    person.organisation = organisation
    person.email = email.strip()
    person.full_clean()
    history_user_set(person, user)
    person.save()
    return person


@transaction.atomic
def person_set_user(*, person: Person, signs_in_as: User | None, user: User | None) -> Person:
    """Which member of the partnership signs in as this person (None: nobody).

    Only a member may be linked, and a user is one person in each partnership (and may be
    people in several partnerships). ``user`` is who made the change.
    """
    previous = person.user
    if signs_in_as is not None:
        name = signs_in_as.get_username()
        if not signs_in_as.memberships.filter(partnership_id=person.partnership_id).exists():
            raise ValidationError({"user": PERSON_USER_NOT_MEMBER.format(username=name)})
        taken = Person.objects.filter(user=signs_in_as, partnership_id=person.partnership_id)
        if taken.exclude(pk=person.pk).exists():
            raise ValidationError({"user": PERSON_USER_TAKEN.format(username=name)})
    person.user = signs_in_as
    person.full_clean()
    history_user_set(person, user)
    person.save(update_fields=["user"])
    for changed in (previous, signs_in_as):
        if changed is not None:
            forget_roles(changed)
    return person


def person_set_active(*, person: Person, active: bool, user: User | None) -> Person:
    """Deactivate a person (no longer offered as a lead) or bring them back.

    The actions they led and the updates they wrote keep their name.
    """
    person.active = active
    person.full_clean()
    history_user_set(person, user)
    person.save(update_fields=["active"])
    return person
