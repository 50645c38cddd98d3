"""`manage.py load_demo --allow-demo-users`: the demo partnership, on any database, as often as
you like.

The demo creates users who can sign in with a shared password, so it asks for the flag every
time, and under production settings it refuses the default password.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.demo.loader import demo_load
from apps.partnerships.models import Partnership

DEFAULT_DEMO_PASSWORD = "demo"
FLAG_MISSING = (
    "load_demo creates users who can sign in with a shared password (DEMO_PASSWORD). "
    "Run it again with --allow-demo-users if that is what you want."
)
DEFAULT_PASSWORD_REFUSED = (
    "Under production settings the demo users need a password of your own: set DEMO_PASSWORD "
    "to something other than “demo”, then run load_demo --allow-demo-users again."
)


class Command(BaseCommand):
    help = (
        "Load the demo partnership (both NSDC plan editions and demo users). Idempotent. "
        "Needs --allow-demo-users."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any partnership exists"
        )
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help="Create the demo users, who sign in with DEMO_PASSWORD",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = settings.DEMO_PASSWORD
        if not options["allow_demo_users"]:
            raise CommandError(FLAG_MISSING)
        if settings.DEMO_DEFAULT_PASSWORD_REFUSED and password in ("", DEFAULT_DEMO_PASSWORD):
            raise CommandError(DEFAULT_PASSWORD_REFUSED)
        if options["if_empty"] and Partnership.objects.exists():
            self.stdout.write("The database already holds partnerships; demo not loaded again.")
        else:
            result = demo_load(password=password)
            if result.created:
                self.stdout.write(self.style.SUCCESS("Loaded " + ", ".join(result.created) + "."))
            else:
                self.stdout.write("The demo was already loaded; nothing changed.")
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/ with the password in DEMO_PASSWORD (default: "
            "demo) as `demo` (partnership manager and administrator), `ys` (action lead for the "
            "YS actions, in two partnerships), `viewer`, `analyst`, `bolsover` (Bolsover CSP's "
            "manager and administrator) or `police` (agency coordinator for Derbyshire "
            "Constabulary's actions in Bolsover)."
        )
