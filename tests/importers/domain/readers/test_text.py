"""Plain text: the seed documents read exactly as today, and tab-separated runs as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.documents import decode_document
from apps.importers.domain.readers import read_document
from apps.importers.domain.source import Block, Origin, Table


@pytest.mark.parametrize(
    "path", [NSDC_2025, NSDC_2026, NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017], ids=str
)
def test_the_seed_documents_text_is_exactly_the_decoded_file(path: Path) -> None:
    data = path.read_bytes()
    document = read_document(path.name, data)
    assert document.format == "text"
    assert document.text == decode_document(data)
    assert document.items


def test_tab_separated_runs_are_tables_and_other_lines_blocks() -> None:
    text = (
        "# Safer Streets plan\n"
        "Agreed in March.\n"
        "- Listen to residents\n"
        "\n"
        "Action\tLead\tBy when\n"
        "Patrol parks\tPolice\t31/03/2027\n"
        "Mark bikes\tCouncil\n"
        "Notes follow.\n"
    )
    document = read_document("plan.txt", text.encode("cp1252"))
    kinds = [item.kind if isinstance(item, Block) else "table" for item in document.items]
    assert kinds == ["heading", "paragraph", "list_item", "table", "paragraph"]
    table = document.items[3]
    assert isinstance(table, Table)
    assert [table.texts(i) for i in range(3)] == [
        ["Action", "Lead", "By when"],
        ["Patrol parks", "Police", "31/03/2027"],
        ["Mark bikes", "Council", ""],
    ]
    assert table.row_origins == [Origin(line=5), Origin(line=6), Origin(line=7)]
    assert document.text == text


def test_windows_1252_text_is_decoded() -> None:
    document = read_document("plan.txt", "Café “patrols” – weekly".encode("cp1252"))
    assert document.text == "Café “patrols” – weekly"
