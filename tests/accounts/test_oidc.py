"""Single sign-on: the email domain chooses the identity provider, the provider's answer is
mapped to the invited user by email, and nobody else gets in. The whole round trip against a
real provider is tests/e2e/test_oidc_journey.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from apps.accounts.forms import SIGN_IN_USE_ORGANISATION
from apps.accounts.models import CLIENT_SECRET_VARIABLE_INVALID, IdentityProvider
from apps.accounts.single_sign_on.backend import (
    EMAIL_NOT_VERIFIED,
    EMAIL_OUTSIDE_DOMAINS,
    NOBODY_WITH_EMAIL,
    REFUSAL_ATTRIBUTE,
    SEVERAL_WITH_EMAIL,
    SingleSignOnBackend,
)
from apps.accounts.single_sign_on.forms import NO_PROVIDER
from apps.accounts.single_sign_on.selectors import provider_for_email
from apps.accounts.single_sign_on.services import (
    DISCOVERY_INCOMPLETE,
    DISCOVERY_UNREADABLE,
    DOMAIN_TAKEN,
    provider_discover,
    provider_set_active,
)
from apps.accounts.two_factor.selectors import SINGLE_SIGN_ON_SESSION_KEY
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import partnership_two_factor_set
from tests import builders
from tests.builders.accounts import two_factor_on
from tests.builders.single_sign_on import identity_provider

pytestmark = pytest.mark.django_db

SINGLE_SIGN_ON = reverse("accounts:single-sign-on")


@pytest.fixture
def police() -> IdentityProvider:
    return identity_provider(domains=("notts.police.uk", "Nottinghamshire.PNN.Police.uk"))


def test_the_email_domain_chooses_the_provider(police: IdentityProvider) -> None:
    fire = identity_provider(
        name="Fire and Rescue",
        base="https://login.fire.example",
        domains=("notts-fire.gov.uk",),
        client_secret_variable="OIDC_CLIENT_SECRET_FIRE",
    )
    assert provider_for_email("Jo.Bloggs@NOTTS.police.uk ") == police
    assert provider_for_email("jo@nottinghamshire.pnn.police.uk") == police
    assert provider_for_email("sam@notts-fire.gov.uk") == fire
    assert provider_for_email("sam@mail.notts-fire.gov.uk") is None  # not a listed domain
    assert provider_for_email("clerk@bassetlaw.gov.uk") is None
    assert provider_for_email("notts.police.uk") is None
    provider_set_active(provider=police, active=False)
    assert provider_for_email("jo@notts.police.uk") is None


def test_a_domain_belongs_to_one_provider_and_secrets_stay_in_the_environment(
    police: IdentityProvider,
) -> None:
    with pytest.raises(ValidationError) as error:
        identity_provider(name="Another", client_secret_variable="OIDC_CLIENT_SECRET_OTHER")
    assert error.value.message_dict["domains"] == [
        DOMAIN_TAKEN.format(domain="notts.police.uk", provider=police.name)
    ]
    with pytest.raises(ValidationError) as error:
        identity_provider(
            name="Leaky", domains=("leak.example",), client_secret_variable="SECRET_KEY"
        )
    assert error.value.message_dict["client_secret_variable"] == [CLIENT_SECRET_VARIABLE_INVALID]
    assert IdentityProvider.objects.count() == 1


def test_discovery_needs_every_endpoint() -> None:
    class Answer:
        def __init__(self, document: dict[str, str]) -> None:
            self.document = document

        def raise_for_status(self) -> None:
            return None

        def json(self) -> dict[str, str]:
            return self.document

    complete = {
        "issuer": "https://login.example/tenant/v2.0",
        "authorization_endpoint": "https://login.example/authorize",
        "token_endpoint": "https://login.example/token",
        "userinfo_endpoint": "https://login.example/userinfo",
        "jwks_uri": "https://login.example/keys",
        "response_types_supported": "code",
    }
    found = provider_discover(
        discovery_url="https://x", fetch=lambda url, timeout: Answer(complete)
    )
    assert found["jwks_uri"] == "https://login.example/keys" and len(found) == 5
    partial = {k: v for k, v in complete.items() if k != "token_endpoint"}
    with pytest.raises(ValidationError) as error:
        provider_discover(discovery_url="https://x", fetch=lambda url, timeout: Answer(partial))
    assert error.value.messages == [DISCOVERY_INCOMPLETE.format(field="token_endpoint")]


def test_the_email_page_sends_the_browser_to_the_organisations_provider(
    client: Client, police: IdentityProvider
) -> None:
    response = client.post(
        SINGLE_SIGN_ON, {"email": "jo.bloggs@notts.police.uk", "next": "/my-actions/"}
    )
    assert response.status_code == 302
    start = client.get(response["Location"])
    assert start.status_code == 302
    url = urlsplit(start["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == police.authorization_endpoint
    query = parse_qs(url.query)
    assert query["client_id"] == ["saferplan"]
    assert query["login_hint"] == ["jo.bloggs@notts.police.uk"]
    assert query["redirect_uri"] == [
        "http://testserver" + reverse("accounts:single-sign-on-callback")
    ]
    assert query["code_challenge_method"] == ["S256"] and query["state"] and query["nonce"]
    assert client.session["oidc_login_next"] == "/my-actions/"


def test_the_email_page_lets_its_form_lead_on_to_the_providers(
    client: Client, police: IdentityProvider
) -> None:
    """A Content-Security-Policy form-action of 'self' alone would stop the redirect chain
    that follows the form at the provider's sign-in page."""
    identity_provider(
        name="Fire",
        base="https://login.fire.example:8443",
        domains=("notts-fire.gov.uk",),
        client_secret_variable="OIDC_CLIENT_SECRET_FIRE",
    )
    response = client.get(SINGLE_SIGN_ON)
    assert response._csp_update == {  # type: ignore[attr-defined]
        "form-action": [
            "'self'",
            "https://login.fire.example:8443",
            "https://login.notts-police.example",
        ]
    }


