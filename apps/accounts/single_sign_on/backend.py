"""mozilla-django-oidc's backend, told per sign-in which identity provider to use (the one the
email domain chose, kept in the session), and mapping the provider's answer to an existing
user by email: SaferPlan never creates a member from a provider's answer alone, only for the
address of an invitation the browser is accepting."""

from __future__ import annotations

import logging
from typing import Any

import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from apps.accounts.models import IdentityProvider
from apps.accounts.services import user_register_single_sign_on
from apps.accounts.single_sign_on.newcomers import newcomer_allowed
from apps.accounts.single_sign_on.selectors import (
    email_domain,
    provider_active,
    provider_client_secret,
    provider_domains,
)

LOGGER = logging.getLogger(__name__)

# Where the sign-in in progress keeps its provider between the email page and the callback.
PENDING_PROVIDER_SESSION_KEY = "saferplan_single_sign_on_pending"
# Why the provider's answer was refused, for the callback page to say.
REFUSAL_ATTRIBUTE = "single_sign_on_refusal"

NOBODY_WITH_EMAIL = (
    "Nobody has been invited to SaferPlan with the email address {email}. Ask your "
    "partnership manager to invite you with this address"
)
SEVERAL_WITH_EMAIL = (
    "More than one SaferPlan account uses the email address {email}. Ask your partnership "
    "manager to remove the one you do not use"
)
EMAIL_NOT_GIVEN = (
    "Your organisation's account did not tell SaferPlan your email address. Ask your IT team "
    "to let SaferPlan read it"
)
EMAIL_NOT_VERIFIED = "Your organisation has not confirmed the email address {email}"
EMAIL_OUTSIDE_DOMAINS = (
    "{provider} cannot sign in {email}: it signs in addresses ending {domains} only"
)
PROVIDER_NOT_READY = (
    "Single sign-on through {provider} is not working at the moment. Sign in with your "
    "username and password, or try again later"
)


class SingleSignOnBackend(OIDCAuthenticationBackend):
    """Authenticates the callback from an identity provider; refuses everything else."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The provider is chosen per sign-in, not in settings, so nothing is read here.
        self.UserModel = get_user_model()
        self.provider: IdentityProvider | None = None

    def _refuse(self, message: str) -> None:
        setattr(self.request, REFUSAL_ATTRIBUTE, message)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or "code" not in request.GET or "state" not in request.GET:
            return None  # a password sign-in: not ours
        self.request = request
        provider = provider_active(request.session.get(PENDING_PROVIDER_SESSION_KEY))
        if provider is None:
            return None
        secret = provider_client_secret(provider)
        if not secret:
            LOGGER.error("No client secret in %s for %s", provider.client_secret_variable, provider)
            self._refuse(PROVIDER_NOT_READY.format(provider=provider.name))
            return None
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_uri
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = secret
        self.OIDC_RP_SIGN_ALGO = provider.signing_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            user: User | None = super().authenticate(request, **kwargs)
        except (SuspiciousOperation, requests.RequestException) as error:
            LOGGER.warning("Single sign-on through %s refused: %s", provider, error)
            if getattr(request, REFUSAL_ATTRIBUTE, None) is None:
                self._refuse(PROVIDER_NOT_READY.format(provider=provider.name))
            return None
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks the signature and nonce; the issuer and audience are checked
        here too, since several providers are trusted and each may vouch only for itself."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        assert self.provider is not None
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != self.provider.issuer:
            raise SuspiciousOperation("ID token from another issuer")
        if self.provider.client_id not in audiences:
            raise SuspiciousOperation("ID token for another client")
        return payload

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        """The user whose email the provider vouches for, if one was invited; never a new one."""
        assert self.provider is not None
        claims = self.get_userinfo(access_token, id_token, payload)
        email = str(claims.get("email") or "").strip()
        if not email:
            self._refuse(EMAIL_NOT_GIVEN)
            return None
        if claims.get("email_verified") is False:
            self._refuse(EMAIL_NOT_VERIFIED.format(email=email))
            return None
        domains = provider_domains(self.provider)
        if email_domain(email) not in domains:
            self._refuse(
                EMAIL_OUTSIDE_DOMAINS.format(
                    provider=self.provider.name,
                    email=email,
                    domains=" or ".join(f"@{d}" for d in sorted(domains)),
                )
            )
            return None
        users = list(User.objects.filter(email__iexact=email, is_active=True)[:2])
        if not users and newcomer_allowed(self.request, email):
            # Accepting an invitation for this very address: the invitee becomes a user now
            # and joins on the invitation page they are sent back to.
            return user_register_single_sign_on(email=email)
        if not users:
            self._refuse(NOBODY_WITH_EMAIL.format(email=email))
            return None
        if len(users) > 1:
            self._refuse(SEVERAL_WITH_EMAIL.format(email=email))
            return None
        return users[0]

    def get_user(self, user_id: Any) -> User | None:
        # Django's own check, so a deactivated user's session ends.
        return ModelBackend.get_user(self, user_id)

    # Permissions come from the rules backend; this one only signs people in.
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return False
