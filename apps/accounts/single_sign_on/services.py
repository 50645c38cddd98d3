"""Writes for single sign-on: add an organisation's identity provider from its discovery
document, for the email domains whose people it signs in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import IdentityProvider, IdentityProviderDomain

DISCOVERY_UNREADABLE = (
    "Could not read the provider's discovery document at {url}: check the address "
    "(it ends /.well-known/openid-configuration)"
)
DISCOVERY_INCOMPLETE = "The provider's discovery document does not give its {field}"
DOMAIN_TAKEN = "{domain} already signs in through {provider}"
DOMAINS_MISSING = "Enter at least one email domain, for example notts.police.uk"

_ENDPOINTS = ("issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")


def provider_discover(
    *, discovery_url: str, fetch: Callable[..., Any] = requests.get
) -> dict[str, str]:
    """The issuer and endpoints that a provider's OpenID Connect discovery document gives."""
    try:
        response = fetch(discovery_url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ValidationError(DISCOVERY_UNREADABLE.format(url=discovery_url)) from error
    found = {}
    for field in _ENDPOINTS:
        value = document.get(field) if isinstance(document, dict) else None
        if not isinstance(value, str) or not value:
            raise ValidationError(DISCOVERY_INCOMPLETE.format(field=field))
        found[field] = value
    return found


@transaction.atomic
def provider_add(
    *,
    name: str,
    endpoints: dict[str, str],
    client_id: str,
    client_secret_variable: str,
    domains: Iterable[str],
    signing_algorithm: str = IdentityProvider.SigningAlgorithm.RS256,
) -> IdentityProvider:
    """An identity provider that signs in the people of these email domains. Its secret stays
    in the environment variable named; a domain belongs to one provider only."""
    domains = sorted({d.strip().lower().lstrip("@") for d in domains if d.strip()})
    if not domains:
        raise ValidationError({"domains": DOMAINS_MISSING})
    provider = IdentityProvider(
        name=name.strip(),
        client_id=client_id.strip(),
        client_secret_variable=client_secret_variable.strip(),
        signing_algorithm=signing_algorithm,
        **{field: endpoints.get(field, "") for field in _ENDPOINTS},
    )
    provider.full_clean()
    provider.save()
    for domain in domains:
        taken = IdentityProviderDomain.objects.filter(domain=domain).select_related("provider")
        if taken.exists():
            other = taken.get().provider.name
            raise ValidationError({"domains": DOMAIN_TAKEN.format(domain=domain, provider=other)})
        row = IdentityProviderDomain(provider=provider, domain=domain)
        row.full_clean()
        row.save()
    return provider


def provider_set_active(*, provider: IdentityProvider, active: bool) -> IdentityProvider:
    """Stop (or resume) signing people in through this provider; they use passwords meanwhile."""
    provider.active = active
    provider.full_clean()
    provider.save(update_fields=["active"])
    return provider
