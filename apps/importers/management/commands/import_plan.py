"""`manage.py import_plan FILE`: bring a partnership's existing plan documents in, in any format
the upload page reads, choosing columns the way the preview would and without questions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from apps.importers.domain.parsed import ImportFormatError, ParsedPlan
from apps.importers.domain.readers import read_document
from apps.importers.domain.reading import DocumentReading, TableChoices, document_plans
from apps.importers.domain.tables.headings import USE_LABELS, Use, heading_key
from apps.importers.domain.tables.plan_reader import column_choices, uses_from_headings
from apps.importers.selectors import column_choices_remembered, partnership_named
from apps.importers.services import column_choices_remember, plan_create_from_parsed
from apps.partnerships.services import partnership_get_or_create
from apps.plans.models import Plan

USES = ", ".join(str(use) for use in USE_LABELS)


class _DryRun(Exception):
    pass


def _describe(parsed: ParsedPlan) -> str:
    objectives = sum(len(t.objectives) for t in parsed.themes)
    return (
        f"“{parsed.title}” ({parsed.layout}) with {objectives} objectives and "
        f"{parsed.action_count} actions ({len(parsed.warnings)} warnings)"
    )


def _mapping(pairs: list[str]) -> dict[str, Use]:
    """ "Target date=by_when" pairs, by heading as compared."""
    mapping: dict[str, Use] = {}
    for pair in pairs:
        heading, sep, use = pair.rpartition("=")
        if not sep or not heading.strip():
            raise CommandError(
                f"--map “{pair}”: write it as HEADING=USE, for example “Target date=by_when”"
            )
        try:
            mapping[heading_key(heading)] = Use(use.strip().lower())
        except ValueError as error:
            raise CommandError(
                f"--map “{pair}”: “{use}” is not a use. Use one of: {USES}"
            ) from error
    return mapping


class Command(BaseCommand):
    help = (
        "Import the plans in a document: Word, Excel, PDF, CSV, OpenDocument or text. Columns "
        "are chosen by their headings (change one with --map). Nothing is written unless every "
        "chosen plan is valid."
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
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADING=USE",
            help=f"How the column with this heading is used, in every table; USE is one of {USES}",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the parsed plans as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        mapping = _mapping(options["map"])
        existing = partnership_named(name=options["partnership"])
        remembered = column_choices_remembered(partnership=existing) if existing else {}
        try:
            reading = self._read(path.name, data, mapping, remembered)
        except ImportFormatError as error:
            raise CommandError(f"{path.name}: {error}") from error
        if not reading.plans:
            raise CommandError(self._no_plan(path.name, reading))
        chosen = self._choose(reading.plans, options["plan"])
        if options["json"]:
            shape: dict[str, Any] = (
                chosen[0].to_json()
                if len(chosen) == 1
                else {"plans": [parsed.to_json() for parsed in chosen]}
            )
            if not reading.preset:
                # a preset reads its own layout and chooses no columns
                shape["columns"] = column_choices(reading.tables)
                shape["skipped"] = reading.skipped
            self.stdout.write(json.dumps(shape, indent=2, ensure_ascii=False))
            return
        for line in reading.skipped:
            self.stderr.write(f"Not read: {line}")
        for table in reading.tables:
            uses = ", ".join(
                f"{heading or f'column {n + 1}'} → {use}"
                for n, (heading, use) in enumerate(zip(table.headings, table.uses, strict=False))
            )
            self.stderr.write(f"Table {table.index} ({table.origin.describe()}): {uses}")
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
                column_choices_remember(partnership=partnership, reading=reading, user=None)
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
    def _read(
        name: str, data: bytes, mapping: dict[str, Use], remembered: dict[str, list[Use]]
    ) -> DocumentReading:
        document = read_document(name, data)
        reading = document_plans(document, remembered=remembered)
        if not mapping or reading.preset:
            return reading
        chosen = uses_from_headings(reading.tables, mapping)
        found = {heading_key(h) for table in reading.tables for h in table.headings}
        unknown = [key for key in mapping if key not in found]
        if unknown:
            headings = sorted({h for t in reading.tables for h in t.headings if h})
            raise CommandError(
                f"--map: no table has a column headed “{unknown[0]}”. "
                f"The headings found are: {'; '.join(headings) or 'none'}"
            )
        chosen = {index: uses for index, uses in chosen.items() if Use.ACTION in uses}
        return document_plans(document, choices=TableChoices(uses=chosen), remembered=remembered)

    @staticmethod
    def _no_plan(name: str, reading: DocumentReading) -> str:
        tables = "; ".join(
            f"table {t.index} ({t.origin.describe()}): {', '.join(h for h in t.headings if h)}"
            for t in reading.tables
        )
        return (
            f"{name}: no table looks like a plan. Say which column holds the actions with "
            f"--map “HEADING=action”. Tables found: {tables or 'none'}"
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
