"""CSV files: the delimiter and encoding found, one table, rows numbered as a spreadsheet."""

from __future__ import annotations

import pytest

from apps.importers.domain.readers import read_document
from apps.importers.domain.source import Origin
from tests.builders.documents import DocTable, csv_bytes
from tests.importers.domain.readers.tables import PLAN, texts

ACCENTS = DocTable(
    rows=[
        ["Action", "Lead", "Update"],
        ["Café licensing “Best Bar None”", "Licensing – Council", "On track; 50% done"],
        ["Patrols, weekends", "Police", "Started\n• Friday\n• Saturday"],
    ]
)


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8-sig"), (",", "utf-8"), (";", "cp1252"), ("\t", "utf-8"), ("\t", "utf-16")],
)
def test_delimiters_and_encodings(delimiter: str, encoding: str) -> None:
    document = read_document("plan.csv", csv_bytes(ACCENTS, delimiter=delimiter, encoding=encoding))
    table = document.tables[0]
    assert document.format == "csv"
    assert texts(table) == ACCENTS.rows
    assert table.row_origins == [Origin(row=n) for n in (1, 2, 3)]


def test_merged_text_appears_once_and_titles_are_rows_of_their_own() -> None:
    document = read_document("plan.csv", csv_bytes(PLAN, delimiter=";", encoding="cp1252"))
    rows = texts(document.tables[0])
    assert rows[0] == ["Delivery plan 2026-27", "", "", "", ""]
    assert rows[1] == ["Priority 2: Reduce anti-social behaviour", "", "", "", ""]
    assert rows[5][2] == ""  # the lead merged down is written once, in row 5
    assert document.tables[0].row_origins[-1] == Origin(row=7)


def test_blank_rows_at_the_ends_are_trimmed_and_numbering_kept() -> None:
    data = b"\r\n\r\nAction,Lead\r\nPatrol,Police\r\n\r\n"
    table = read_document("plan.csv", data).tables[0]
    assert texts(table) == [["Action", "Lead"], ["Patrol", "Police"]]
    assert table.row_origins == [Origin(row=3), Origin(row=4)]


def test_excels_delimiter_hint_line_is_not_a_row() -> None:
    data = b"sep=;\r\nAction;Lead;By when\r\nPatrol, weekly;Police;Ongoing\r\n"
    table = read_document("plan.csv", data).tables[0]
    assert texts(table) == [["Action", "Lead", "By when"], ["Patrol, weekly", "Police", "Ongoing"]]
    assert table.row_origins == [Origin(row=2), Origin(row=3)]


def test_a_csv_saved_with_a_text_name_is_still_read_as_a_csv() -> None:
    document = read_document("export.txt", csv_bytes(ACCENTS, delimiter=";", encoding="cp1252"))
    assert document.format == "csv"
    assert texts(document.tables[0]) == ACCENTS.rows
