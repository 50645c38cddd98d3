"""The file formats a report can be downloaded in: code → how to render it.

A renderer is `render(report: Report) -> bytes`, importable by its dotted path; it is imported
only when that format is built, so WeasyPrint is not loaded to show an HTML page. To add a
format, add a `Format` to `FORMATS` (the report page, the download view and `build_report`
all read this registry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from apps.reports.builder.content import Report

UNKNOWN_FORMAT = "There is no report format called “{code}”. Choose one of: {available}"


@dataclass(frozen=True)
class Format:
    code: str  # as in the download URL and `build_report --format`
    label: str  # as the download link says it
    extension: str  # without the dot
    content_type: str
    renderer: str  # dotted path of `render(report) -> bytes`

    def render(self, report: Report) -> bytes:
        module, _, name = self.renderer.rpartition(".")
        function: Callable[[Report], bytes] = getattr(import_module(module), name)
        return function(report)

    def filename(self, report: Report) -> str:
        return f"{report.filename_stem}.{self.extension}"


FORMATS: dict[str, Format] = {
    f.code: f
    for f in (
        Format(
            "html",
            "Web page (HTML)",
            "html",
            "text/html; charset=utf-8",
            "apps.reports.renderers.html.render_html",
        ),
        Format("pdf", "PDF", "pdf", "application/pdf", "apps.reports.renderers.pdf.render_pdf"),
        Format(
            "docx",
            "Word document",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "apps.reports.renderers.docx.render_docx",
        ),
        Format(
            "xlsx",
            "Excel workbook",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "apps.reports.renderers.xlsx.render_xlsx",
        ),
    )
}


def format_get(code: str) -> Format:
    """The registered format, or a ValueError naming the ones there are."""
    try:
        return FORMATS[code]
    except KeyError:
        available = ", ".join(FORMATS)
        raise ValueError(UNKNOWN_FORMAT.format(code=code, available=available)) from None
