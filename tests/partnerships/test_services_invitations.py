"""Invitations: created and emailed with a one-time link, sent again (the old link dies),
revoked, expiring after 7 days, and accepted into a user, a membership and a person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.passwords import PASSWORD_TOO_COMMON
from apps.partnerships.domain.invitations import token_hash
from apps.partnerships.models import Invitation, Membership, Partnership, Person
from apps.partnerships.selectors import invitation_list_open
from apps.partnerships.services import (
    invitation_accept,
    invitation_check,
    invitation_create,
    invitation_resend,
    invitation_revoke,
)
from apps.partnerships.services.invitations import (
    INVITATION_AGENCY_ELSEWHERE,
    INVITATION_AGENCY_MISSING,
    INVITATION_ALREADY_MEMBER,
    INVITATION_ALREADY_PENDING,
    INVITATION_EMAIL_INVALID,
    INVITATION_EXPIRED,
    INVITATION_NAME_MISSING,
    INVITATION_NOT_FOUND,
    INVITATION_OTHER_USER,
    INVITATION_PERSON_ELSEWHERE,
    INVITATION_PERSON_TAKEN,
    INVITATION_REVOKED,
    INVITATION_SIGN_IN_FIRST,
    INVITATION_USED,
)
from tests import builders
from tests.builders import roles
from tests.builders.partnerships import person_of, token_of

pytestmark = pytest.mark.django_db

PASSPHRASE = "kettle orbit meadow lantern"


@pytest.fixture
def admin(partnership: Partnership) -> User:
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    user.first_name, user.last_name = "Priya", "Shah"
    user.save()
    return user


def test_create_emails_a_one_time_link_and_keeps_only_its_hash(
    partnership: Partnership, admin: User
) -> None:
    sent = invitation_create(
        partnership=partnership,
        email=" Jane.Smith@Notts.Police.example.uk ",
        role=Membership.Role.COORDINATOR,
        name="Insp. Jane Smith",
        organisation=roles.organisation(
            partnership=partnership, short_name="Police", name="Nottinghamshire Police"
        ),
        by=admin,
    )
    (message,) = mail.outbox
    assert message.to == ["jane.smith@notts.police.example.uk"]
    assert sent.link in message.body
    assert sent.link.startswith("http://testserver/accounts/invitation/")
    assert "Priya Shah has invited you" in message.body
    assert "agency coordinator for Nottinghamshire Police" in message.body
    invitation = sent.invitation
    token = token_of(sent)
    assert invitation.token_hash == token_hash(token)
    assert token not in str(Invitation.objects.values().get(pk=invitation.pk))
    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
    assert invitation.history.get().history_user == admin


def test_create_refuses_bad_or_duplicate_addresses(partnership: Partnership, admin: User) -> None:
    with pytest.raises(ValidationError) as raised:
        invitation_create(
            partnership=partnership, email="jane at police", role="lead", name="J S", by=admin
        )
    assert raised.value.message_dict == {"email": [INVITATION_EMAIL_INVALID]}
    builders.invitation(partnership=partnership, email="jane@example.org")
    with pytest.raises(ValidationError) as raised:
        builders.invitation(partnership=partnership, email="JANE@example.org")
    assert raised.value.message_dict["email"] == [
        INVITATION_ALREADY_PENDING.format(email="jane@example.org")
    ]
    admin.email = "priya@bassetlaw.example.gov.uk"
    admin.save()
    with pytest.raises(ValidationError) as raised:
        builders.invitation(partnership=partnership, email=admin.email)
    assert raised.value.message_dict["email"] == [
        INVITATION_ALREADY_MEMBER.format(email=admin.email, partnership=partnership.name)
    ]


def test_create_needs_a_name_or_a_free_person_of_the_partnership(
    partnership: Partnership, admin: User
) -> None:
    with pytest.raises(ValidationError) as raised:
        invitation_create(partnership=partnership, email="a@example.org", role="lead", by=admin)
    assert raised.value.message_dict == {"name": [INVITATION_NAME_MISSING]}
    elsewhere = builders.person(partnership=builders.partnership(), initials="JS")
    with pytest.raises(ValidationError) as raised:
        builders.invitation(partnership=partnership, person=elsewhere)
    assert raised.value.message_dict == {"person": [INVITATION_PERSON_ELSEWHERE]}
    signed_in = person_of(admin)
    with pytest.raises(ValidationError) as raised:
        builders.invitation(partnership=partnership, person=signed_in)
    assert raised.value.message_dict == {
        "person": [INVITATION_PERSON_TAKEN.format(person=signed_in)]
    }
    assert mail.outbox == []


def test_accept_sets_a_password_and_makes_membership_and_person(
    partnership: Partnership, admin: User
) -> None:
    sent = invitation_create(
        partnership=partnership,
        email="jane.smith@notts.police.example.uk",
        role=Membership.Role.COORDINATOR,
        is_administrator=True,
        name="Jane Smith",
        organisation=roles.organisation(
            partnership=partnership, short_name="Police", name="Riverside Police"
        ),
        by=admin,
    )
    builders.person(partnership=partnership, initials="JS", name="John Short")
    membership = invitation_accept(token=token_of(sent), password=PASSPHRASE)
    user = membership.user
    assert user.username == user.email == "jane.smith@notts.police.example.uk"
    assert user.check_password(PASSPHRASE)
    assert (membership.partnership, membership.role) == (partnership, "coordinator")
    assert membership.is_administrator
    person = person_of(user, partnership)
    assert (person.name, person.initials, person.email) == (
        "Jane Smith",
        "JS2",  # JS is John Short
        "jane.smith@notts.police.example.uk",
    )
    invitation = Invitation.objects.get(pk=sent.invitation.pk)
    assert invitation.accepted_user == user
    assert invitation.accepted_at is not None
    assert list(invitation_list_open(partnership_id=partnership.pk)) == []


def test_accept_links_the_person_the_invitation_names(partnership: Partnership) -> None:
    js = builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    sent = builders.invitation(partnership=partnership, person=js)
    membership = invitation_accept(token=token_of(sent), password=PASSPHRASE)
    assert Person.objects.get(pk=js.pk).user == membership.user
    assert Person.objects.filter(partnership=partnership, user=membership.user).count() == 1


def test_a_weak_password_is_refused_and_nothing_is_saved(partnership: Partnership) -> None:
    sent = builders.invitation(partnership=partnership)
    with pytest.raises(ValidationError) as raised:
        invitation_accept(token=token_of(sent), password="password123456")
    assert raised.value.message_dict == {"password": [PASSWORD_TOO_COMMON]}
    assert not User.objects.filter(email=sent.invitation.email).exists()
    invitation_check(token=token_of(sent))  # still usable


def test_a_signed_in_user_of_another_partnership_just_joins(partnership: Partnership) -> None:
    other = builders.partnership()
    existing = builders.member(partnership=other, role=Membership.Role.LEAD)
    existing.email = "sam@bassetlaw.example.gov.uk"
    existing.save()
    sent = builders.invitation(partnership=partnership, email="Sam@Bassetlaw.example.gov.uk")
    membership = invitation_accept(token=token_of(sent), user=existing)
    assert membership.user == existing
    assert {p.partnership for p in Person.objects.filter(user=existing)} == {other, partnership}


def test_an_existing_account_must_sign_in_and_another_user_is_refused(
    partnership: Partnership,
) -> None:
    existing = builders.member(partnership=builders.partnership(), role="viewer")
    existing.email = "sam@example.org"
    existing.save()
    sent = builders.invitation(partnership=partnership, email="sam@example.org")
    with pytest.raises(ValidationError) as raised:
        invitation_accept(token=token_of(sent), password=PASSPHRASE)
    assert raised.value.messages == [INVITATION_SIGN_IN_FIRST.format(email="sam@example.org")]
    somebody_else = builders.member(partnership=builders.partnership(), role="viewer")
    with pytest.raises(ValidationError) as raised:
        invitation_accept(token=token_of(sent), user=somebody_else)
    assert raised.value.messages == [INVITATION_OTHER_USER.format(email="sam@example.org")]
    assert not partnership.memberships.filter(user__in=[existing, somebody_else]).exists()


def test_a_used_link_is_refused(partnership: Partnership) -> None:
    sent = builders.invitation(partnership=partnership)
    invitation_accept(token=token_of(sent), password=PASSPHRASE)
    with pytest.raises(ValidationError) as raised:
        invitation_accept(token=token_of(sent), password=PASSPHRASE)
    assert raised.value.messages == [INVITATION_USED]


def test_the_link_expires_after_7_days(partnership: Partnership) -> None:
    sent = builders.invitation(partnership=partnership)
    created = sent.invitation.sent_at
    invitation_check(token=token_of(sent), now=created + timedelta(days=7, seconds=-1))
    with pytest.raises(ValidationError) as raised:
        invitation_accept(
            token=token_of(sent), password=PASSPHRASE, now=created + timedelta(days=7)
        )
    assert raised.value.messages == [INVITATION_EXPIRED]
    assert raised.value.code == "expired"


def test_resend_kills_the_old_link_and_gives_7_more_days(
    partnership: Partnership, admin: User
) -> None:
    sent = builders.invitation(partnership=partnership)
    later = timezone.now() + timedelta(days=10)  # the first link has expired
    again = invitation_resend(invitation=sent.invitation, by=admin, now=later)
    assert len(mail.outbox) == 2
    assert again.link in mail.outbox[1].body and again.link != sent.link
    with pytest.raises(ValidationError) as raised:
        invitation_check(token=token_of(sent), now=later)
    assert raised.value.messages == [INVITATION_NOT_FOUND]
    assert again.invitation.expires_at == later + timedelta(days=7)
    membership = invitation_accept(
        token=token_of(again), password=PASSPHRASE, now=later + timedelta(days=6)
    )
    assert membership.partnership == partnership


def test_revoke_kills_the_link(partnership: Partnership, admin: User) -> None:
    sent = builders.invitation(partnership=partnership)
    invitation_revoke(invitation=sent.invitation, by=admin)
    with pytest.raises(ValidationError) as raised:
        invitation_accept(token=token_of(sent), password=PASSPHRASE)
    assert raised.value.messages == [INVITATION_REVOKED]
    assert list(invitation_list_open(partnership_id=partnership.pk)) == []
    with pytest.raises(ValidationError):
        invitation_resend(invitation=sent.invitation, by=admin)


def test_an_unknown_token_is_refused(partnership: Partnership) -> None:
    builders.invitation(partnership=partnership)
    with pytest.raises(ValidationError) as raised:
        invitation_check(token="not-a-real-token")
    assert raised.value.messages == [INVITATION_NOT_FOUND]


def test_a_coordinator_is_invited_for_an_agency(partnership: Partnership, admin: User) -> None:
    """The agency comes from the invitation, or from the person chosen; without either the
    invitation is refused, naming the field, and no email goes."""
    with pytest.raises(ValidationError) as raised:
        builders.invitation(partnership=partnership, role=Membership.Role.COORDINATOR)
    assert raised.value.message_dict == {"organisation": [INVITATION_AGENCY_MISSING]}
    elsewhere = roles.organisation(
        partnership=builders.partnership(), short_name="Fire", name="Fire and Rescue"
    )
    with pytest.raises(ValidationError) as raised:
        invitation_create(
            partnership=partnership,
            email="al@example.org",
            role=Membership.Role.LEAD,
            name="Al Khan",
            organisation=elsewhere,
            by=admin,
        )
    assert raised.value.message_dict == {"organisation": [INVITATION_AGENCY_ELSEWHERE]}
    assert mail.outbox == []

    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Riverside Police"
    )
    known = roles.person_in(builders.person(partnership=partnership, initials="AK"), police)
    sent = builders.invitation(
        partnership=partnership, role=Membership.Role.COORDINATOR, person=known
    )
    assert sent.invitation.organisation is None  # the person's own agency stands
    membership = invitation_accept(token=token_of(sent), password=PASSPHRASE)
    assert person_of(membership.user, partnership).organisation == police


def test_accepting_records_the_agency_on_a_chosen_person(
    partnership: Partnership, admin: User
) -> None:
    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Riverside Police"
    )
    known = builders.person(partnership=partnership, initials="MB", name="Mo Begum")
    sent = invitation_create(
        partnership=partnership,
        email="mo.begum@example.org",
        role=Membership.Role.COORDINATOR,
        person=known,
        organisation=police,
        by=admin,
    )
    membership = invitation_accept(token=token_of(sent), password=PASSPHRASE)
    person = person_of(membership.user, partnership)
    assert (person.pk, person.organisation) == (known.pk, police)
    assert person.history.latest().history_user == admin
