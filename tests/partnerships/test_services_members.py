"""Writes to partnerships: a partnership found or made by name, its organisations and people."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.partnerships.models import Membership, Partnership
from apps.partnerships.selectors import role_in
from apps.partnerships.services.members import (
    MEMBERSHIP_EXISTS,
    MEMBERSHIP_ROLE_INVALID,
    ORGANISATION_ELSEWHERE,
    ORGANISATION_EXISTS,
    ORGANISATION_NAME_MISSING,
    ORGANISATION_SHORT_NAME_MISSING,
    PARTNERSHIP_NAME_MISSING,
    PERSON_EXISTS,
    PERSON_INITIALS_MISSING,
    PERSON_USER_TAKEN,
    membership_add,
    organisation_create,
    partnership_get_or_create,
    person_create,
    person_edit,
    person_link_user,
)
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def test_partnership_is_created_once_by_name() -> None:
    first = partnership_get_or_create(name="Bassetlaw CSP")
    again = partnership_get_or_create(name="Bassetlaw CSP")
    assert first.pk == again.pk
    assert first.slug == "bassetlaw-csp"
    assert Partnership.objects.filter(name="Bassetlaw CSP").count() == 1


def test_partnership_needs_a_name() -> None:
    with pytest.raises(ValidationError) as error:
        partnership_get_or_create(name="  ")
    assert error.value.message_dict == {"name": [PARTNERSHIP_NAME_MISSING]}


def test_organisation_is_created_with_its_short_name_tidied(partnership: Partnership) -> None:
    organisation = organisation_create(
        partnership=partnership,
        short_name="  Notts   Police ",
        name="Nottinghamshire Police",
        user=None,
    )
    assert (organisation.short_name, organisation.name) == (
        "Notts Police",
        "Nottinghamshire Police",
    )
    assert organisation.partnership == partnership


def test_organisation_needs_a_new_short_name(partnership: Partnership) -> None:
    organisation_create(partnership=partnership, short_name="CSP", name="The CSP", user=None)
    with pytest.raises(ValidationError) as error:
        organisation_create(partnership=partnership, short_name="CSP", name="Again", user=None)
    assert error.value.message_dict == {
        "short_name": [ORGANISATION_EXISTS.format(short_name="CSP")]
    }
    with pytest.raises(ValidationError) as error:
        organisation_create(partnership=partnership, short_name=" ", name="Nameless", user=None)
    assert error.value.message_dict == {"short_name": [ORGANISATION_SHORT_NAME_MISSING]}
    with pytest.raises(ValidationError) as error:
        organisation_create(partnership=partnership, short_name="OPCC", name="", user=None)
    assert error.value.message_dict == {"name": [ORGANISATION_NAME_MISSING]}


def test_person_is_created_and_the_history_says_who(
    partnership: Partnership, manager: User
) -> None:
    organisation = organisation_create(
        partnership=partnership, short_name="NSDC", name="Newark and Sherwood DC", user=manager
    )
    person = person_create(
        partnership=partnership,
        initials="JB",
        name="Jo Bloggs",
        organisation=organisation,
        job_title="Community safety officer",
        user=manager,
    )
    assert (person.initials, person.organisation) == ("JB", organisation)
    assert person.history.get().history_user == manager


def test_person_needs_new_initials_and_an_organisation_of_the_partnership(
    partnership: Partnership,
) -> None:
    person_create(partnership=partnership, initials="JB", user=None)
    with pytest.raises(ValidationError) as error:
        person_create(partnership=partnership, initials="JB", user=None)
    assert error.value.message_dict == {"initials": [PERSON_EXISTS.format(initials="JB")]}
    with pytest.raises(ValidationError) as error:
        person_create(partnership=partnership, initials="", user=None)
    assert error.value.message_dict == {"initials": [PERSON_INITIALS_MISSING]}
    elsewhere = organisation_create(
        partnership=builders.partnership(), short_name="CSP", name="Another CSP", user=None
    )
    with pytest.raises(ValidationError) as error:
        person_create(partnership=partnership, initials="AB", organisation=elsewhere, user=None)
    assert error.value.message_dict == {"organisation": [ORGANISATION_ELSEWHERE]}


def test_person_gets_the_name_and_job_title_the_plans_print(
    partnership: Partnership, manager: User
) -> None:
    person = person_create(partnership=partnership, initials="YS", user=None)
    person_edit(person=person, name=" Yvonne Swinton ", job_title="Manager", user=manager)
    person.refresh_from_db()
    assert (person.name, person.job_title) == ("Yvonne Swinton", "Manager")
    assert person.history.latest().history_user == manager


def test_a_user_signs_in_as_one_person_only(partnership: Partnership, manager: User) -> None:
    user = User.objects.create_user(username="ys", password="pw")
    ys = person_create(partnership=partnership, initials="YS", user=None)
    person_link_user(person=ys, user=user, by=manager)
    assert person_of(User.objects.get(username="ys")) == ys
    assert ys.history.latest().history_user == manager
    jw = person_create(partnership=partnership, initials="JW", user=None)
    with pytest.raises(ValidationError) as error:
        person_link_user(person=jw, user=user, by=manager)
    assert error.value.message_dict == {"user": [PERSON_USER_TAKEN.format(username="ys")]}
    person_link_user(person=ys, user=user, by=None)  # linking again changes nothing


def test_membership_gives_one_role_and_refuses_a_second(
    partnership: Partnership, manager: User
) -> None:
    user = User.objects.create_user(username="analyst", password="pw")
    assert role_in(user, partnership.pk) is None  # the roles are now cached on the user
    membership = membership_add(
        partnership=partnership, user=user, role=Membership.Role.ANALYST, by=manager
    )
    assert role_in(user, partnership.pk) == Membership.Role.ANALYST
    assert membership.history.get().history_user == manager
    with pytest.raises(ValidationError) as error:
        membership_add(partnership=partnership, user=user, role=Membership.Role.VIEWER, by=None)
    assert error.value.message_dict == {"user": [MEMBERSHIP_EXISTS.format(username="analyst")]}
    with pytest.raises(ValidationError) as error:
        membership_add(partnership=builders.partnership(), user=user, role="owner", by=None)
    assert error.value.message_dict == {"role": [MEMBERSHIP_ROLE_INVALID]}
    assert Membership.objects.filter(user=user).count() == 1
