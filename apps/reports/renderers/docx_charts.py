"""Charts as PNG pictures for the Word document, which cannot hold SVG simply.

No SVG rasteriser is installed (no cairosvg), but WeasyPrint already draws the charts as
vectors for the PDF, and poppler's `pdftoppm` (installed by the Makefile for the PDF checks)
turns PDF pages into PNGs. So every chart goes on a page of its own in one small PDF, and one
`pdftoppm` run rasterises them all. Where `pdftoppm` is missing or fails, the charts come back
as None and the Word renderer prints each chart's figures as a table instead.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from apps.performance.domain.chart import HEIGHT, WIDTH
from apps.reports.builder.content import Chart

DPI = 192  # twice the 96 CSS pixels an inch the chart is drawn at: sharp when printed
TIMEOUT_SECONDS = 60
PAGE_CSS = (
    f"@page {{ size: {WIDTH}px {HEIGHT}px; margin: 0 }}"
    f"body {{ margin: 0 }} svg {{ display: block; width: {WIDTH}px; height: {HEIGHT}px }}"
    "div { break-after: page }"
)


def _charts_pdf(charts: list[Chart]) -> bytes:
    from weasyprint import HTML  # imported here: only a Word build with charts needs it

    from apps.reports.renderers.pdf import NoFetching

    pages = "".join(f"<div>{chart.svg}</div>" for chart in charts)
    html = f"<!doctype html><html><head><style>{PAGE_CSS}</style></head><body>{pages}</body></html>"
    pdf: bytes = HTML(string=html, url_fetcher=NoFetching()).write_pdf()
    return pdf


def charts_png(charts: list[Chart]) -> list[bytes | None]:
    """Each chart as PNG bytes, in order; all None when they cannot be drawn here."""
    if not charts:
        return []
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return [None] * len(charts)
    with tempfile.TemporaryDirectory(prefix="report-charts-") as folder:
        source = Path(folder) / "charts.pdf"
        source.write_bytes(_charts_pdf(charts))
        try:
            subprocess.run(
                [pdftoppm, "-png", "-r", str(DPI), str(source), str(Path(folder) / "chart")],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            return [None] * len(charts)
        # pdftoppm numbers pages with as many digits as the last needs: sorting by name works.
        pictures = sorted(Path(folder).glob("chart-*.png"))
        if len(pictures) != len(charts):
            return [None] * len(charts)
        return [picture.read_bytes() for picture in pictures]
