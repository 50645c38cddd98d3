"""Whatever bytes arrive, read_document gives a document or a clear ImportFormatError naming
the file; never another exception. Hypothesis truncates and corrupts real files of each kind
and tries arbitrary bytes."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import read_document
from apps.importers.domain.source import SourceDocument
from tests.builders.documents import (
    csv_bytes,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    xlsx_bytes,
)
from tests.importers.domain.readers.tables import PLAN

NAMES = ["plan.docx", "tracker.xlsx", "plan.csv", "plan.pdf", "plan.odt", "tracker.ods", "p.txt"]


@functools.cache
def originals() -> list[bytes]:
    return [
        docx_bytes([PLAN]),
        xlsx_bytes({"Plan": PLAN}),
        csv_bytes(PLAN),
        pdf_bytes([PLAN]),
        odt_bytes([PLAN]),
        ods_bytes({"Plan": PLAN}),
    ]


def read_or_refuse(name: str, data: bytes) -> None:
    try:
        document = read_document(name, data)
    except ImportFormatError as error:
        assert f"“{name}”" in str(error)
    else:
        assert isinstance(document, SourceDocument)
        assert document.text.strip()
        assert_well_formed(document)


def assert_well_formed(document: SourceDocument) -> None:
    """Every table a rectangle with an origin per row; spans inside it, covered positions
    repeating their merge's text."""
    for table in document.tables:
        assert len(table.row_origins) == len(table.rows)
        assert {len(row) for row in table.rows} <= {table.width}
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                assert r + cell.row_span <= len(table.rows)
                assert c + cell.col_span <= table.width


def test_every_builder_gives_a_well_formed_document() -> None:
    for name, data in zip(NAMES, originals(), strict=False):
        assert_well_formed(read_document(name, data))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(0, 5),
    name=st.sampled_from(NAMES),
    cut=st.floats(0, 1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
)
def test_truncated_or_corrupted_files(
    which: int, name: str, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(originals()[which])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    read_or_refuse(name, bytes(data[: max(1, int(cut * len(data)))]))


@settings(max_examples=100)
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=2000))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    read_or_refuse(name, data)
