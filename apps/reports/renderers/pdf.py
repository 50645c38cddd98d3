"""A report as a PDF, by WeasyPrint from the standalone HTML with print styles added.

A4 pages with the title and protective marking in a running header, "Page 3 of 12" at the
foot, table headers repeated on every page, rows kept whole where they fit, charts as vectors,
bookmarks from the headings, and a tagged PDF/UA-1 file for screen readers. WeasyPrint may
fetch nothing: the HTML carries its styles and charts inline, so every URL is refused.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML, Document, URLFetcher

from apps.core.text import text_squash
from apps.reports.builder.content import Report
from apps.reports.renderers.html import render_html

PDF_VARIANT = "pdf/ua-1"  # tagged for accessibility (WeasyPrint sets pdf_tags with it)
FETCH_REFUSED = "Reports do not load files or web addresses: {url}"


class NoFetching(URLFetcher):
    """Refuses every URL except inline data, so a report cannot read files or the network."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(FETCH_REFUSED.format(url=url))


def css_string(text: str) -> str:
    """Text as a quoted CSS string: quotes, backslashes and "<" escaped, lines joined."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return '"' + text_squash(escaped) + '"'


def print_css(report: Report) -> str:
    return render_to_string(
        "reports/print.css",
        {"title": css_string(report.title), "marking": css_string(report.protective_marking)},
    )


def pdf_document(report: Report) -> Document:
    """The laid-out pages (for the PDF, and for tests reading its bookmarks and pages)."""
    html = render_html(report, print_css=print_css(report)).decode("utf-8")
    return HTML(string=html, url_fetcher=NoFetching(), media_type="print").render(
        pdf_variant=PDF_VARIANT
    )


def render_pdf(report: Report) -> bytes:
    pdf: bytes = pdf_document(report).write_pdf(pdf_variant=PDF_VARIANT)
    return pdf
