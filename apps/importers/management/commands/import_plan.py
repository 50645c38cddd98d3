"""`manage.py import_plan FILE`: bring a partnership's existing delivery plan document in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from apps.importers.documents import decode_document, parse_plan_document
from apps.importers.parsed import ImportFormatError
from apps.importers.services import partnership_get_or_create, plan_create_from_parsed
from apps.plans.models import Plan


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Import a delivery plan document. Nothing is written unless the whole plan is valid."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", default="Imported partnership")
        parser.add_argument("--status", choices=Plan.Status.values, default=Plan.Status.DRAFT)
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the parsed plan as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            layout, parsed = parse_plan_document(decode_document(data))
        except ImportFormatError as error:
            raise CommandError(f"{path.name}: {error}") from error
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {**parsed.to_json(), "layout": layout.name}, indent=2, ensure_ascii=False
                )
            )
            return
        for warning in parsed.warnings:
            self.stderr.write(f"Line {warning.line}: {warning.message}")
        try:
            with transaction.atomic():
                partnership = partnership_get_or_create(name=options["partnership"])
                plan = plan_create_from_parsed(
                    parsed=parsed,
                    partnership=partnership,
                    status=options["status"],
                    source_name=path.name,
                )
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            self.stdout.write(
                f"Dry run: {path.name} would create “{parsed.title}” with "
                f"{sum(len(t.objectives) for t in parsed.themes)} objectives and "
                f"{parsed.action_count} actions ({len(parsed.warnings)} warnings). Nothing saved."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Created plan {plan.pk} “{plan.title}” in {partnership.name} with "
                f"{sum(len(t.objectives) for t in parsed.themes)} objectives and "
                f"{parsed.action_count} actions ({len(parsed.warnings)} warnings)."
            )
        )
