"""Board reports: time and peak memory to build a report in each format, as ratios to HTML.

Two reports: the demo's 2026-27 NSDC quarterly report (64 actions, priorities and charts) and
a generated 1,000-action plan with every plan section. Each case is the whole job a download
does (build the content from the database, then render), so the ratio to the HTML build of
the same report in this run says what a format costs on top of the content.
"""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from apps.demo.reports import NSDC_SLUG
from apps.reports.builder import report_build
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition
from apps.reports.renderers import FORMATS, Format
from bench.harness import Measurement, measure, report
from tests import builders

LARGE_ACTIONS = 1_000
FORMAT_CODES = ("html", "pdf", "docx", "xlsx")


def _large_definition() -> ReportDefinition:
    partnership = builders.partnership(name="Report bench CSP")
    plan = builders.large_plan(partnership=partnership, actions=LARGE_ACTIONS)
    definition = ReportDefinition.objects.create(
        partnership=partnership,
        slug="bench-large-plan",
        title=f"Delivery plan report, {LARGE_ACTIONS:,} actions",
        sections=list(SECTION_CODES),
        authors="Bench author",
        version="1.0",
    )
    definition.plans.add(plan)
    return definition


def _cases(label: str, definition: ReportDefinition, *, repeat: int) -> list[Measurement]:
    results = []
    for code in FORMAT_CODES:

        def build(file_format: Format = FORMATS[code]) -> None:
            data = file_format.render(report_build(definition=definition))
            assert data, f"{label} as {file_format.code} is empty"

        results.append(measure(f"{label}, {code}", build, repeat=repeat, memory=True))
    return results


def _print_sizes(label: str, definition: ReportDefinition) -> None:
    built = report_build(definition=definition)
    sizes = ", ".join(
        f"{code} {len(FORMATS[code].render(built)) / 1024:,.0f} KiB" for code in FORMAT_CODES
    )
    print(f"  {label} file sizes: {sizes}")


def run() -> None:
    call_command("load_demo", "--allow-demo-users", stdout=StringIO())
    nsdc = ReportDefinition.objects.get(slug=NSDC_SLUG)
    large = _large_definition()
    for label, definition, repeat in (
        ("NSDC 2026-27 report", nsdc, 3),
        (f"{LARGE_ACTIONS:,}-action plan", large, 1),
    ):
        results = _cases(label, definition, repeat=repeat)
        report(f"Report build: {label}", results, baseline=results[0])
        _print_sizes(label, definition)
