"""Accepting an invitation by signing in with the organisation's account: the invitation page
offers it for an address whose domain has an identity provider, and the provider's answer may
make a user only for the invitation the browser is accepting."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import reverse

from apps.accounts.models import IdentityProvider
from apps.accounts.single_sign_on.backend import (
    NOBODY_WITH_EMAIL,
    PENDING_PROVIDER_SESSION_KEY,
    REFUSAL_ATTRIBUTE,
    SingleSignOnBackend,
)
from apps.partnerships.invitation_sign_on import INVITATION_SIGN_ON_SESSION_KEY
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import invitation_accept, invitation_revoke
from tests import builders
from tests.builders.partnerships import token_of
from tests.builders.single_sign_on import identity_provider

pytestmark = pytest.mark.django_db

INSPECTOR = "jo.bloggs@notts.police.uk"


@pytest.fixture
def police() -> IdentityProvider:
    return identity_provider(domains=("notts.police.uk",))


class _Answering(SingleSignOnBackend):
    """The backend with the provider's user information given, as the provider would."""

    claims: dict[str, Any] = {}

    def get_userinfo(self, access_token: str, id_token: str, payload: Any) -> dict[str, Any]:
        return self.claims


def _answer(provider: IdentityProvider, email: str, token: str | None) -> tuple[Any, Any]:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    if token is not None:
        request.session[INVITATION_SIGN_ON_SESSION_KEY] = token
    backend = _Answering()
    backend.claims = {"email": email, "email_verified": True}
    backend.provider = provider
    backend.request = request
    return backend.get_or_create_user("access", "id", {}), getattr(request, REFUSAL_ATTRIBUTE, None)


def test_the_invitation_page_offers_the_organisations_account(
    client: Client, partnership: Partnership, police: IdentityProvider
) -> None:
    sent = builders.invitation(partnership=partnership, email=INSPECTOR)
    url = reverse("invitations:accept", args=[token_of(sent)])
    page = client.get(url)
    content = page.content.decode()
    assert "Continue to Nottinghamshire Police" in content
    assert "Set password and join" in content  # a password remains possible
    assert "https://login.notts-police.example" in page._csp_update["form-action"]  # type: ignore[attr-defined]

    started = client.post(url, {"single_sign_on": "yes"})
    assert started.status_code == 302
    location = urlsplit(started["Location"])
    assert location.path == reverse("accounts:single-sign-on-start")
    assert parse_qs(location.query) == {"next": [url]}
    assert client.session[PENDING_PROVIDER_SESSION_KEY] == police.pk
    assert client.session[INVITATION_SIGN_ON_SESSION_KEY] == token_of(sent)
    assert not User.objects.filter(email=INSPECTOR).exists()  # nobody yet


def test_an_address_without_a_provider_sets_a_password_as_before(
    client: Client, partnership: Partnership, police: IdentityProvider
) -> None:
    sent = builders.invitation(partnership=partnership, email="al@bassetlaw.gov.uk")
    url = reverse("invitations:accept", args=[token_of(sent)])
    content = client.get(url).content.decode()
    assert "Continue to" not in content and "Set password and join" in content
    assert client.post(url, {"single_sign_on": "yes"}).status_code == 200  # the password form
    assert INVITATION_SIGN_ON_SESSION_KEY not in client.session


def test_the_providers_answer_makes_the_invitee_a_user_who_then_joins(
    partnership: Partnership, police: IdentityProvider
) -> None:
    sent = builders.invitation(partnership=partnership, email=INSPECTOR, role="analyst")
    user, refusal = _answer(police, "Jo.Bloggs@notts.police.uk", token_of(sent))
    assert refusal is None and user is not None
    assert (user.username, user.email, user.has_usable_password()) == (INSPECTOR, INSPECTOR, False)
    assert not user.memberships.exists()  # joining is the invitation page's
    membership = invitation_accept(token=token_of(sent), user=user)
    assert (membership.user, membership.role) == (user, Membership.Role.ANALYST)


def test_the_answer_for_another_address_or_a_closed_invitation_makes_nobody(
    partnership: Partnership, police: IdentityProvider
) -> None:
    sent = builders.invitation(partnership=partnership, email=INSPECTOR)
    users_before = User.objects.count()
    user, refusal = _answer(police, "sam.stranger@notts.police.uk", token_of(sent))
    assert user is None
    assert refusal == NOBODY_WITH_EMAIL.format(email="sam.stranger@notts.police.uk")
    user, refusal = _answer(police, INSPECTOR, None)  # no invitation being accepted
    assert user is None and refusal == NOBODY_WITH_EMAIL.format(email=INSPECTOR)
    invitation_revoke(invitation=sent.invitation, by=None)
    user, refusal = _answer(police, INSPECTOR, token_of(sent))
    assert user is None and refusal == NOBODY_WITH_EMAIL.format(email=INSPECTOR)
    assert User.objects.count() == users_before
