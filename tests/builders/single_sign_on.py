"""Identity providers for single sign-on tests, through the accounts services."""

from __future__ import annotations

from apps.accounts.models import IdentityProvider
from apps.accounts.single_sign_on.services import provider_add


def identity_provider(
    *,
    name: str = "Nottinghamshire Police",
    base: str = "https://login.notts-police.example",
    domains: tuple[str, ...] = ("notts.police.uk",),
    client_id: str = "saferplan",
    client_secret_variable: str = "OIDC_CLIENT_SECRET_NOTTS_POLICE",
) -> IdentityProvider:
    endpoints = {
        "issuer": base,
        "authorization_endpoint": f"{base}/authorize",
        "token_endpoint": f"{base}/token",
        "userinfo_endpoint": f"{base}/userinfo",
        "jwks_uri": f"{base}/jwks",
    }
    return provider_add(
        name=name,
        endpoints=endpoints,
        client_id=client_id,
        client_secret_variable=client_secret_variable,
        domains=domains,
    )