def test_an_address_without_a_provider_is_told_to_use_its_password(
    client: Client, police: IdentityProvider
) -> None:
    response = client.post(SINGLE_SIGN_ON, {"email": "clerk@bassetlaw.gov.uk"})
    assert response.status_code == 200
    assert NO_PROVIDER.format(domain="bassetlaw.gov.uk") in response.content.decode().replace(
        "&#x27;", "'"
    )
    start = client.get(reverse("accounts:single-sign-on-start"))
    assert start["Location"] == SINGLE_SIGN_ON  # nothing chosen, nowhere to go


def test_people_of_an_organisation_with_single_sign_on_do_not_use_passwords(
    client: Client, partnership: Partnership, police: IdentityProvider
) -> None:
    officer = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="jo")
    clerk = builders.member(partnership=partnership, role=Membership.Role.LEAD, username="al")
    User.objects.filter(pk=officer.pk).update(email="jo@notts.police.uk")
    User.objects.filter(pk=clerk.pk).update(email="al@bassetlaw.gov.uk")
    refused = client.post(
        reverse("accounts:sign-in"), {"username": "jo", "password": "pw-for-tests-1"}
    )
    assert refused.status_code == 200
    message = SIGN_IN_USE_ORGANISATION.format(organisation=police.name)
    assert message.replace("’", "&#x27;") in refused.content.decode().replace("’", "&#x27;")
    accepted = client.post(
        reverse("accounts:sign-in"), {"username": "al", "password": "pw-for-tests-1"}
    )
    assert accepted.status_code == 302


class _Answering(SingleSignOnBackend):
    """The backend with the provider's user information given, to test the mapping alone."""

    claims: dict[str, Any] = {}

    def get_userinfo(self, access_token: str, id_token: str, payload: Any) -> dict[str, Any]:
        return self.claims


