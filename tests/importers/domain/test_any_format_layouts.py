"""Plans in eight layouts unlike the seeds and unlike each other, each in the formats it would
come in, read from the file's bytes as an upload is: every action's text, lead, by-when, status
and RAG asserted.

The layouts are made the way councils make them: title rows above the header, merged theme rows,
a theme column merged down, one table per priority with headings between, 1.2.3 numbering,
bullets inside cells, RAG by colour only, a semicolon Windows-1252 CSV and a landscape PDF whose
table runs over several pages with rows split across a page break.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from apps.importers.domain.parsed import ParsedAction, ParsedPlan
from apps.importers.domain.reading import document_read
from tests.builders.documents import (
    DocCell,
    DocTable,
    csv_bytes,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    xlsx_bytes,
)

GREEN, AMBER, RED = "#00B050", "#FFC000", "#FF0000"


@dataclass(frozen=True)
class Expected:
    text: str
    leads: tuple[str, ...]
    due_text: str
    due: str | None  # ISO date the by-when is read as
    status: str | None
    rag: str | None
    theme: str = ""


@dataclass(frozen=True)
class Case:
    tables: list[DocTable]
    expected: list[Expected]
    formats: tuple[str, ...]
    between: tuple[str, ...] = ()  # headings before each table (Word, OpenDocument, PDF)


def _render(case: Case, fmt: str) -> tuple[str, bytes]:
    tables = case.tables
    if fmt == "docx":
        return "plan.docx", docx_bytes(tables, landscape=True)
    if fmt == "odt":
        return "plan.odt", odt_bytes(tables)
    if fmt == "pdf":
        return "plan.pdf", pdf_bytes(tables)
    if fmt == "xlsx":
        return "plan.xlsx", xlsx_bytes({"Plan": tables})
    if fmt == "ods":
        return "plan.ods", ods_bytes({f"Sheet{n}": t for n, t in enumerate(tables, 1)})
    if fmt == "csv":
        return "plan.csv", csv_bytes(tables[0])
    if fmt == "csv-1252":
        return "plan.csv", csv_bytes(tables[0], delimiter=";", encoding="cp1252")
    raise AssertionError(fmt)


def _actions(plan: ParsedPlan) -> list[tuple[str, ParsedAction]]:
    return [(t.title, a) for t in plan.themes for o in t.objectives for a in o.actions]


COUNCIL_WORD_PLAN = Case(
    tables=[
        DocTable(
            title="Safer Lincoln Partnership Delivery Plan 2026-27",
            rows=[
                [DocCell("Priority 1: Serious violence", col_span=6, bold=True, fill="#1F3864")],
                ["Ref", "What we will do", "Lead partner", "Target date", "RAG", "Progress"],
                ["1.1", "Map knife crime hotspots", "Police", "30/09/2026", "Green", "Shared"],
                ["1.2", "Fund detached youth workers", "Council", "March 2027", "Amber", ""],
                [DocCell("Priority 2: Anti-social behaviour", col_span=6, bold=True)],
                ["2.1", "Hold an ASB awareness week", "Housing", "Q3 2026/27", "Red", "Late"],
            ],
        )
    ],
    expected=[
        Expected(
            "Map knife crime hotspots",
            ("Police",),
            "30/09/2026",
            "2026-09-30",
            None,
            "G",
            "Priority 1: Serious violence",
        ),
        Expected(
            "Fund detached youth workers",
            ("Council",),
            "March 2027",
            "2027-03-31",
            None,
            "A",
            "Priority 1: Serious violence",
        ),
        Expected(
            "Hold an ASB awareness week",
            ("Housing",),
            "Q3 2026/27",
            "2026-12-31",
            None,
            "R",
            "Priority 2: Anti-social behaviour",
        ),
    ],
    formats=("docx", "odt", "pdf", "xlsx"),
)

TRACKER_THEME_MERGED_DOWN = Case(
    tables=[
        DocTable(
            title="Community Safety Partnership tracker – updated 01/10/2026",
            rows=[
                ["Theme", "Action", "Owner", "Deadline", "Status", "Comments"],
                [
                    DocCell("Protecting vulnerable people", row_span=2),
                    "Refresh the MARAC protocol",
                    "Probation",
                    "31.3.27",
                    "In progress",
                    "Draft out",
                ],
                ["Roll out Ask for Angela", "Licensing", "31st March 2027", "Not started", ""],
                [
                    "Safer streets",
                    "Install CCTV at the bus station",
                    "Council",
                    "Summer 26",
                    "Complete",
                    "Live",
                ],
            ],
        )
    ],
    expected=[
        Expected(
            "Refresh the MARAC protocol",
            ("Probation",),
            "31.3.27",
            "2027-03-31",
            "ongoing",
            None,
            "Protecting vulnerable people",
        ),
        Expected(
            "Roll out Ask for Angela",
            ("Licensing",),
            "31st March 2027",
            "2027-03-31",
            "not_started",
            None,
            "Protecting vulnerable people",
        ),
        Expected(
            "Install CCTV at the bus station",
            ("Council",),
            "Summer 26",
            "2026-08-31",
            "completed",
            None,
            "Safer streets",
        ),
    ],
    formats=("xlsx", "ods", "docx", "pdf"),
)

ONE_TABLE_PER_PRIORITY = Case(
    tables=[
        DocTable(
            heading_before="Reducing reoffending",
            rows=[
                ["Action", "Lead agency", "By when", "RAG rating"],
                ["Expand the IOM cohort to include burglary", "Probation", "Ongoing", "G"],
                ["Open a women's centre referral route", "Health", "TBC", "A"],
            ],
        ),
        DocTable(
            heading_before="Tackling drug harm",
            rows=[
                ["Action", "Lead agency", "By when", "RAG rating"],
                ["Run Project ADDER outreach sessions", "CGL", "31/12/2026", "R"],
            ],
        ),
    ],
    expected=[
        Expected(
            "Expand the IOM cohort to include burglary",
            ("Probation",),
            "Ongoing",
            None,
            "ongoing",
            "G",
            "Reducing reoffending",
        ),
        Expected(
            "Open a women's centre referral route",
            ("Health",),
            "TBC",
            None,
            None,
            "A",
            "Reducing reoffending",
        ),
        Expected(
            "Run Project ADDER outreach sessions",
            ("CGL",),
            "31/12/2026",
            "2026-12-31",
            None,
            "R",
            "Tackling drug harm",
        ),
    ],
    formats=("docx", "odt", "pdf"),
)

NUMBERED_BRAG = Case(
    tables=[
        DocTable(
            rows=[
                ["No.", "Activity", "Responsible officer", "Timescale", "BRAG", "Latest position"],
                [
                    "1.1.1",
                    "Agree a serious violence duty strategy",
                    "Head of Community Safety",
                    "30/06/2026",
                    "B",
                    "Agreed at board",
                ],
                [
                    "1.1.2",
                    "Publish the strategic needs assessment",
                    "Analyst",
                    "31/07/2026",
                    "G",
                    "",
                ],
                [
                    "2.1.1",
                    "Recruit a hate crime caseworker",
                    "Council",
                    "September 2026",
                    "A",
                    "Advertised",
                ],
            ],
        )
    ],
    expected=[
        Expected(
            "Agree a serious violence duty strategy",
            ("Head of Community Safety",),
            "30/06/2026",
            "2026-06-30",
            "completed",
            "B",
        ),
        Expected(
            "Publish the strategic needs assessment",
            ("Analyst",),
            "31/07/2026",
            "2026-07-31",
            None,
            "G",
        ),
        Expected(
            "Recruit a hate crime caseworker",
            ("Council",),
            "September 2026",
            "2026-09-30",
            None,
            "A",
        ),
    ],
    formats=("xlsx", "csv", "docx", "ods"),
)

BULLETS_IN_CELLS = Case(
    tables=[
        DocTable(
            rows=[
                ["Deliverable", "Who", "When", "Rating"],
                [
                    "Deliver a domestic abuse training programme\n"
                    "• Frontline housing staff\n• GP receptionists",
                    "Jane Smith; Police",
                    "Quarter 3 2026/27",
                    "Amber",
                ],
                [
                    "Launch a safe space scheme\n• Ten shops signed up",
                    "Council",
                    "Spring 2027",
                    "Green",
                ],
            ],
        )
    ],
    expected=[
        Expected(
            "Deliver a domestic abuse training programme",
            ("Jane Smith", "Police"),
            "Quarter 3 2026/27",
            "2026-12-31",
            None,
            "A",
        ),
        Expected(
            "Launch a safe space scheme", ("Council",), "Spring 2027", "2027-05-31", None, "G"
        ),
    ],
    formats=("docx", "xlsx", "odt", "ods"),
)

RAG_BY_COLOUR_ONLY = Case(
    tables=[
        DocTable(
            rows=[
                ["Task", "Lead", "Due date", "RAG"],
                [
                    "Review the PSPO for the town centre",
                    "Council",
                    "01/04/2027",
                    DocCell("", fill=GREEN),
                ],
                [
                    "Set up a rural crime partnership",
                    "Police",
                    "30/11/2026",
                    DocCell("", fill=AMBER),
                ],
                [
                    "Commission a youth diversion project",
                    "OPCC",
                    "31/01/2027",
                    DocCell("", fill=RED),
                ],
            ],
        )
    ],
    expected=[
        Expected(
            "Review the PSPO for the town centre",
            ("Council",),
            "01/04/2027",
            "2027-04-01",
            None,
            "G",
        ),
        Expected(
            "Set up a rural crime partnership", ("Police",), "30/11/2026", "2026-11-30", None, "A"
        ),
        Expected(
            "Commission a youth diversion project", ("OPCC",), "31/01/2027", "2027-01-31", None, "R"
        ),
    ],
    formats=("docx", "xlsx", "ods", "odt"),
)

SEMICOLON_CP1252 = Case(
    tables=[
        DocTable(
            rows=[
                [
                    "Ref",
                    "Deliverable",
                    "Lead agency",
                    "Completion date",
                    "RAG status",
                    "Commentary",
                ],
                [
                    "A1",
                    "Spend the £25,000 Safer Streets grant – phase 2",
                    "Council",
                    "31/03/2027",
                    "G",
                    "On track",
                ],
                [
                    "A2",
                    "Audit street lighting in the park",
                    "Council; Police",
                    "Completed",
                    "G",
                    "Done in June",
                ],
            ],
        )
    ],
    expected=[
        Expected(
            "Spend the £25,000 Safer Streets grant – phase 2",
            ("Council",),
            "31/03/2027",
            "2027-03-31",
            None,
            "G",
        ),
        Expected(
            "Audit street lighting in the park",
            ("Council", "Police"),
            "Completed",
            None,
            "completed",
            "G",
        ),
    ],
    formats=("csv-1252", "xlsx"),
)

_LONG = " ".join(["Partners will meet monthly to review progress and agree next steps."] * 6)
LONG_PDF = Case(
    tables=[
        DocTable(
            title="Community Safety Action Plan 2026-2029",
            rows=[["Ref", "Action", "Lead", "Target date", "RAG"]]
            + [
                [
                    str(n),
                    f"Action {n}: {_LONG if n % 7 == 0 else 'tackle shoplifting in the market'}",
                    "Police",
                    f"{n % 28 + 1}/03/2027",
                    ["Red", "Amber", "Green"][n % 3],
                ]
                for n in range(1, 61)
            ],
        )
    ],
    expected=[
        Expected(
            f"Action {n}: {_LONG if n % 7 == 0 else 'tackle shoplifting in the market'}",
            ("Police",),
            f"{n % 28 + 1}/03/2027",
            f"2027-03-{n % 28 + 1:02d}",
            None,
            "RAG"[n % 3],
        )
        for n in range(1, 61)
    ],
    formats=("pdf", "docx"),
)

CASES = {
    "council-word-plan": COUNCIL_WORD_PLAN,
    "tracker-theme-merged-down": TRACKER_THEME_MERGED_DOWN,
    "one-table-per-priority": ONE_TABLE_PER_PRIORITY,
    "numbered-brag": NUMBERED_BRAG,
    "bullets-in-cells": BULLETS_IN_CELLS,
    "rag-by-colour-only": RAG_BY_COLOUR_ONLY,
    "semicolon-cp1252": SEMICOLON_CP1252,
    "long-landscape-pdf": LONG_PDF,
}
PARAMS = [
    pytest.param(case, fmt, id=f"{name}-{fmt}")
    for name, case in CASES.items()
    for fmt in case.formats
]


@pytest.mark.parametrize(("case", "fmt"), PARAMS)
def test_every_action_is_read_from_the_file(case: Case, fmt: str) -> None:
    name, data = _render(case, fmt)
    reading = document_read(name, data)
    assert not reading.needs_choice, [t.reason for t in reading.tables]
    [plan] = reading.plans
    actions = _actions(plan)
    got = [
        (
            a.text,
            tuple(a.leads),
            a.due_text,
            a.due_date.isoformat() if a.due_date else None,
            a.status,
            a.rag,
        )
        for _, a in actions
    ]
    want = [(e.text, e.leads, e.due_text, e.due, e.status, e.rag) for e in case.expected]
    assert got == want
    for (theme, _), expected in zip(actions, case.expected, strict=True):
        if expected.theme:
            assert theme == expected.theme


def test_bullets_in_a_cell_stay_with_their_action() -> None:
    for fmt in BULLETS_IN_CELLS.formats:
        [plan] = document_read(*_render(BULLETS_IN_CELLS, fmt)).plans
        first = _actions(plan)[0][1]
        assert first.sub_items == ["Frontline housing staff", "GP receptionists"], fmt


def test_a_row_split_over_a_page_break_is_one_action() -> None:
    reading = document_read(*_render(LONG_PDF, "pdf"))
    [table] = [t for t in reading.tables if t.action_count]
    assert table.action_count == 60
    pages = {row.origin.page for row in table.rows}
    assert len(pages) >= 3  # the table really ran over several pages
