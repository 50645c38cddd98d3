"""Add an organisation's OpenID Connect provider for single sign-on, from its discovery
document. The client secret is never given here: it goes in the environment variable named."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.accounts.single_sign_on.services import provider_add, provider_discover


class Command(BaseCommand):
    help = (
        "Let the people of one or more email domains sign in through their organisation's "
        "OpenID Connect provider (for Microsoft Entra ID the discovery URL is "
        "https://login.microsoftonline.com/<tenant id>/v2.0/.well-known/openid-configuration)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="For example: Nottinghamshire Police")
        parser.add_argument("--discovery-url", required=True)
        parser.add_argument("--client-id", required=True)
        parser.add_argument(
            "--client-secret-variable",
            required=True,
            help="The environment variable holding the client secret, OIDC_CLIENT_SECRET_<NAME>",
        )
        parser.add_argument(
            "--domain", action="append", required=True, help="An email domain; repeat for more"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            endpoints = provider_discover(discovery_url=options["discovery_url"])
            provider = provider_add(
                name=options["name"],
                endpoints=endpoints,
                client_id=options["client_id"],
                client_secret_variable=options["client_secret_variable"],
                domains=options["domain"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        domains = ", ".join(provider.domains.values_list("domain", flat=True))
        self.stdout.write(f"{provider.name} now signs in people with addresses at {domains}.")
        self.stdout.write(
            f"Set {provider.client_secret_variable} in the environment to the client secret, "
            "and give the provider this redirect URI: "
            "https://<this site>/accounts/sign-in/organisation/callback/"
        )