def _map(provider: IdentityProvider, claims: dict[str, Any]) -> tuple[User | None, str | None]:
    backend = _Answering()
    backend.claims = claims
    backend.provider = provider
    backend.request = RequestFactory().get("/")
    user = backend.get_or_create_user("access", "id", {})
    return user, getattr(backend.request, REFUSAL_ATTRIBUTE, None)


def test_the_providers_answer_is_mapped_to_the_invited_user_by_email(
    partnership: Partnership, police: IdentityProvider
) -> None:
    officer = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    User.objects.filter(pk=officer.pk).update(email="Jo.Bloggs@notts.police.uk")
    users_before = User.objects.count()
    assert _map(police, {"email": "jo.bloggs@NOTTS.police.uk", "email_verified": True}) == (
        officer,
        None,
    )
    user, refusal = _map(police, {"email": "new.starter@notts.police.uk"})
    assert user is None
    assert refusal == NOBODY_WITH_EMAIL.format(email="new.starter@notts.police.uk")
    assert User.objects.count() == users_before  # nobody is created from a provider's answer


def test_a_provider_vouches_only_for_its_own_domains_and_verified_addresses(
    partnership: Partnership, police: IdentityProvider
) -> None:
    clerk = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    User.objects.filter(pk=clerk.pk).update(email="al@bassetlaw.gov.uk")
    user, refusal = _map(police, {"email": "al@bassetlaw.gov.uk"})
    assert user is None
    assert refusal == EMAIL_OUTSIDE_DOMAINS.format(
        provider=police.name,
        email="al@bassetlaw.gov.uk",
        domains="@nottinghamshire.pnn.police.uk or @notts.police.uk",
    )
    User.objects.filter(pk=clerk.pk).update(email="al@notts.police.uk")
    user, refusal = _map(police, {"email": "al@notts.police.uk", "email_verified": False})
    assert user is None and refusal == EMAIL_NOT_VERIFIED.format(email="al@notts.police.uk")


def test_two_accounts_with_one_address_are_refused_rather_than_guessed(
    partnership: Partnership, police: IdentityProvider
) -> None:
    for _ in range(2):
        twin = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
        User.objects.filter(pk=twin.pk).update(email="jo@notts.police.uk")
    user, refusal = _map(police, {"email": "jo@notts.police.uk"})
    assert user is None and refusal == SEVERAL_WITH_EMAIL.format(email="jo@notts.police.uk")


def test_a_deactivated_user_is_not_signed_in(
    partnership: Partnership, police: IdentityProvider
) -> None:
    officer = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    User.objects.filter(pk=officer.pk).update(email="jo@notts.police.uk", is_active=False)
    user, refusal = _map(police, {"email": "jo@notts.police.uk"})
    assert user is None and refusal == NOBODY_WITH_EMAIL.format(email="jo@notts.police.uk")


def test_the_command_refuses_a_discovery_address_it_cannot_read() -> None:
    url = "http://127.0.0.1:9/.well-known/openid-configuration"  # the discard port: refused
    with pytest.raises(CommandError) as error:
        call_command(
            "identity_provider_add",
            name="Nottinghamshire Police",
            discovery_url=url,
            client_id="saferplan",
            client_secret_variable="OIDC_CLIENT_SECRET_NOTTS_POLICE",
            domain=["notts.police.uk"],
        )
    assert str(error.value) == DISCOVERY_UNREADABLE.format(url=url)
    assert not IdentityProvider.objects.exists()


def test_a_session_the_organisation_signed_in_is_not_asked_for_a_saferplan_code(
    client: Client, partnership: Partnership, police: IdentityProvider
) -> None:
    """The organisation's provider asked for its own second factor (ADR 12)."""
    manager = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    partnership_two_factor_set(partnership=partnership, required=True, user=None)
    two_factor_on(manager)
    client.force_login(manager)
    assert client.get("/")["Location"].startswith(reverse("accounts:two-factor-verify"))
    session = client.session
    session[SINGLE_SIGN_ON_SESSION_KEY] = police.pk
    session.save()
    assert client.get("/").status_code == 200
