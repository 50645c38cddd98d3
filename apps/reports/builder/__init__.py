"""Builds a board report's content from a saved definition, once, for every format to render.

`report_build` is the entry point; `content` is the plain content model the renderers read.
"""

from apps.reports.builder import content
from apps.reports.builder.content import report_texts
from apps.reports.builder.glossary import acronyms_used
from apps.reports.builder.report import report_build

__all__ = ["acronyms_used", "content", "report_build", "report_texts"]
