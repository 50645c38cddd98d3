"""The read document kept on an upload: what comes back is what the reader made, in every
format, and a document kept by an older reader is not used."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from apps.importers.domain.readers import read_document
from apps.importers.domain.source import DOCUMENT_VERSION, document_from_json, document_to_json
from tests.builders.documents import DocCell, DocTable, docx_bytes, pdf_bytes, xlsx_bytes

TABLE = DocTable(
    title="Plan 2026-27",
    rows=[
        [DocCell("Priority 1", col_span=3, bold=True, fill="#1F3864")],
        ["Action", "Lead", "RAG"],
        ["Do the first thing\n• part one", "Police", DocCell("", fill="#00B050")],
    ],
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "plan.docx",
            docx_bytes(
                [TABLE],
                paragraphs_before=["# Our plan", "Intro."],
                modified=datetime(2026, 10, 1, 9, tzinfo=UTC),
            ),
        ),
        ("plan.xlsx", xlsx_bytes({"Plan": TABLE}, hidden_sheets=())),
        ("plan.pdf", pdf_bytes([TABLE])),
    ],
    ids=["docx", "xlsx", "pdf"],
)
def test_a_document_comes_back_as_it_was_read(name: str, data: bytes) -> None:
    document = read_document(name, data)
    assert document_from_json(document_to_json(document)) == document


def test_a_document_kept_by_an_older_reader_is_read_again() -> None:
    kept = document_to_json(read_document("plan.xlsx", xlsx_bytes({"Plan": TABLE})))
    assert document_from_json({**kept, "version": DOCUMENT_VERSION - 1}) is None
    assert document_from_json(None) is None
