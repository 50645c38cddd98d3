"""One council's quarterly performance report as it arrives in Word, Excel (real numbers,
percentages formatted as such, RAG by fill alone), CSV, PDF and OpenDocument: every format
gives the same indicators, figures, priorities and ratings."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from apps.importers.domain.readers import read_document
from apps.importers.domain.tables.indicators import IndicatorRow, indicators_read
from tests.builders.documents import (
    DocCell,
    DocTable,
    csv_bytes,
    docx_bytes,
    ods_bytes,
    pdf_bytes,
    xlsx_bytes,
)

GREEN, AMBER, RED, GREY = "#00B050", "#FFC000", "#FF0000", "#D9D9D9"


def _number(value: float, text: str, number_format: str = "#,##0") -> DocCell:
    return DocCell(text, value=value, number_format=number_format)


REPORT = DocTable(
    title="Safer Communities Partnership: performance 2025/26 (lower is better unless stated)",
    heading_before="Quarterly performance report",
    rows=[
        ["Ref", "Performance indicator", "Baseline", "Target", "Q1", "Q2", "Q3", "RAG"],
        [DocCell("A. Reduce violence", col_span=8, fill=GREY, bold=True)],
        [
            "A1",
            "Violence with injury",
            _number(1210, "1,210"),
            _number(1150, "1,150"),
            _number(301, "301"),
            _number(288, "288"),
            _number(275, "275"),
            DocCell("", fill=GREEN),
        ],
        [
            "A2",
            "Repeat victims of domestic abuse",
            _number(0.332, "33.2%", "0.0%"),
            _number(0.3, "30%", "0%"),
            _number(0.321, "32.1%", "0.0%"),
            _number(0.335, "33.5%", "0.0%"),
            "n/a",
            DocCell("", fill=AMBER),
        ],
        [DocCell("B. Build confidence", col_span=8, fill=GREY, bold=True)],
        [
            "B1",
            "Hate crimes reported (higher is better)",
            _number(412, "412"),
            "Increase",
            _number(98, "98"),
            _number(120, "120"),
            _number(131, "131"),
            DocCell("", fill=RED),
        ],
    ],
)

FORMATS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "docx": ("report.docx", lambda: docx_bytes([REPORT])),
    "xlsx": ("report.xlsx", lambda: xlsx_bytes({"KPIs": REPORT})),
    "csv": ("report.csv", lambda: csv_bytes(REPORT)),
    "pdf": ("report.pdf", lambda: pdf_bytes([REPORT])),
    "ods": ("report.ods", lambda: ods_bytes({"KPIs": REPORT})),
}


def _figures(row: IndicatorRow) -> list[Decimal | None]:
    return [f.value for f in row.figures]


@pytest.mark.parametrize("kind", FORMATS)
def test_every_format_reads_the_same_report(kind: str) -> None:
    name, build = FORMATS[kind]
    reading = indicators_read(read_document(name, build()))
    assert reading.problems == []
    [table] = reading.tables_read
    assert table.year is not None and table.year.label == "2025/26"
    injury, repeat, hate = table.indicators
    assert [r.code for r in table.indicators] == ["A1", "A2", "B1"]
    assert (injury.priority, repeat.priority) == ("A. Reduce violence",) * 2
    assert hate.priority == "B. Build confidence"
    assert _figures(injury) == [Decimal(301), Decimal(288), Decimal(275)]
    assert [f.period_label for f in injury.figures] == ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26"]
    assert (injury.baseline, injury.target, injury.polarity) == (
        Decimal(1210),
        Decimal(1150),
        "down",
    )
    assert _figures(repeat) == [Decimal("32.1"), Decimal("33.5"), None]
    assert repeat.unit == "percentage" and repeat.target == Decimal(30)
    assert (hate.target_kind, hate.polarity) == ("direction", "up")
    if kind != "csv":  # a CSV keeps no colours
        assert [r.rag for r in table.indicators] == ["Green", "Amber", "Red"]
