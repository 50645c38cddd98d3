"""The NSDC 2026-27 quarterly report from the demo, built as PDF and HTML and read back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.reports.demo.conftest import BuiltReport, html_text, pdf_text

pytestmark = pytest.mark.django_db


def test_the_demo_plan_is_the_size_the_seed_prints(nsdc: BuiltReport) -> None:
    assert len(nsdc.objective_titles) == 14
    assert len(nsdc.actions) == 64
    assert "Not rated 64/64 (100%)" in nsdc.summary_lines


def test_pdf_holds_every_objective_action_and_summary_figure(
    nsdc: BuiltReport, tmp_path: Path
) -> None:
    text = pdf_text(nsdc.pdf, tmp_path)
    missing_objectives = [t for t in nsdc.objective_titles if t not in text]
    assert missing_objectives == []
    # Each action as the plan prints it: its number, then its words.
    missing_actions = [n for n, t in nsdc.actions if f"{n} {t[:40]}".strip() not in text]
    assert missing_actions == []
    assert [line for line in nsdc.summary_lines if line not in text] == []


def test_pdf_pages_carry_title_marking_and_page_x_of_y(nsdc: BuiltReport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(nsdc.pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]
    assert re.search(r"^Page size:.*\(A4\)", info.stdout, re.M)
    assert re.search(r"^Tagged:\s+yes", info.stdout, re.M)
    text = pdf_text(nsdc.pdf, tmp_path)
    assert f"Page 3 of {pages}" in text
    assert f"Page {pages} of {pages}" in text
    assert text.count("OFFICIAL") >= pages  # the marking on every page
    # Four theme tables, but their header row is printed again on every page they run onto.
    assert text.count("Method By when Lead Action(s) Update(s) RAG") > 4


def test_pdf_links_the_contents_to_named_headings(nsdc: BuiltReport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(nsdc.pdf)
    # pdfinfo -dests lists the named destinations the contents entries and bookmarks use.
    dests = subprocess.run(
        ["pdfinfo", "-dests", str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert "section-delivery_plan" in dests
    assert "section-glossary" in dests


def test_first_pages_render_as_images_that_are_not_blank(nsdc: BuiltReport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(nsdc.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "2", "-png", str(path), str(tmp_path / "page")],
        check=True,
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 2
    for image_path in images:
        with Image.open(image_path) as image:
            inked = sum(image.convert("L").histogram()[:200])  # pixels darker than light grey
        # An A4 page at 50 dpi is about 413 × 585 pixels; text covers well over 1,000.
        assert inked > 1000, image_path.name


def test_html_holds_the_same_content_with_headings_for_the_contents(nsdc: BuiltReport) -> None:
    text = html_text(nsdc.html)
    assert [t for t in nsdc.objective_titles if t not in text] == []
    assert [n for n, t in nsdc.actions if f"{n} {t[:40]}" not in text] == []
    assert [line for line in nsdc.summary_lines if line not in text] == []
    links = re.findall(r'<a class="govuk-link" href="#([^"]+)"', nsdc.html)
    assert len(links) > 10
    ids = set(re.findall(r' id="([^"]+)"', nsdc.html))
    assert [anchor for anchor in links if anchor not in ids] == []
    assert nsdc.html.count("<table") == nsdc.html.count("<thead")


def test_glossary_lists_acronyms_the_report_uses(nsdc: BuiltReport, tmp_path: Path) -> None:
    text = pdf_text(nsdc.pdf, tmp_path)
    body = text[: text.rfind("Glossary")]
    assert "ASB" in nsdc.glossary and "CSP" in nsdc.glossary
    for acronym in nsdc.glossary:
        assert re.search(rf"(?<![\w/-]){re.escape(acronym)}(?![\w/-])", body), acronym
    # In the partnership's glossary but nowhere in this report.
    assert "MAPPA" not in nsdc.glossary
    assert "MAPPA" not in body
