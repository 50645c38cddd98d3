"""Reading and previewing plans in every format, as ratios to reading the same rows from CSV.

The upload preview reads the document on every visit, so this is what a manager waits for: the
reader for the format, then the general table reader. Each format is compared with a CSV of the
same rows measured in the same run; peak memory is Python's (tracemalloc), per read.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from apps.importers.domain.readers import read_document
from apps.importers.domain.reading import document_plans, document_read
from apps.importers.domain.source import document_from_json, document_to_json
from bench.harness import Measurement, measure, report
from tests.builders.documents import DocTable, csv_bytes, docx_bytes, pdf_bytes, xlsx_bytes

HEADINGS = ["Ref", "What we will do", "Lead officer", "Target date", "RAG", "Latest position"]
RAGS = ["Green", "Amber", "Red", "Blue"]
REPEAT = 2  # best of two after a warm-up: a 100-page PDF takes a while


def _table(rows: int) -> DocTable:
    body: list[list[str]] = [HEADINGS]
    for n in range(1, rows + 1):
        body.append(
            [
                f"{n // 20 + 1}.{n % 20 + 1}",
                f"Action {n}: run a week of action on anti-social behaviour in ward {n % 37}",
                ["Police", "Council", "Fire", "Housing"][n % 4],
                f"{n % 28 + 1}/{n % 12 + 1}/2027",
                RAGS[n % 4],
                f"Progress on action {n}: partners met and agreed the next steps.",
            ]
        )
    return DocTable(rows=list(body), title="Community Safety Partnership Delivery Plan 2026-27")


def _read(name: str, data: bytes) -> int:
    reading = document_read(name, data)
    return sum(plan.action_count for plan in reading.plans)


def _preview_again(kept: dict[str, Any]) -> int:
    document = document_from_json(kept)
    assert document is not None
    return sum(plan.action_count for plan in document_plans(document).plans)


def _case(label: str, name: str, data: bytes, csv: bytes) -> list[Measurement]:
    actions = _read(name, data)
    kept = document_to_json(read_document(name, data))
    size = f"{len(data) // 1024} KiB"
    return [
        measure(
            f"CSV, same rows ({actions} actions)",
            partial(_read, "plan.csv", csv),
            repeat=REPEAT,
            memory=True,
        ),
        measure(
            f"{label} ({size}, {actions} actions)",
            partial(_read, name, data),
            repeat=REPEAT,
            memory=True,
        ),
        measure(
            f"{label}: preview again, as kept",
            partial(_preview_again, kept),
            repeat=REPEAT,
            memory=True,
        ),
    ]


def run() -> None:
    word = _table(1_000)
    book = _table(5_000)
    pdf = _table(1_500)  # about 100 landscape pages
    cases = [
        (
            "Word table, 1,000 rows",
            "plan.docx",
            docx_bytes([word], landscape=True),
            csv_bytes(word),
        ),
        ("Workbook, 5,000 rows", "plan.xlsx", xlsx_bytes({"Plan": book}), csv_bytes(book)),
        ("PDF, 100 pages, 1,500 rows", "plan.pdf", pdf_bytes([pdf]), csv_bytes(pdf)),
    ]
    for label, name, data, csv in cases:
        results = _case(label, name, data, csv)
        report(f"Reading and previewing: {label}", results, baseline=results[0])
