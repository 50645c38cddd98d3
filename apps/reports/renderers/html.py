"""A report as HTML: the report page's body, and a self-contained file to download or print.

The templates dispatch on each block's kind, worked out here, so they need no type checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string

from apps.reports.builder import content as c

KINDS: dict[type, str] = {
    c.Heading: "heading",
    c.Paragraph: "paragraph",
    c.BulletList: "bullets",
    c.DefinitionList: "definitions",
    c.Table: "table",
    c.Chart: "chart",
    c.Note: "note",
}


@dataclass
class DefinitionRows:
    """A definition list as (term, definition, rag) rows for the template."""

    rows: list[tuple[str, str, c.Rag | None]]


@dataclass
class SectionView:
    section: c.Section
    blocks: list[tuple[str, Any]]


def _view(block: c.Block) -> tuple[str, Any]:
    kind = KINDS[type(block)]
    if isinstance(block, c.DefinitionList):
        rags = list(block.rags) + [None] * (len(block.items) - len(block.rags))
        return kind, DefinitionRows(
            [(t, d, r) for (t, d), r in zip(block.items, rags, strict=True)]
        )
    return kind, block


def report_context(report: c.Report) -> dict[str, Any]:
    """What `_report_body.html` needs: the report and its sections with block kinds."""
    sections = [SectionView(s, [_view(b) for b in s.blocks]) for s in report.sections]
    return {"report": report, "sections": sections}


def render_html(report: c.Report, *, print_css: str = "") -> bytes:
    """A standalone HTML document (styles inline, no other files needed)."""
    context = {**report_context(report), "print_css": print_css}
    return render_to_string("reports/report.html", context).encode("utf-8")
