"""`manage.py import_plan FILE`: bring a partnership's existing plan documents in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from apps.importers.domain.documents import decode_document, parse_plan_documents
from apps.importers.domain.parsed import ImportFormatError, ParsedPlan
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.services import partnership_get_or_create
from apps.plans.models import Plan


class _DryRun(Exception):
    pass


def _describe(parsed: ParsedPlan) -> str:
    objectives = sum(len(t.objectives) for t in parsed.themes)
    return (
        f"“{parsed.title}” ({parsed.layout}) with {objectives} objectives and "
        f"{parsed.action_count} actions ({len(parsed.warnings)} warnings)"
    )


class Command(BaseCommand):
    help = (
        "Import the plans in a document (several when it is a committee pack). Nothing is "
        "written unless every chosen plan is valid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", default="Imported partnership")
        parser.add_argument("--status", choices=Plan.Status.values, default=Plan.Status.DRAFT)
        parser.add_argument(
            "--plan",
            type=int,
            action="append",
            metavar="N",
            help="Only the Nth plan of a document holding several (1 is the first); repeatable",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the parsed plans as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            found = parse_plan_documents(decode_document(data))
        except ImportFormatError as error:
            raise CommandError(f"{path.name}: {error}") from error
        chosen = self._choose(found, options["plan"])
        if options["json"]:
            shape: dict[str, Any] = (
                chosen[0].to_json()
                if len(chosen) == 1
                else {"plans": [parsed.to_json() for parsed in chosen]}
            )
            self.stdout.write(json.dumps(shape, indent=2, ensure_ascii=False))
            return
        for parsed in chosen:
            for warning in parsed.warnings:
                self.stderr.write(f"{parsed.layout}, line {warning.line}: {warning.message}")
        try:
            with transaction.atomic():
                partnership = partnership_get_or_create(name=options["partnership"])
                plans = [
                    plan_create_from_parsed(
                        parsed=parsed,
                        partnership=partnership,
                        status=options["status"],
                        source_name=path.name,
                    )
                    for parsed in chosen
                ]
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            for parsed in chosen:
                self.stdout.write(f"Dry run: {path.name} would create {_describe(parsed)}.")
            self.stdout.write("Nothing saved.")
            return
        for plan, parsed in zip(plans, chosen, strict=True):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created plan {plan.pk} in {partnership.name}: {_describe(parsed)}."
                )
            )

    @staticmethod
    def _choose(found: list[ParsedPlan], wanted: list[int] | None) -> list[ParsedPlan]:
        if not wanted:
            return found
        listing = "; ".join(f"{n}: “{p.title}”" for n, p in enumerate(found, start=1))
        for number in wanted:
            if not 1 <= number <= len(found):
                raise CommandError(
                    f"There is no plan {number} in this document. It holds {listing}."
                )
        return [found[number - 1] for number in sorted(set(wanted))]
