"""The invitation pages: administrators invite, see who has not accepted, send again and
cancel; the public link page sets a password and joins, or says why the link cannot be used."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts.forms import PASSWORDS_DIFFERENT
from apps.accounts.passwords import PASSWORD_TOO_SHORT
from apps.partnerships.models import Invitation, Membership, Partnership
from apps.partnerships.services.invitations import (
    INVITATION_EXPIRED,
    INVITATION_NAME_MISSING,
    INVITATION_NOT_FOUND,
    INVITATION_REVOKED,
    INVITATION_USED,
)
from tests import builders
from tests.builders import roles
from tests.builders.partnerships import person_of, token_of

pytestmark = pytest.mark.django_db

PASSPHRASE = "kettle orbit meadow lantern"


@pytest.fixture
def administrator(partnership: Partnership) -> User:
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    Membership.objects.filter(user=user).update(is_administrator=True)
    return user


def test_administrator_invites_someone_from_the_page(
    client: Client, partnership: Partnership, administrator: User
) -> None:
    js = builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    client.force_login(administrator)
    url = reverse("partnerships:invitation-add", kwargs={"partnership_id": partnership.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Jane Smith (JS)" in page.content.decode()  # offered as the person invited
    response = client.post(
        url,
        {
            "email": "jane.smith@notts.police.example.uk",
            "person": js.pk,
            "organisation": roles.organisation(
                partnership=partnership, short_name="Police", name="Riverside Police"
            ).pk,
            "role": "coordinator",
        },
    )
    list_url = reverse("partnerships:invitation-list", kwargs={"partnership_id": partnership.pk})
    assert response.status_code == 302 and response["Location"] == list_url
    (message,) = mail.outbox
    assert "http://testserver/accounts/invitation/" in message.body
    listing = client.get(list_url).content.decode()
    assert "jane.smith@notts.police.example.uk" in listing
    assert "Agency coordinator for Riverside Police" in listing


def test_the_invite_form_shows_the_services_error_against_its_field(
    client: Client, partnership: Partnership, administrator: User
) -> None:
    client.force_login(administrator)
    url = reverse("partnerships:invitation-add", kwargs={"partnership_id": partnership.pk})
    response = client.post(url, {"email": "sam@example.org", "role": "lead"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"name": [INVITATION_NAME_MISSING]}
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["manager", "lead", "viewer"])
def test_only_administrators_may_invite(
    client: Client, partnership: Partnership, role: str
) -> None:
    """Being partnership manager is not enough: the administrator duty is."""
    client.force_login(builders.member(partnership=partnership, role=role))
    url = reverse("partnerships:invitation-add", kwargs={"partnership_id": partnership.pk})
    assert client.get(url).status_code == 403
    assert (
        client.post(url, {"email": "x@example.org", "role": "lead", "name": "X"}).status_code == 403
    )
    assert mail.outbox == []


def test_administrator_of_another_partnership_gets_403(
    client: Client, partnership: Partnership
) -> None:
    other = builders.partnership()
    outsider = builders.member(partnership=other, role=Membership.Role.MANAGER)
    Membership.objects.filter(user=outsider).update(is_administrator=True)
    sent = builders.invitation(partnership=partnership)
    client.force_login(outsider)
    for name in ("partnerships:invitation-resend", "partnerships:invitation-revoke"):
        url = reverse(name, kwargs={"invitation_id": sent.invitation.pk})
        assert client.post(url).status_code == 403
    list_url = reverse("partnerships:invitation-list", kwargs={"partnership_id": partnership.pk})
    assert client.get(list_url).status_code == 403
    invitation = Invitation.objects.get(pk=sent.invitation.pk)
    assert invitation.revoked_at is None and invitation.token_hash == sent.invitation.token_hash


def test_resend_and_revoke_buttons(
    client: Client, partnership: Partnership, administrator: User
) -> None:
    sent = builders.invitation(partnership=partnership, email="sam@example.org")
    client.force_login(administrator)
    resend = reverse("partnerships:invitation-resend", kwargs={"invitation_id": sent.invitation.pk})
    assert client.get(resend).status_code == 405
    assert client.post(resend).status_code == 302
    assert len(mail.outbox) == 2
    anonymous = Client()
    old = anonymous.get(reverse("invitations:accept", kwargs={"token": token_of(sent)}))
    assert old.status_code == 404 and INVITATION_NOT_FOUND in old.content.decode()
    revoke = reverse("partnerships:invitation-revoke", kwargs={"invitation_id": sent.invitation.pk})
    assert client.post(revoke).status_code == 302
    listing = client.get(
        reverse("partnerships:invitation-list", kwargs={"partnership_id": partnership.pk})
    )
    assert listing.context["invitations"] == []
    assert "No invitations are waiting to be accepted" in listing.content.decode()
    again = client.post(revoke)
    assert again.status_code == 400  # already cancelled, said on the page


def _accept_url(sent: Any) -> str:
    return reverse("invitations:accept", kwargs={"token": token_of(sent)})


def test_invitee_sets_a_password_joins_and_is_signed_in(
    client: Client, partnership: Partnership, administrator: User
) -> None:
    sent = builders.invitation(partnership=partnership, email="sam@example.org", by=administrator)
    url = _accept_url(sent)
    page = client.get(url)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    assert "Join " + partnership.name in page.content.decode()
    short = client.post(url, {"password": "short", "password_again": "short"})
    assert PASSWORD_TOO_SHORT in short.context["form"].errors["password"]
    different = client.post(url, {"password": PASSPHRASE, "password_again": PASSPHRASE + "x"})
    assert different.context["form"].errors == {"password_again": [PASSWORDS_DIFFERENT]}
    response = client.post(url, {"password": PASSPHRASE, "password_again": PASSPHRASE})
    assert response.status_code == 302 and response["Location"] == reverse("plans:home")
    user = User.objects.get(email="sam@example.org")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert person_of(user, partnership).name == "Sam Invitee"
    used = Client().get(url)
    assert used.status_code == 410 and INVITATION_USED in used.content.decode()
    assert Client().login(username="sam@example.org", password=PASSPHRASE)


def test_signed_in_user_with_the_invited_email_joins_with_one_button(
    client: Client, partnership: Partnership
) -> None:
    existing = builders.member(partnership=builders.partnership(), role="lead")
    existing.email = "sam@example.org"
    existing.save()
    sent = builders.invitation(partnership=partnership, email="sam@example.org")
    anonymous = Client().get(_accept_url(sent)).content.decode()
    assert "Sign in, and you will come back here to join" in anonymous
    client.force_login(existing)
    assert client.post(_accept_url(sent)).status_code == 302
    assert partnership.memberships.filter(user=existing).exists()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda i: setattr(i, "expires_at", i.sent_at + timedelta(seconds=1)), INVITATION_EXPIRED),
        (lambda i: setattr(i, "revoked_at", i.sent_at), INVITATION_REVOKED),
    ],
    ids=["expired", "revoked"],
)
def test_dead_links_say_why_in_words(
    client: Client, partnership: Partnership, spoil: Callable[[Invitation], None], message: str
) -> None:
    sent = builders.invitation(partnership=partnership)
    invitation = sent.invitation
    invitation.sent_at -= timedelta(days=8)
    spoil(invitation)
    invitation.save()
    for response in (client.get(_accept_url(sent)), client.post(_accept_url(sent), {})):
        assert response.status_code == 410
        assert message in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_home_page_links_administrators_to_invitations(
    client: Client, partnership: Partnership, administrator: User
) -> None:
    invite = reverse("partnerships:invitation-add", kwargs={"partnership_id": partnership.pk})
    client.force_login(administrator)
    assert invite in client.get(reverse("plans:home")).content.decode()
    client.force_login(builders.member(partnership=partnership, role=Membership.Role.MANAGER))
    assert invite not in client.get(reverse("plans:home")).content.decode()
