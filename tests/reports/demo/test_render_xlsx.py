"""The Excel report: the 2026-27 NSDC report built from the demo and reopened with openpyxl.

The demo is loaded once for the package (conftest.py); the module builds its report in a
savepoint that is rolled back, and what the sheets should hold is read from the database and
the selectors there and then.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO, StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from apps.demo.reports import NSDC_SLUG
from apps.partnerships.models import Person
from apps.performance.selectors import performance_summary
from apps.plans.models import Action, Rating
from apps.plans.selectors import StatusSummary, overdue_q, plan_status_summary
from apps.reports.builder import content as c
from apps.reports.builder import report_build
from apps.reports.models import ReportDefinition
from apps.reports.renderers.xlsx import render_xlsx, sheet_name
from tests.module_db import ModuleDb

# The module's fixture reads the package's demo (tests/reports/demo/conftest.py); the mark makes
# pytest-django create the test database for it.
pytestmark = pytest.mark.django_db

RATED = {"1)": "G", "2)": "A"}  # the first objective's first actions get ratings


@dataclass
class ActionRow:
    theme: str
    objective: str
    action: str
    by_when: date | str | None


@dataclass
class Built:
    report: c.Report
    data: bytes
    public_data: bytes
    command_data: bytes
    actions: list[ActionRow]
    rated: dict[str, Rating]
    summary: StatusSummary
    current: dict[str, Decimal]  # measure as printed → its latest figure
    overdue: list[str]  # actions as printed, by the plan selectors' definition of overdue
    names: list[str]


def _printed(action: Action) -> str:
    return f"{action.number} {action.text}".strip()


@pytest.fixture(scope="module")
def built(demo_db: ModuleDb, tmp_path_factory: Any) -> Built:
    with demo_db(), transaction.atomic():
        definition = ReportDefinition.objects.get(slug=NSDC_SLUG)
        plan = definition.plans.get()
        actions = list(
            Action.objects.filter(objective__theme__plan=plan, retired_at__isnull=True)
            .select_related("objective__theme")
            .order_by("objective__theme__position", "objective__number", "position", "pk")
        )
        ratings = {r.code: r for r in plan.ratings.all()}
        rated = {}
        for action in actions:
            if action.objective_id == actions[0].objective_id and action.number in RATED:
                action.rating = ratings[RATED[action.number]]
                action.save(update_fields=["rating"])
                rated[_printed(action)] = action.rating
        out = tmp_path_factory.mktemp("xlsx") / "nsdc.xlsx"
        call_command(
            "build_report", NSDC_SLUG, "--format", "xlsx", "--out", str(out), stdout=StringIO()
        )
        report = report_build(definition=definition)
        people = Person.objects.filter(partnership=definition.partnership).exclude(name="")
        current = {
            str(row.measure): row.assessment.latest.value
            for _, rows in performance_summary(partnership=definition.partnership)
            for row in rows
            if row.assessment.latest is not None
        }
        result = Built(
            report=report,
            data=render_xlsx(report),
            public_data=render_xlsx(report_build(definition=definition, public=True)),
            command_data=out.read_bytes(),
            actions=[
                ActionRow(
                    a.objective.theme.title,
                    f"Objective {a.objective.number}: {a.objective.title}".rstrip(": "),
                    _printed(a),
                    a.due_date or a.due_text or None,
                )
                for a in actions
            ],
            rated=rated,
            summary=plan_status_summary(plan=plan),
            current=current,
            overdue=sorted(
                _printed(a) for a in Action.objects.filter(overdue_q(), objective__theme__plan=plan)
            ),
            names=list(people.values_list("name", flat=True)),
        )
        transaction.set_rollback(True)
    return result


def _book(data: bytes) -> Any:
    return load_workbook(BytesIO(data))


def _list(sheet: Worksheet, header_row: int = 3) -> list[dict[Any, Any]]:
    """The first list on a sheet (header on row 3) as dicts, up to the first empty row."""
    header = [cell.value for cell in sheet[header_row]]
    rows = []
    for values in sheet.iter_rows(min_row=header_row + 1, values_only=True):
        if all(value is None for value in values):
            break
        rows.append(dict(zip(header, values, strict=False)))
    return rows


def test_a_cover_sheet_then_a_sheet_per_section(built: Built) -> None:
    book = _book(built.data)
    assert book.sheetnames == [
        "Cover",
        "Introduction",
        "Status summary",
        "Delivery plan",
        "Overdue and due soon",
        "Performance summary",
        "Exceptions",
        "Priorities",
        "Glossary",
    ]
    assert len(book.sheetnames) == 1 + len(built.report.sections)
    cover = book["Cover"]
    fields = {row[0]: row[1] for row in cover.iter_rows(min_row=3, max_row=12, values_only=True)}
    report_cover = built.report.cover
    assert report_cover is not None
    assert fields["Partnership"] == report_cover.partnership
    assert fields["Reporting period"] == report_cover.period_label
    assert fields["Authors"] == "\n".join(report_cover.authors)
    assert fields["Date"] == datetime.combine(report_cover.date, datetime.min.time())
    assert fields["Version"] == report_cover.version
    assert fields["Protective marking"] == "OFFICIAL"
    links = [cell.hyperlink.location for cell in cover["A"] if cell.hyperlink is not None]
    assert links == [f"'{name}'!A1" for name in book.sheetnames[1:]]
    assert book.properties.title == built.report.title


def test_the_delivery_plan_sheet_has_a_row_per_action_as_the_database(built: Built) -> None:
    sheet = _book(built.data)["Delivery plan"]
    rows = _list(sheet)
    assert len(rows) == len(built.actions) == 64
    for row, expected in zip(rows, built.actions, strict=True):
        assert (row["Theme"], row["Objective"], row["Action(s)"].split("\n")[0]) == (
            expected.theme,
            expected.objective,
            expected.action,
        )
        if isinstance(expected.by_when, date):  # dates are Excel dates, not text
            assert row["By when"] == datetime.combine(expected.by_when, datetime.min.time())
        else:
            assert row["By when"] == expected.by_when
    dated = [cell for cell in sheet["D"][3:] if isinstance(cell.value, datetime)]
    assert dated and all(cell.number_format == "d mmm yyyy" for cell in dated)


def test_header_row_bold_and_frozen(built: Built) -> None:
    book = _book(built.data)
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.freeze_panes == "A4", name
        assert all(cell.font.bold for cell in sheet[3] if cell.value is not None), name
    delivery = book["Delivery plan"]
    assert [cell.value for cell in delivery[3]] == [
        "Theme", "Objective", "Method", "By when", "Lead", "Action(s)", "Update(s)", "RAG",
    ]  # fmt: skip
    assert delivery.auto_filter.ref == f"A3:H{3 + len(built.actions)}"


def test_rag_cells_hold_the_word_and_are_filled_with_the_colour(built: Built) -> None:
    sheet = _book(built.data)["Delivery plan"]
    seen = {}
    for row in sheet.iter_rows(min_row=4, max_row=3 + len(built.actions)):
        action = str(row[5].value).split("\n")[0]
        if action in built.rated:
            seen[action] = (row[7].value, row[7].fill.fgColor.rgb[-6:])
        else:
            assert row[7].fill.fill_type is None
    assert seen == {
        action: (rating.label, rating.colour.lstrip("#").upper())
        for action, rating in built.rated.items()
    }


def test_status_summary_figures_are_the_selectors(built: Built) -> None:
    sheet = _book(built.data)["Status summary"]
    assert [cell.value for cell in sheet[3]] == [None, "By RAG rating", "By state", "Overdue"]
    scope, by_rating, by_state, overdue = (cell.value for cell in sheet[4])
    assert scope == "All themes"
    assert by_rating.split("\n") == [str(line) for line in built.summary.by_rating]
    assert by_state.split("\n") == [str(line) for line in built.summary.by_status]
    assert overdue == built.summary.overdue  # a number, to sum or chart
    assert "Green 1/64 (2%)" in by_rating
    assert len(_list(sheet)) == 1 + 4  # all themes, then each theme


def test_the_overdue_list_is_the_plans_overdue_actions(built: Built) -> None:
    rows = _list(_book(built.data)["Overdue and due soon"])
    overdue = [row for row in rows if row["List"] == "Overdue actions"]
    assert sorted(row["Action"] for row in overdue) == built.overdue
    assert len(overdue) == built.summary.overdue == 6
    assert all(isinstance(row["By when"], datetime) for row in overdue)


def test_performance_figures_are_numbers_as_the_database(built: Built) -> None:
    rows = _list(_book(built.data)["Performance summary"])
    figures = {
        row["Measure"]: row["Current"] for row in rows if isinstance(row["Current"], int | float)
    }
    assert figures == {measure: float(value) for measure, value in built.current.items()}
    assert len(figures) == 9  # the demo measures with figures


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    long = "Introduction and strategic themes for the year"
    assert sheet_name(long, taken) == long[:31]
    assert sheet_name(long, taken) == long[:27] + " (2)"
    assert sheet_name("Q1: what/why?", taken) == "Q1 whatwhy"
    assert sheet_name("q1 WHATWHY", taken) == "q1 WHATWHY (2)"  # Excel ignores case
    assert all(len(name) <= 31 for name in taken)


def test_text_that_looks_like_a_formula_stays_text() -> None:
    table = c.Table(
        "Risky", ["Text", "Figure"], [c.Row([c.Cell.of("=1+1"), c.Cell.of("3", value=3)])]
    )
    report = c.Report(
        "T", "t", "P", "OFFICIAL", False, None, [], [c.Section(c.GLOSSARY, "G", "g", [table])]
    )
    sheet = _book(render_xlsx(report))["Glossary"]
    assert (sheet["A4"].value, sheet["A4"].data_type) == ("=1+1", "s")
    assert (sheet["B4"].value, sheet["B4"].data_type) == (3, "n")


def test_the_same_report_gives_the_same_bytes(built: Built) -> None:
    assert render_xlsx(built.report) == built.data


def test_build_report_command_writes_a_workbook_that_reopens(built: Built) -> None:
    book = _book(built.command_data)
    assert book.sheetnames == _book(built.data).sheetnames
    assert len(_list(book["Delivery plan"])) == len(built.actions)


def _all_text(data: bytes) -> str:
    with zipfile.ZipFile(BytesIO(data)) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        )


def test_public_version_names_nobody(built: Built) -> None:
    assert built.names
    internal, public = _all_text(built.data), _all_text(built.public_data)
    assert any(name in internal for name in built.names)
    for name in built.names:
        assert name not in public
    cover = {
        row[0]: row[1] for row in _book(built.public_data)["Cover"].iter_rows(values_only=True)
    }
    assert cover["Version of the report"] == "Public"
