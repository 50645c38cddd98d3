"""`manage.py build_report SLUG --format pdf --out FILE`: a saved report, built to a file.

For scheduled packs and for checking a report without a browser; the same builder and
renderers as the report page's downloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.reports.builder import report_build
from apps.reports.renderers import format_get
from apps.reports.selectors import report_definition_by_slug, report_definition_slugs

NO_SUCH_REPORT = "There is no saved report called “{slug}”. Saved reports: {available}"
CANNOT_WRITE = "Could not write {path}: {reason}"


class Command(BaseCommand):
    help = "Build a saved report definition (by its short name) in a format, to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("definition", help="The report's short name, e.g. nsdc-2026-27.")
        parser.add_argument("--format", required=True, help="html, pdf, or another registered.")
        parser.add_argument("--out", required=True, type=Path, help="The file to write.")
        parser.add_argument(
            "--public", action="store_true", help="Build the public version (no internal matter)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            file_format = format_get(options["format"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        slug = options["definition"]
        found = report_definition_by_slug(slug=slug)
        if found is None:
            available = ", ".join(report_definition_slugs())
            raise CommandError(NO_SUCH_REPORT.format(slug=slug, available=available or "none"))
        report = report_build(definition=found, public=options["public"] or None)
        data = file_format.render(report)
        out: Path = options["out"]
        try:
            out.write_bytes(data)
        except OSError as error:
            raise CommandError(CANNOT_WRITE.format(path=out, reason=error.strerror)) from None
        self.stdout.write(f"Wrote {out} ({file_format.label}, {len(data):,} bytes)")
