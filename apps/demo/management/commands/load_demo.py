"""`manage.py load_demo`: the demo partnership, on any database, as often as you like."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps.demo.loader import demo_load
from apps.partnerships.models import Partnership
from config.env import ENV


class Command(BaseCommand):
    help = "Load the demo partnership (both NSDC plan editions and demo users). Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any partnership exists"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Partnership.objects.exists():
            self.stdout.write("The database already holds partnerships; demo not loaded again.")
        else:
            result = demo_load(password=ENV.DEMO_PASSWORD)
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
