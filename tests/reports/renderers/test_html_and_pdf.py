"""The renderers: RAG cells with word and colour, text escaped, colours checked, a PDF with
bookmarks from the headings, and a PDF that fetches nothing."""

from __future__ import annotations

from datetime import date

import pytest

from apps.partnerships.models import Partnership
from apps.plans.models import Action, Rating
from apps.reports.builder import content as c
from apps.reports.builder import report_build
from apps.reports.renderers.formats import FORMATS, format_get
from apps.reports.renderers.html import render_html
from apps.reports.renderers.pdf import FETCH_REFUSED, NoFetching, css_string, pdf_document
from tests import builders

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 11, 25)


def _report(partnership: Partnership, small_plan: builders.SmallPlan) -> c.Report:
    definition = builders.definition(partnership=partnership, plans=[small_plan.plan])
    return report_build(definition=definition, as_of=AS_OF)


def test_rag_cells_carry_the_word_and_the_colour(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    html = render_html(_report(partnership, small_plan)).decode()
    green_cell = (
        '<td class="govuk-table__cell app-report-rag-cell" '
        'style="background-color: #00703c; color: #ffffff">Green</td>'
    )
    # Two green actions, in the delivery plan table (the overdue table has none of them).
    assert html.count(green_cell) == 2


def test_a_colour_that_is_not_a_hex_colour_never_reaches_a_style(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    # seven characters, the field's length, so PostgreSQL stores it as SQLite does
    Rating.objects.filter(plan=small_plan.plan, code="G").update(colour="red;}a{")
    html = render_html(_report(partnership, small_plan)).decode()
    assert "red;}a{" not in html
    assert 'style="background-color: #ffffff;' in html  # the safe fallback


def test_text_from_the_plan_is_escaped(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    Action.objects.filter(pk=small_plan.actions[0].pk).update(text="<script>alert(1)</script>")
    html = render_html(_report(partnership, small_plan)).decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pdf_bookmarks_follow_the_headings(
    partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    report = _report(partnership, small_plan)
    tree = pdf_document(report).make_bookmark_tree()
    top = [bookmark[0] for bookmark in tree]
    assert top == ["Contents"] + [s.heading for s in report.sections]
    delivery = tree[top.index("Delivery plan")]
    assert [child[0] for child in delivery[2]] == ["Prevention", "Response"]


def test_pdf_fetches_no_files_or_addresses() -> None:
    with pytest.raises(ValueError, match="do not load files"):
        NoFetching().fetch("file:///etc/passwd")
    assert FETCH_REFUSED.format(url="x").startswith("Reports do not load")


def test_css_strings_cannot_break_out_of_the_stylesheet() -> None:
    assert css_string('Plan "A" </style>\\') == '"Plan \\"A\\" \\3c /style>\\\\"'


def test_registry_names_the_formats_there_are() -> None:
    assert {"html", "pdf"} <= set(FORMATS)
    with pytest.raises(ValueError, match="There is no report format called “odt”") as error:
        format_get("odt")
    assert all(code in str(error.value) for code in FORMATS)
