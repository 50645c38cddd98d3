"""Reads for single sign-on: which identity provider signs in an email address."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from apps.accounts.models import IdentityProvider, IdentityProviderDomain


def email_domain(email: str) -> str:
    """The part of an email address after the @, in lower case ("" if there is none)."""
    local, at, domain = email.strip().rpartition("@")
    return domain.lower() if at and local else ""


def provider_for_email(email: str) -> IdentityProvider | None:
    """The active identity provider of the address's domain, or None (password sign-in)."""
    domain = email_domain(email)
    if not domain:
        return None
    row = (
        IdentityProviderDomain.objects.select_related("provider")
        .filter(domain=domain, provider__active=True)
        .first()
    )
    return None if row is None else row.provider


def provider_active(provider_id: object) -> IdentityProvider | None:
    """The active provider with this id (as kept in the session), or None."""
    if not isinstance(provider_id, int):
        return None
    return IdentityProvider.objects.filter(pk=provider_id, active=True).first()


def provider_domains(provider: IdentityProvider) -> set[str]:
    return set(provider.domains.values_list("domain", flat=True))


def provider_client_secret(provider: IdentityProvider) -> str:
    """The client secret from the environment variable the provider names ("" if unset)."""
    secrets: dict[str, str] = settings.OIDC_CLIENT_SECRETS
    return secrets.get(provider.client_secret_variable, "")


def provider_origins() -> list[str]:
    """The scheme and host of every active provider's authorisation endpoint."""
    endpoints = IdentityProvider.objects.filter(active=True).values_list(
        "authorization_endpoint", flat=True
    )
    return sorted({f"{url.scheme}://{url.netloc}" for url in map(urlsplit, endpoints)})
