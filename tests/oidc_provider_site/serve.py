"""Start the test provider: bind a free loopback port, migrate a throwaway database, make an
RSA signing key, one client (SaferPlan) and its users, print "READY <port>", then serve.

    python -m tests.oidc_provider_site.serve --database DB --redirect-uri URI \\
        --client-id ID --client-secret SECRET --user USERNAME:PASSWORD:EMAIL [--user ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write("provider: " + (format % args) + "\n")


def _prepare(arguments: argparse.Namespace) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0, interactive=False)
    call_command("creatersakey", stdout=sys.stderr)
    client = Client.objects.create(
        name="SaferPlan",
        client_type="confidential",
        client_id=arguments.client_id,
        client_secret=arguments.client_secret,
        jwt_alg="RS256",
        require_consent=False,
        reuse_consent=True,
        _redirect_uris=arguments.redirect_uri,
        _scope="openid email profile",
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    for spec in arguments.user:
        username, password, email = spec.split(":", 2)
        User.objects.create_user(username, email=email, password=password)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", type=Path, required=True)
    parser.add_argument("--redirect-uri", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--user", action="append", default=[])
    arguments = parser.parse_args(argv)

    import django
    from django.conf import settings

    from tests.oidc_provider_site.settings import provider_settings

    # Bound first (port 0: the system picks a free one), so the issuer can name the port.
    server = make_server(
        "127.0.0.1", 0, lambda e, s: [], server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    port = server.server_address[1]
    settings.configure(
        **provider_settings(database=arguments.database, site_url=f"http://127.0.0.1:{port}")
    )
    django.setup()
    _prepare(arguments)

    from django.core.wsgi import get_wsgi_application

    server.set_app(get_wsgi_application())
    print(f"READY {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
