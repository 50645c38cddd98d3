"""Renderers: a built report (`apps.reports.builder.content.Report`) as the bytes of a file.

One module a format (html, pdf, docx, xlsx), registered in `formats`. Only `pdf` and
`docx_charts` import WeasyPrint, and only when a PDF or a Word file with charts is built, so
this package can be imported to show an HTML page without loading it.
"""

from apps.reports.renderers.formats import FORMATS, Format, format_get
from apps.reports.renderers.html import report_context

__all__ = ["FORMATS", "Format", "format_get", "report_context"]
