"""The Word report: the 2026-27 NSDC report built from the demo and read back with python-docx.

The demo is loaded once for the package (conftest.py); the module builds its report in a
savepoint that is rolled back, and every figure the tests expect is read from the database or
the built `Report` there and then.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO, StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from docx import Document
from docx.oxml.ns import qn

from apps.demo.reports import NSDC_SLUG
from apps.partnerships.models import Person
from apps.plans.models import Action, Objective, Rating
from apps.plans.selectors import StatusSummary, plan_status_summary
from apps.reports.builder import content as c
from apps.reports.builder import report_build
from apps.reports.models import ReportDefinition
from apps.reports.renderers import docx_charts as render_docx_charts
from apps.reports.renderers.docx import CHART_NOT_DRAWN, render_docx
from tests.module_db import ModuleDb

# The module's fixture reads the package's demo (tests/reports/demo/conftest.py); the mark makes
# pytest-django create the test database for it.
pytestmark = pytest.mark.django_db

RATED = {"1)": "G", "2)": "A", "3)": "R"}  # the first objective's first actions get ratings


@dataclass
class Built:
    report: c.Report
    data: bytes
    public_data: bytes
    command_data: bytes
    objectives: list[str]
    actions: list[tuple[str, str]]  # (objective as printed, action as printed)
    rated: dict[str, Rating]  # action as printed → its rating
    summary: StatusSummary
    names: list[str]


def _printed(action: Action) -> str:
    return f"{action.number} {action.text}".strip()


def _objective(action: Action) -> str:
    return f"Objective {action.objective.number}: {action.objective.title}".rstrip(": ")


@pytest.fixture(scope="module")
def built(demo_db: ModuleDb, tmp_path_factory: Any) -> Built:
    with demo_db(), transaction.atomic():
        definition = ReportDefinition.objects.get(slug=NSDC_SLUG)
        plan = definition.plans.get()
        actions = list(
            Action.objects.filter(objective__theme__plan=plan, retired_at__isnull=True)
            .select_related("objective")
            .order_by("objective__theme__position", "objective__number", "position")
        )
        ratings = {r.code: r for r in plan.ratings.all()}
        first_objective = actions[0].objective_id
        rated = {}
        for action in actions:
            if action.objective_id == first_objective and action.number in RATED:
                action.rating = ratings[RATED[action.number]]
                action.save(update_fields=["rating"])
                rated[_printed(action)] = action.rating
        out = tmp_path_factory.mktemp("docx") / "nsdc.docx"
        call_command(
            "build_report", NSDC_SLUG, "--format", "docx", "--out", str(out), stdout=StringIO()
        )
        report = report_build(definition=definition)
        result = Built(
            report=report,
            data=render_docx(report),
            public_data=render_docx(report_build(definition=definition, public=True)),
            command_data=out.read_bytes(),
            objectives=sorted(
                f"Objective {o.number}: {o.title}".rstrip(": ")
                for o in Objective.objects.filter(theme__plan=plan)
            ),
            actions=sorted((_objective(a), _printed(a)) for a in actions),
            rated=rated,
            summary=plan_status_summary(plan=plan),
            names=list(
                Person.objects.filter(partnership=definition.partnership)
                .exclude(name="")
                .values_list("name", flat=True)
            ),
        )
        transaction.set_rollback(True)
    return result


def _document(data: bytes) -> Any:
    return Document(BytesIO(data))


def _styled(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _all_xml(data: bytes) -> str:
    with zipfile.ZipFile(BytesIO(data)) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        )


def _blocks(report: c.Report) -> list[c.Block]:
    return [block for section in report.sections for block in section.blocks]


def _delivery_tables(document: Any) -> list[Any]:
    header = ["Method", "By when", "Lead", "Action(s)", "Update(s)", "RAG"]
    return [t for t in document.tables if [cell.text for cell in t.rows[0].cells] == header]


def test_headings_are_word_heading_styles_one_to_one_with_the_report(built: Built) -> None:
    document = _document(built.data)
    blocks = _blocks(built.report)
    assert _styled(document, "Title") == [built.report.title]
    assert _styled(document, "Heading 1") == [s.heading for s in built.report.sections]
    level_3 = [b.text for b in blocks if isinstance(b, c.Heading) and b.level == 3]
    assert _styled(document, "Heading 2") == level_3
    level_4 = [b.text for b in blocks if isinstance(b, c.Heading) and b.level == 4]
    assert _styled(document, "Heading 3") == level_4
    # Absolute checks on the demo: eight sections, fifteen subheadings, the four themes.
    assert _styled(document, "Heading 1") == [
        "Introduction and strategic themes",
        "RAG status key and status summary",
        "Delivery plan",
        "Overdue and due-soon actions",
        "Performance summary",
        "Exception reporting",
        "Priorities",
        "Glossary",
    ]
    assert len(level_3) == 15
    assert {"Prevention", "Response", "Support", "Collaborative Working"} <= set(level_3)


def test_every_table_definition_list_and_chart_figures_is_a_word_table(built: Built) -> None:
    document = _document(built.data)
    blocks = _blocks(built.report)
    tables = [b for b in blocks if isinstance(b, c.Table)]
    charts = [b for b in blocks if isinstance(b, c.Chart)]
    definitions = [b for b in blocks if isinstance(b, c.DefinitionList)]
    chart_tables = [chart.data for chart in charts if chart.data is not None]
    assert len(document.tables) == len(tables) + len(chart_tables) + len(definitions)
    assert (len(tables), len(charts), len(definitions)) == (13, 9, 3)
    content_tables = [*tables, *chart_tables]
    word_tables = [t for t in document.tables if t.rows[0]._tr.trPr is not None]
    headed = [t for t in word_tables if t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(headed) == len(content_tables)
    delivery = _delivery_tables(document)
    expected = [t for t in tables if t.kind == c.TABLE_DELIVERY]
    assert [len(t.rows) for t in delivery] == [1 + len(t.rows) for t in expected]
    assert len(delivery) == 4


def test_header_rows_repeat_and_only_header_rows(built: Built) -> None:
    document = _document(built.data)
    for table in _delivery_tables(document):
        flags = [
            row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows
        ]
        assert flags == [True] + [False] * (len(table.rows) - 1)
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:cantSplit")) is not None  # and it never breaks


def test_every_objective_and_action_of_the_plan_is_in_the_delivery_tables(built: Built) -> None:
    document = _document(built.data)
    found, objectives = [], []
    for table in _delivery_tables(document):
        objective = ""
        for row in table.rows[1:]:
            cells = row.cells
            if len({id(cell._tc) for cell in cells}) == 1:  # a merged objective row
                objective = cells[0].text
                objectives.append(objective)
            else:
                found.append((objective, cells[3].paragraphs[0].text))
    assert sorted(found) == built.actions
    assert sorted(objectives) == built.objectives
    assert (len(found), len(objectives)) == (64, 14)


def test_rag_cells_carry_the_word_and_the_colour(built: Built) -> None:
    document = _document(built.data)
    seen = {}
    for table in _delivery_tables(document):
        for row in table.rows[1:]:
            cells = row.cells
            action = cells[3].paragraphs[0].text
            if action in built.rated:
                shading = cells[5]._tc.tcPr.find(qn("w:shd"))
                seen[action] = (cells[5].text, shading.get(qn("w:fill")))
    assert seen == {
        action: (rating.label, rating.colour.lstrip("#")) for action, rating in built.rated.items()
    }
    assert sorted(word for word, _ in seen.values()) == ["Amber", "Green", "Red"]


def test_status_summary_figures_are_the_selectors(built: Built) -> None:
    document = _document(built.data)
    summary_table = next(t for t in document.tables if t.rows[0].cells[1].text == "By RAG rating")
    all_themes = summary_table.rows[1].cells
    assert all_themes[0].text == "All themes"
    assert all_themes[1].text.splitlines() == [str(line) for line in built.summary.by_rating]
    assert all_themes[2].text.splitlines() == [str(line) for line in built.summary.by_status]
    assert all_themes[3].text == f"{built.summary.overdue}/{built.summary.total}"
    assert "Green 1/64 (2%)" in all_themes[1].text


def test_cover_contents_field_header_footer_and_page(built: Built) -> None:
    document = _document(built.data)
    text = "\n".join(p.text for p in document.paragraphs)
    cover = built.report.cover
    assert cover is not None
    for expected in (cover.partnership, cover.period_label, *cover.authors, cover.version):
        assert expected in text
    assert f"Protective marking: {cover.protective_marking}" in text
    body = document.element.body.xml
    assert 'TOC \\o "1-3"' in body
    contents = _styled(document, "TOC Heading")
    assert contents == ["Contents"]
    for entry in built.report.contents:  # the shown list before Word refreshes the field
        assert entry.text in text
    assert document.settings.element.find(qn("w:updateFields")) is not None
    section = document.sections[0]
    header = [p.text for p in section.header.paragraphs]
    assert header == [built.report.protective_marking, built.report.title]
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert section.footer.paragraphs[0].text == "Page 1 of 1"  # until Word counts the pages
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert len(landscape) == 1  # the delivery plan
    assert document.core_properties.title == built.report.title
    assert document.core_properties.author == "; ".join(cover.authors)


def test_charts_are_pictures_with_alt_text(built: Built) -> None:
    document = _document(built.data)
    charts = [b for b in _blocks(built.report) if isinstance(b, c.Chart)]
    shapes = document.inline_shapes
    assert len(shapes) == len(charts) == 9
    descriptions = [shape._inline.docPr.get("descr") for shape in shapes]
    assert descriptions == [chart.description for chart in charts]


def test_without_pdftoppm_charts_fall_back_to_their_figures(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_docx_charts.shutil, "which", lambda name: None)
    document = _document(render_docx(built.report))
    assert len(document.inline_shapes) == 0
    notes = [p.text for p in document.paragraphs if p.text == CHART_NOT_DRAWN]
    assert len(notes) == 9
    assert len(document.tables) == len(_document(built.data).tables)


def test_the_same_report_gives_the_same_bytes(built: Built) -> None:
    assert render_docx(built.report) == built.data


def test_build_report_command_writes_a_word_file_that_reopens(built: Built) -> None:
    document = _document(built.command_data)
    assert _styled(document, "Heading 1") == [s.heading for s in built.report.sections]
    assert len(document.tables) == len(_document(built.data).tables)


def test_public_version_names_nobody(built: Built) -> None:
    assert built.names  # the demo has people with names on record
    internal, public = _all_xml(built.data), _all_xml(built.public_data)
    assert any(name in internal for name in built.names)
    for name in built.names:
        assert name not in public
    assert "This is the public version" in public


def test_pasted_control_characters_and_empty_lists_do_not_break_the_document() -> None:
    table = c.Table("Odd\x0btext", ["Text"], [c.Row([c.Cell.of("Tab\there, vertical\x0btab")])])
    blocks: list[c.Block] = [
        c.Paragraph("Form\x0cfeed", emphasis=True),
        c.BulletList(["One", "Two"], numbered=True),
        c.DefinitionList([]),
        c.Note("Nothing else."),
        table,
    ]
    report = c.Report("Title\x01", "t", "P", "OFFICIAL", False, None, [], [])
    report.sections = [c.Section(c.GLOSSARY, "Glossary", "g", blocks)]
    document = _document(render_docx(report))
    texts = [p.text for p in document.paragraphs]
    assert "Formfeed" in texts
    assert _styled(document, "List Number") == ["One", "Two"]
    assert len(document.tables) == 1  # the empty definition list is left out
    assert document.tables[0].rows[1].cells[0].text == "Tab\there, verticaltab"
    assert document.core_properties.title == "Title"
