"""The demo, loaded once for this package's modules (`demo_db`), and the NSDC 2026-27 report
built from it once per module: its files and the figures the database says it must contain."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from apps.demo.reports import NSDC_SLUG
from apps.plans.models import Action, Objective
from apps.plans.selectors import plan_status_summary
from apps.reports.builder import report_build
from apps.reports.models import ReportDefinition
from apps.reports.renderers import FORMATS
from tests.module_db import ModuleDb, outer_transaction

AS_OF = date(2026, 11, 25)


@dataclass
class BuiltReport:
    pdf: bytes
    html: str
    objective_titles: list[str]
    actions: list[tuple[str, str]]  # number, text
    summary_lines: list[str]  # "Completed 13/64 (20%)", from the plans selector
    glossary: list[str]


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text in content order (pdftotext -raw), whitespace collapsed."""
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(out.stdout.split())


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="package")
def demo_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[ModuleDb]:
    """The demo, loaded once in a transaction rolled back when the package's tests end.

    Each module builds what it reads inside `with demo_db(), transaction.atomic():` and rolls
    that savepoint back, so one module's changes (ratings given to actions) never reach the next.
    pytest-xdist runs this directory's modules in one worker (tests/xdist_scheduling.py).
    """
    with outer_transaction(django_db_blocker) as unblock:
        with unblock():
            call_command("load_demo", "--allow-demo-users", stdout=StringIO())
        yield unblock


@pytest.fixture(scope="module")
def nsdc(demo_db: ModuleDb) -> Iterator[BuiltReport]:
    with demo_db(), transaction.atomic():
        definition = ReportDefinition.objects.select_related("partnership").get(slug=NSDC_SLUG)
        plan = definition.plans.get()
        report = report_build(definition=definition, as_of=AS_OF)
        glossary = report.section("glossary")
        built = BuiltReport(
            pdf=FORMATS["pdf"].render(report),
            html=FORMATS["html"].render(report).decode(),
            objective_titles=[words(o.title) for o in Objective.objects.filter(theme__plan=plan)],
            actions=[
                (a.number, words(a.text))
                for a in Action.objects.filter(objective__theme__plan=plan, retired_at=None)
            ],
            summary_lines=[
                str(line)
                for summary in [plan_status_summary(plan=plan)]
                for line in summary.by_rating + summary.by_status
            ],
            glossary=[
                term
                for block in (glossary.blocks if glossary else [])
                for term, _ in getattr(block, "items", [])
            ],
        )
        transaction.set_rollback(True)
    yield built


def html_text(html: str) -> str:
    """Visible text of an HTML report: tags dropped, entities decoded, whitespace collapsed."""
    import html as html_module

    without_svg = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    without_style = re.sub(r"<style.*?</style>", " ", without_svg, flags=re.S)
    return words(html_module.unescape(re.sub(r"<[^>]+>", " ", without_style)))
