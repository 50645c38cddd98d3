"""Writes to partnerships: the partnership itself, its organisations, its people and who is a
member in which role."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from apps.core.history import history_user_set
from apps.core.text import text_key, text_squash
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.selectors import forget_roles

PARTNERSHIP_NAME_MISSING = "Enter the name of the partnership"
ORGANISATION_SHORT_NAME_MISSING = "Enter the organisation’s short name, for example CSP or NSDC"
ORGANISATION_NAME_MISSING = "Enter the organisation’s full name"
ORGANISATION_EXISTS = "The partnership already has an organisation called {short_name}"
PERSON_INITIALS_MISSING = "Enter the person’s initials"
PERSON_EXISTS = "Somebody in the partnership already has the initials {initials}"
ORGANISATION_ELSEWHERE = "Choose an organisation of the same partnership"
MEMBERSHIP_EXISTS = "{username} is already a member of the partnership"
MEMBERSHIP_ROLE_INVALID = (
    "Choose a role: partnership manager, action lead, agency coordinator, performance analyst "
    "or viewer"
)
PERSON_USER_TAKEN = "{username} already signs in as somebody else in this partnership"


def partnership_get_or_create(*, name: str) -> Partnership:
    """The partnership with this name, created (its slug from the name) if there is none."""
    if not name.strip():
        raise ValidationError({"name": PARTNERSHIP_NAME_MISSING})
    existing = Partnership.objects.filter(name=name).first()
    if existing is not None:
        return existing
    partnership = Partnership(name=name, slug=slugify(name)[:200] or "partnership")
    partnership.full_clean()
    partnership.save()
    return partnership


def _aliases_clean(aliases: Iterable[str], short_name: str) -> list[str]:
    """Each alias once, spacing collapsed, blanks and the short name itself left out."""
    kept: dict[str, str] = {}
    for alias in aliases:
        alias = text_squash(alias)
        if alias and text_key(alias) != text_key(short_name):
            kept.setdefault(text_key(alias), alias)
    return list(kept.values())


def organisation_create(
    *,
    partnership: Partnership,
    short_name: str,
    name: str,
    aliases: Iterable[str] = (),
    kind: str = Organisation.Kind.OTHER,
    user: User | None,
) -> Organisation:
    """An agency or body of the partnership that can lead actions, with the other ways its
    documents print it (``aliases``).

    The user is None for an import from the command line, where nobody is signed in.
    """
    short_name = text_squash(short_name)
    errors = {}
    if not short_name:
        errors["short_name"] = ORGANISATION_SHORT_NAME_MISSING
    elif partnership.organisations.filter(short_name=short_name).exists():
        errors["short_name"] = ORGANISATION_EXISTS.format(short_name=short_name)
    if not name.strip():
        errors["name"] = ORGANISATION_NAME_MISSING
    if errors:
        raise ValidationError(errors)
    organisation = Organisation(
        partnership=partnership,
        short_name=short_name,
        name=name.strip(),
        aliases=_aliases_clean(aliases, short_name),
        kind=kind,
    )
    organisation.full_clean()
    history_user_set(organisation, user)
    organisation.save()
    return organisation


def organisation_aliases_set(
    *, organisation: Organisation, aliases: Iterable[str], user: User | None
) -> Organisation:
    """The other ways this partnership's documents print the organisation ("Bolsover DC",
    "BDC"), so their leads resolve to it. Refused if another organisation of the partnership
    is already known by one of them. The user is None for the command line (the demo)."""
    organisation.aliases = _aliases_clean(aliases, organisation.short_name)
    organisation.full_clean()
    history_user_set(organisation, user)
    organisation.save()
    return organisation


def person_create(
    *,
    partnership: Partnership,
    initials: str,
    name: str = "",
    organisation: Organisation | None = None,
    job_title: str = "",
    email: str = "",
    user: User | None,
) -> Person:
    """Somebody in the partnership who leads or updates actions, known by their initials.

    The user is None for an import from the command line, where nobody is signed in.
    """
    initials = text_squash(initials)
    if not initials:
        raise ValidationError({"initials": PERSON_INITIALS_MISSING})
    if partnership.people.filter(initials=initials).exists():
        raise ValidationError({"initials": PERSON_EXISTS.format(initials=initials)})
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ValidationError({"organisation": ORGANISATION_ELSEWHERE})
    person = Person(
        partnership=partnership,
        initials=initials,
        name=name.strip(),
        organisation=organisation,
        job_title=job_title.strip(),
        email=email.strip(),
    )
    person.full_clean()
    history_user_set(person, user)
    person.save()
    return person


def person_edit(*, person: Person, name: str, job_title: str, user: User | None) -> Person:
    """A person's full name and job title, as the plans' author lines print them.

    The user is None for the command line (the demo), where nobody is signed in.
    """
    person.name, person.job_title = name.strip(), job_title.strip()
    person.full_clean()
    history_user_set(person, user)
    person.save()
    return person


def person_link_user(*, person: Person, user: User, by: User | None) -> Person:
    """Let `user` sign in as `person`, so the actions the person leads are theirs to update.

    A user is one person in each partnership (and may be people in several). `by` is who made
    the link (None for the command line).
    """
    taken = (
        Person.objects.filter(user=user, partnership_id=person.partnership_id)
        .exclude(pk=person.pk)
        .exists()
    )
    if taken:
        raise ValidationError({"user": PERSON_USER_TAKEN.format(username=user.get_username())})
    person.user = user
    person.full_clean()
    history_user_set(person, by)
    person.save()
    return person


def membership_add(
    *,
    partnership: Partnership,
    user: User,
    role: str,
    is_administrator: bool = False,
    by: User | None,
) -> Membership:
    """Make `user` a member of the partnership in `role`; the role decides what they may change.

    A user holds one role in a partnership, so a second membership is refused. `by` is who
    added them (None for the command line). `is_administrator` gives them the partnership
    administrator duty beside their role.
    """
    if role not in Membership.Role.values:
        raise ValidationError({"role": MEMBERSHIP_ROLE_INVALID})
    if partnership.memberships.filter(user=user).exists():
        raise ValidationError({"user": MEMBERSHIP_EXISTS.format(username=user.get_username())})
    membership = Membership(
        partnership=partnership, user=user, role=role, is_administrator=is_administrator
    )
    membership.full_clean()
    history_user_set(membership, by)
    membership.save()
    forget_roles(user)
    return membership
