"""A partnership administrator's writes: organisations and people edited and deactivated (never
deleted), members' roles and the administrator duty, and ended memberships kept in history."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.accounts.services import user_create, user_email_set
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.selectors import (
    administers,
    membership_ended_list,
    person_for,
    role_in,
)
from apps.partnerships.services import (
    LeadResolver,
    membership_add,
    membership_administrator_set,
    membership_end,
    membership_role_set,
    organisation_create,
    organisation_edit,
    organisation_set_active,
    person_create,
    person_set_active,
    person_set_user,
    person_update,
)
from apps.partnerships.services.members import (
    MEMBERSHIP_ROLE_INVALID,
    ORGANISATION_ELSEWHERE,
    ORGANISATION_EXISTS,
    PERSON_EXISTS,
    PERSON_USER_TAKEN,
)
from apps.partnerships.services.memberships import (
    COORDINATOR_WITHOUT_ORGANISATION,
    LAST_ADMINISTRATOR,
    LAST_MANAGER,
)
from apps.partnerships.services.organisations import ORGANISATION_KIND_INVALID
from apps.partnerships.services.people import PERSON_USER_NOT_MEMBER
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(partnership: Partnership) -> User:
    return builders.administrator(partnership=partnership, username="admin")


def _police(partnership: Partnership) -> Organisation:
    return organisation_create(
        partnership=partnership,
        short_name="Notts Police",
        name="Nottinghamshire Police",
        aliases=["Police"],
        kind=Organisation.Kind.POLICE,
        user=None,
    )


def _membership(user: User, partnership: Partnership) -> Membership:
    return Membership.objects.get(user=user, partnership=partnership)


# Organisations


def test_organisation_edit_changes_names_and_kind_and_records_who(
    partnership: Partnership, admin: User
) -> None:
    police = _police(partnership)
    organisation_edit(
        organisation=police,
        name="Nottinghamshire Police",
        short_name="NP",
        aliases=["Police", "Notts Constabulary"],
        kind=Organisation.Kind.POLICE,
        user=admin,
    )
    police.refresh_from_db()
    assert police.short_name == "NP"
    # Earlier documents print the old short name: it stays among the other names.
    assert police.aliases == ["Police", "Notts Constabulary", "Notts Police"]
    assert police.history.first().history_user == admin
    resolver = LeadResolver(partnership)
    assert resolver.find("Notts Police") == police


def test_organisation_edit_refuses_a_short_name_another_organisation_has(
    partnership: Partnership, admin: User
) -> None:
    police = _police(partnership)
    organisation_create(partnership=partnership, short_name="NFRS", name="Fire", user=None)
    with pytest.raises(ValidationError) as error:
        organisation_edit(
            organisation=police,
            name=police.name,
            short_name="NFRS",
            aliases=[],
            kind=police.kind,
            user=admin,
        )
    assert error.value.message_dict == {
        "short_name": [ORGANISATION_EXISTS.format(short_name="NFRS")]
    }
    police.refresh_from_db()
    assert police.short_name == "Notts Police"


def test_organisation_edit_refuses_an_unknown_kind(partnership: Partnership, admin: User) -> None:
    police = _police(partnership)
    with pytest.raises(ValidationError) as error:
        organisation_edit(
            organisation=police,
            name=police.name,
            short_name=police.short_name,
            aliases=[],
            kind="constabulary",
            user=admin,
        )
    assert error.value.message_dict == {"kind": [ORGANISATION_KIND_INVALID]}


def test_a_deactivated_organisation_keeps_its_actions_and_is_still_matched_by_imports(
    partnership: Partnership, admin: User
) -> None:
    police = _police(partnership)
    plan = builders.small_plan(partnership=partnership)
    plan.actions[0].lead_organisations.add(police)
    organisation_set_active(organisation=police, active=False, user=admin)
    police.refresh_from_db()
    assert not police.active
    assert list(police.led_actions.all()) == [plan.actions[0]]
    assert police.history.first().history_user == admin
    # A document printing it matches it rather than adding a second Notts Police.
    before = partnership.organisations.count()
    resolver = LeadResolver(partnership)
    assert resolver.resolve("Notts Police") == police
    assert resolver.resolve("Police") == police
    assert partnership.organisations.count() == before
    organisation_set_active(organisation=police, active=True, user=admin)
    police.refresh_from_db()
    assert police.active


# People


def test_person_update_changes_everything_an_administrator_may_say(
    partnership: Partnership, admin: User
) -> None:
    police = _police(partnership)
    person = builders.person(partnership=partnership, initials="JS")
    person_update(
        person=person,
        name=" Jane Smith ",
        initials="JSm",
        job_title="Inspector",
        organisation=police,
        email="jane.smith@notts.police.example",
        user=admin,
    )
    person.refresh_from_db()
    assert (person.name, person.initials, person.job_title, person.organisation, person.email) == (
        "Jane Smith",
        "JSm",
        "Inspector",
        police,
        "jane.smith@notts.police.example",
    )
    assert person.history.first().history_user == admin


def test_person_update_refuses_initials_somebody_else_has(
    partnership: Partnership, admin: User
) -> None:
    builders.person(partnership=partnership, initials="JS")
    other = builders.person(partnership=partnership, initials="KS")
    with pytest.raises(ValidationError) as error:
        person_update(
            person=other,
            name="",
            initials="JS",
            job_title="",
            organisation=None,
            email="",
            user=admin,
        )
    assert error.value.message_dict == {"initials": [PERSON_EXISTS.format(initials="JS")]}


def test_person_update_refuses_an_organisation_of_another_partnership(
    partnership: Partnership, admin: User
) -> None:
    elsewhere = _police(builders.partnership())
    person = builders.person(partnership=partnership, initials="JS")
    with pytest.raises(ValidationError) as error:
        person_update(
            person=person,
            name="",
            initials="JS",
            job_title="",
            organisation=elsewhere,
            email="",
            user=admin,
        )
    assert error.value.message_dict == {"organisation": [ORGANISATION_ELSEWHERE]}


def test_person_update_refuses_an_email_that_is_not_one(
    partnership: Partnership, admin: User
) -> None:
    person = builders.person(partnership=partnership, initials="JS")
    with pytest.raises(ValidationError) as error:
        person_update(
            person=person,
            name="",
            initials="JS",
            job_title="",
            organisation=None,
            email="jane at the council",
            user=admin,
        )
    assert set(error.value.message_dict) == {"email"}


def test_person_set_user_links_a_member_and_refuses_anyone_else(
    partnership: Partnership, admin: User
) -> None:
    person = builders.person(partnership=partnership, initials="JS")
    stranger = builders.member(partnership=builders.partnership(), role="lead", username="x1")
    with pytest.raises(ValidationError) as error:
        person_set_user(person=person, signs_in_as=stranger, user=admin)
    assert error.value.message_dict == {"user": [PERSON_USER_NOT_MEMBER.format(username="x1")]}
    viewer = builders.member(partnership=partnership, role="viewer", username="v1")
    with pytest.raises(ValidationError) as error:
        person_set_user(person=person, signs_in_as=viewer, user=admin)  # v1 is somebody already
    assert error.value.message_dict == {"user": [PERSON_USER_TAKEN.format(username="v1")]}
    newcomer = user_create(username="newcomer", password="pw-for-tests-1")
    membership_add(partnership=partnership, user=newcomer, role="lead", by=admin)
    assert person_for(newcomer, partnership.pk) is None
    person_set_user(person=person, signs_in_as=newcomer, user=admin)
    assert person_for(newcomer, partnership.pk) == person  # the cached lookup was forgotten
    assert person.history.first().history_user == admin
    person_set_user(person=person, signs_in_as=None, user=admin)
    assert Person.objects.get(pk=person.pk).user is None


def test_one_user_is_a_person_in_two_partnerships(admin: User, partnership: Partnership) -> None:
    other = builders.partnership()
    builders.administrator(partnership=other)
    membership_add(partnership=other, user=admin, role=Membership.Role.LEAD, by=None)
    there = builders.person(partnership=other, initials="AD")
    person_set_user(person=there, signs_in_as=admin, user=None)
    assert person_for(admin, other.pk) == there
    assert person_for(admin, partnership.pk) == person_of(admin, partnership)
    assert (role_in(admin, partnership.pk), role_in(admin, other.pk)) == ("manager", "lead")


def test_a_deactivated_person_keeps_the_actions_they_lead(
    partnership: Partnership, admin: User
) -> None:
    plan = builders.small_plan(partnership=partnership)
    person = builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    plan.actions[0].lead_people.add(person)
    person_set_active(person=person, active=False, user=admin)
    person.refresh_from_db()
    assert not person.active
    assert list(person.led_actions.all()) == [plan.actions[0]]
    assert LeadResolver(partnership).find("JS") == person


# Memberships


def test_role_set_records_who_changed_it(partnership: Partnership, admin: User) -> None:
    viewer = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    membership = membership_role_set(
        membership=_membership(viewer, partnership), role=Membership.Role.LEAD, by=admin
    )
    assert role_in(viewer, partnership.pk) == Membership.Role.LEAD
    assert membership.history.first().history_user == admin


def test_role_set_refuses_an_unknown_role(partnership: Partnership, admin: User) -> None:
    with pytest.raises(ValidationError) as error:
        membership_role_set(membership=_membership(admin, partnership), role="chief", by=admin)
    assert error.value.message_dict == {"role": [MEMBERSHIP_ROLE_INVALID]}


def test_the_last_manager_keeps_the_role(partnership: Partnership, admin: User) -> None:
    with pytest.raises(ValidationError) as error:
        membership_role_set(
            membership=_membership(admin, partnership), role=Membership.Role.VIEWER, by=admin
        )
    assert error.value.message_dict == {"role": [LAST_MANAGER.format(username="admin")]}
    assert role_in(admin, partnership.pk) == Membership.Role.MANAGER
    second = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    membership_role_set(
        membership=_membership(admin, partnership), role=Membership.Role.VIEWER, by=second
    )
    assert _membership(admin, partnership).role == Membership.Role.VIEWER


def test_an_agency_coordinator_needs_an_organisation(partnership: Partnership, admin: User) -> None:
    inspector = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="i")
    membership = _membership(inspector, partnership)
    with pytest.raises(ValidationError) as error:
        membership_role_set(membership=membership, role=Membership.Role.COORDINATOR, by=admin)
    assert error.value.message_dict == {
        "role": [COORDINATOR_WITHOUT_ORGANISATION.format(username="i")]
    }
    person = person_of(inspector, partnership)
    person_update(
        person=person,
        name="Alex Morgan",
        initials=person.initials,
        job_title="Inspector",
        organisation=_police(partnership),
        email="",
        user=admin,
    )
    membership_role_set(membership=membership, role=Membership.Role.COORDINATOR, by=admin)
    assert role_in(inspector, partnership.pk) == Membership.Role.COORDINATOR


def test_the_last_administrator_keeps_the_duty(partnership: Partnership, admin: User) -> None:
    membership = _membership(admin, partnership)
    with pytest.raises(ValidationError) as error:
        membership_administrator_set(membership=membership, is_administrator=False, by=admin)
    assert error.value.message_dict == {
        "is_administrator": [LAST_ADMINISTRATOR.format(username="admin")]
    }
    assert administers(admin, partnership.pk)
    other = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    membership_administrator_set(
        membership=_membership(other, partnership), is_administrator=True, by=admin
    )
    membership_administrator_set(membership=membership, is_administrator=False, by=admin)
    assert not administers(admin, partnership.pk)
    assert administers(other, partnership.pk)


def test_the_last_manager_and_administrator_cannot_be_removed(
    partnership: Partnership, admin: User
) -> None:
    with pytest.raises(ValidationError) as error:
        membership_end(membership=_membership(admin, partnership), by=admin)
    assert error.value.messages == [LAST_MANAGER.format(username="admin")]
    builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    with pytest.raises(ValidationError) as error:
        membership_end(membership=_membership(admin, partnership), by=admin)
    assert error.value.messages == [LAST_ADMINISTRATOR.format(username="admin")]
    assert Membership.objects.filter(user=admin, partnership=partnership).exists()


def test_ending_a_membership_keeps_the_person_and_the_history(
    partnership: Partnership, admin: User
) -> None:
    plan = builders.small_plan(partnership=partnership)
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="leaver")
    person = person_of(lead, partnership)
    plan.actions[0].lead_people.add(person)
    assert role_in(lead, partnership.pk) == Membership.Role.LEAD  # cached on the user
    membership_end(membership=_membership(lead, partnership), by=admin)
    lead = User.objects.get(pk=lead.pk)  # as the leaver's next request loads them
    assert role_in(lead, partnership.pk) is None
    assert not Membership.objects.filter(user=lead, partnership=partnership).exists()
    person.refresh_from_db()
    assert person.user is None
    assert list(person.led_actions.all()) == [plan.actions[0]]
    [ended] = membership_ended_list(partnership=partnership)
    assert (ended.username, ended.role_label, ended.ended_by) == ("leaver", "Action lead", "admin")


def test_partnerships_and_users_have_history(partnership: Partnership) -> None:
    partnership.name = "Renamed CSP"
    partnership.save()
    assert partnership.history.count() == 2
    user = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    user_email_set(user=user, email="viewer@example.org", by=None)
    latest = user.history.first()  # type: ignore[attr-defined]
    assert latest.email == "viewer@example.org"
    assert not hasattr(latest, "password")  # no copy of any password hash is kept


def test_person_create_takes_an_email(partnership: Partnership) -> None:
    person = person_create(
        partnership=partnership, initials="JS", email="js@example.org", user=None
    )
    assert Person.objects.get(pk=person.pk).email == "js@example.org"
