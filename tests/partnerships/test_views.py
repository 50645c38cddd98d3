"""The partnership administrator's pages as an administrator uses them: lists, forms with their
errors, confirmations, the refusals that keep a partnership a manager and an administrator, the
home page's link, and leads offered in the action form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from apps.accounts.services import user_create, user_email_set
from apps.partnerships.forms import EMAIL_INVALID
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.services import (
    membership_add,
    organisation_create,
    organisation_set_active,
    person_set_active,
)
from apps.partnerships.services.members import (
    ORGANISATION_SHORT_NAME_MISSING,
    PERSON_EXISTS,
)
from apps.partnerships.services.memberships import (
    COORDINATOR_WITHOUT_ORGANISATION,
    LAST_ADMINISTRATOR,
    LAST_MANAGER,
)
from apps.performance.forms.priorities import PriorityForm
from apps.plans.forms.actions import ActionForm
from apps.plans.selectors import action_list_for_user
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(partnership: Partnership) -> User:
    return builders.administrator(partnership=partnership, username="admin")


@pytest.fixture
def as_admin(signed_in: Callable[[User], Client], admin: User) -> Client:
    return signed_in(admin)


def _text(response: Any) -> str:
    return " ".join(response.content.decode().split())


def _police(partnership: Partnership, **extra: Any) -> Organisation:
    return organisation_create(
        partnership=partnership,
        short_name="Police",
        name="Nottinghamshire Police",
        aliases=["Notts Police"],
        kind=Organisation.Kind.POLICE,
        user=None,
        **extra,
    )


def test_organisations_are_listed_with_kind_aliases_and_status(
    partnership: Partnership, as_admin: Client
) -> None:
    police = _police(partnership)
    organisation_set_active(organisation=police, active=False, user=None)
    text = _text(as_admin.get(reverse("partnerships:organisation-list", args=[partnership.pk])))
    assert 'Nottinghamshire Police<br><span class="govuk-body-s">Police</span>' in text
    assert "Notts Police" in text
    assert '<td class="govuk-table__cell">Police</td>' in text  # its kind
    assert "Deactivated" in text
    assert 'Reactivate<span class="govuk-visually-hidden"> Nottinghamshire Police' in text


def test_adding_an_organisation_with_no_short_name_shows_the_error_twice(
    partnership: Partnership, as_admin: Client
) -> None:
    url = reverse("partnerships:organisation-add", args=[partnership.pk])
    response = as_admin.post(url, {"name": "Bassetlaw District Council", "kind": "council"})
    assert response.status_code == 200
    text = _text(response)
    assert "There is a problem" in text
    assert text.count(escape(ORGANISATION_SHORT_NAME_MISSING)) == 2  # summary and field
    assert "<title>Error: Add an organisation" in text


def test_an_organisation_is_added_with_its_other_names(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    url = reverse("partnerships:organisation-add", args=[partnership.pk])
    response = as_admin.post(
        url,
        {
            "name": "Bassetlaw District Council",
            "short_name": "BDC",
            "aliases": "Bassetlaw DC\r\n\r\nBassetlaw Council\r\n",
            "kind": "council",
        },
    )
    assert response.status_code == 302
    made = partnership.organisations.get(short_name="BDC")
    assert (made.name, made.aliases, made.kind) == (
        "Bassetlaw District Council",
        ["Bassetlaw DC", "Bassetlaw Council"],
        "council",
    )
    assert made.history.first().history_user == admin


def test_the_edit_form_starts_from_what_the_organisation_is(
    partnership: Partnership, as_admin: Client
) -> None:
    police = _police(partnership)
    text = _text(as_admin.get(reverse("partnerships:organisation-edit", args=[police.pk])))
    assert 'value="Nottinghamshire Police"' in text
    assert ">Notts Police</textarea>" in text
    assert 'value="police" checked' in text


def test_deactivating_asks_first_and_says_what_stays(
    partnership: Partnership, as_admin: Client
) -> None:
    police = _police(partnership)
    url = reverse("partnerships:organisation-active", args=[police.pk])
    text = _text(as_admin.get(url))
    assert "Deactivate Nottinghamshire Police?" in text
    assert "The actions it leads, their updates and its name in reports stay" in text
    police.refresh_from_db()
    assert police.active
    response = as_admin.post(url)
    assert response.status_code == 302
    police.refresh_from_db()
    assert not police.active


def test_people_are_listed_with_organisation_email_and_user(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    user_email_set(user=admin, email="admin@example.org", by=None)
    person = person_of(admin, partnership)
    person.name, person.job_title, person.email = "Ann Admin", "CSP manager", "ann@example.org"
    person.organisation = _police(partnership)
    person.save()
    text = _text(as_admin.get(reverse("partnerships:person-list", args=[partnership.pk])))
    assert 'Ann Admin<br><span class="govuk-body-s">' in text
    assert "CSP manager" in text
    assert "Nottinghamshire Police (Police)" in text
    assert "ann@example.org" in text
    assert "Signs in as admin" in text


def test_a_person_is_added_and_linked_to_a_member_who_is_nobody_yet(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    police = _police(partnership)
    inspector = user_create(username="inspector", password="pw-for-tests-1")
    membership_add(partnership=partnership, user=inspector, role="lead", by=None)
    url = reverse("partnerships:person-add", args=[partnership.pk])
    page = _text(as_admin.get(url))
    # Offered: the member who is nobody yet, not the administrator who is somebody already.
    assert f'<option value="{inspector.pk}">inspector</option>' in page
    assert ">admin</option>" not in page
    response = as_admin.post(
        url,
        {
            "name": "Alex Morgan",
            "initials": "AM",
            "job_title": "Inspector",
            "organisation": str(police.pk),
            "email": "alex.morgan@example.org",
            "user": str(inspector.pk),
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(partnership=partnership, initials="AM")
    assert (person.user, person.organisation, person.email) == (
        inspector,
        police,
        "alex.morgan@example.org",
    )


def test_a_deactivated_organisation_is_not_offered_for_a_new_person(
    partnership: Partnership, as_admin: Client
) -> None:
    police = _police(partnership)
    organisation_set_active(organisation=police, active=False, user=None)
    text = _text(as_admin.get(reverse("partnerships:person-add", args=[partnership.pk])))
    assert "Nottinghamshire Police" not in text


def test_a_person_with_taken_initials_is_refused_in_words(
    partnership: Partnership, as_admin: Client
) -> None:
    builders.person(partnership=partnership, initials="JS")
    url = reverse("partnerships:person-add", args=[partnership.pk])
    response = as_admin.post(url, {"initials": "JS", "name": "John Smith"})
    assert response.status_code == 200
    assert _text(response).count(escape(PERSON_EXISTS.format(initials="JS"))) == 2
    response = as_admin.post(url, {"initials": "JSm", "email": "john at the council"})
    assert EMAIL_INVALID in _text(response)
    assert Person.objects.filter(partnership=partnership, initials="JS").count() == 1


def test_editing_a_person_can_unlink_their_user(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    lead = builders.member(partnership=partnership, role="lead", username="leader")
    person = person_of(lead, partnership)
    url = reverse("partnerships:person-edit", args=[person.pk])
    assert f'<option value="{lead.pk}" selected>leader</option>' in _text(as_admin.get(url))
    response = as_admin.post(url, {"initials": person.initials, "name": "Lee Der", "user": ""})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.user) == ("Lee Der", None)


def test_members_are_listed_with_role_administrator_and_person(
    partnership: Partnership, as_admin: Client
) -> None:
    builders.member(partnership=partnership, role="viewer", username="watcher")
    text = _text(as_admin.get(reverse("partnerships:member-list", args=[partnership.pk])))
    assert "admin<br>" in text
    assert "watcher<br>" in text
    assert 'Partnership manager</td> <td class="govuk-table__cell">Yes</td>' in text
    assert 'Viewer</td> <td class="govuk-table__cell">No</td>' in text


def test_the_last_manager_cannot_change_their_role_and_is_told_why(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    membership = admin.memberships.get()
    response = as_admin.post(
        reverse("partnerships:member-role", args=[membership.pk]), {"role": "viewer"}
    )
    assert response.status_code == 200
    assert escape(LAST_MANAGER.format(username="admin")) in _text(response)
    membership.refresh_from_db()
    assert membership.role == "manager"


def test_a_coordinator_without_an_organisation_is_refused_in_words(
    partnership: Partnership, as_admin: Client
) -> None:
    lead = builders.member(partnership=partnership, role="lead", username="leader")
    membership = lead.memberships.get()
    url = reverse("partnerships:member-role", args=[membership.pk])
    response = as_admin.post(url, {"role": "coordinator"})
    assert escape(COORDINATOR_WITHOUT_ORGANISATION.format(username="leader")) in _text(response)


def test_the_last_administrator_is_refused_on_the_confirmation_page(
    partnership: Partnership, admin: User, as_admin: Client
) -> None:
    membership = admin.memberships.get()
    url = reverse("partnerships:member-administrator", args=[membership.pk])
    assert "Stop admin being an administrator?" in _text(as_admin.get(url))
    response = as_admin.post(url)
    assert response.status_code == 400
    text = _text(response)
    assert "There is a problem" in text
    assert escape(LAST_ADMINISTRATOR.format(username="admin")) in text
    membership.refresh_from_db()
    assert membership.is_administrator


def test_an_ended_membership_is_listed_from_history(
    partnership: Partnership, as_admin: Client
) -> None:
    leaver = builders.member(partnership=partnership, role="lead", username="leaver")
    url = reverse("partnerships:member-end", args=[leaver.memberships.get().pk])
    assert "End leaver’s membership?" in _text(as_admin.get(url))
    assert as_admin.post(url).status_code == 302
    text = _text(as_admin.get(reverse("partnerships:member-list", args=[partnership.pk])))
    assert "Ended memberships" in text
    row = '<th scope="row" class="govuk-table__header">leaver</th> <td class="govuk-table__cell">'
    assert f"{row}Action lead</td>" in text
    assert "by admin" in text


def test_the_home_page_links_administrators_only(
    partnership: Partnership, signed_in: Callable[[User], Client], admin: User
) -> None:
    link = f'href="{reverse("partnerships:people-and-agencies", args=[partnership.pk])}"'
    page = signed_in(admin).get(reverse("plans:home")).content.decode()
    assert link in page
    assert "Manage people and agencies" in page
    manager = builders.member(partnership=partnership, role="manager")
    page = signed_in(manager).get(reverse("plans:home")).content.decode()
    assert link not in page
    assert "Manage people and agencies" not in page


# Leads in the plans' action form


def test_deactivated_leads_are_not_offered_unless_they_lead_the_action(
    partnership: Partnership,
) -> None:
    plan = builders.small_plan(partnership=partnership)
    police = _police(partnership)
    gone = builders.person(partnership=partnership, initials="GN")
    kept = builders.person(partnership=partnership, initials="KP")
    organisation_set_active(organisation=police, active=False, user=None)
    person_set_active(person=gone, active=False, user=None)
    person_set_active(person=kept, active=False, user=None)
    new_action = ActionForm(plan=plan.plan)
    people = dict(new_action.fields["lead_people"].choices)  # type: ignore[attr-defined]
    organisations = dict(new_action.fields["lead_organisations"].choices)  # type: ignore[attr-defined]
    assert str(gone.pk) not in people and str(kept.pk) not in people
    assert str(police.pk) not in organisations
    # Editing an action KP and the police already lead keeps them, so saving drops nobody.
    editing = ActionForm(
        plan=plan.plan,
        initial={"lead_people": [str(kept.pk)], "lead_organisations": [str(police.pk)]},
    )
    assert str(kept.pk) in dict(editing.fields["lead_people"].choices)  # type: ignore[attr-defined]
    assert str(gone.pk) not in dict(editing.fields["lead_people"].choices)  # type: ignore[attr-defined]
    assert str(police.pk) in dict(editing.fields["lead_organisations"].choices)  # type: ignore[attr-defined]


# One user in several partnerships


def test_one_user_leads_actions_in_two_partnerships_and_my_actions_lists_both(
    signed_in: Callable[[User], Client],
) -> None:
    first, second = builders.partnership("North CSP"), builders.partnership("South CSP")
    north = builders.small_plan(partnership=first)
    south = builders.small_plan(partnership=second)
    builders.administrator(partnership=second)
    user = builders.member(partnership=first, role=Membership.Role.LEAD, username="both")
    membership_add(partnership=second, user=user, role=Membership.Role.LEAD, by=None)
    there = builders.person(partnership=second, initials="BO", name="Bo Th")
    client = signed_in(builders.administrator(partnership=second, username="southadmin"))
    # The second partnership's administrator links the user to their person there.
    response = client.post(
        reverse("partnerships:person-edit", args=[there.pk]),
        {"initials": "BO", "name": "Bo Th", "user": str(user.pk)},
    )
    assert response.status_code == 302
    north.actions[0].lead_people.add(person_of(user, first))
    south.actions[1].lead_people.add(person_of(user, second))
    listed = action_list_for_user(user=user)
    assert {a.pk for a in listed} == {north.actions[0].pk, south.actions[1].pk}
    page = signed_in(user).get(reverse("plans:my-actions")).content.decode()
    assert reverse("plans:action", args=[north.actions[0].pk]) in page
    assert reverse("plans:action", args=[south.actions[1].pk]) in page


def test_a_deactivated_agency_is_not_offered_as_a_new_priority_sponsor(
    partnership: Partnership,
) -> None:
    police = _police(partnership)
    fire = organisation_create(partnership=partnership, short_name="NFRS", name="Fire", user=None)
    organisation_set_active(organisation=police, active=False, user=None)
    offered = PriorityForm(partnership=partnership).fields["sponsor_organisation"]
    assert list(offered.queryset) == [fire]  # type: ignore[attr-defined]
    # A priority the police sponsor already keeps its sponsor when edited.
    editing = PriorityForm(partnership=partnership, initial={"sponsor_organisation": police.pk})
    assert set(editing.fields["sponsor_organisation"].queryset) == {fire, police}  # type: ignore[attr-defined]
