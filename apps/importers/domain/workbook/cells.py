"""An action's fields as a spreadsheet cell shows them, and back.

The export and the import's comparison both go through these functions, so an unchanged
workbook reads back as exactly what is stored and the round trip finds nothing to change.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from apps.core.text import text_squash
from apps.importers.domain.workbook.layout import BULLET


def clean_text(value: str) -> str:
    """Text as a cell can hold it: no control characters, Windows line ends made plain."""
    return ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def text_cell(text: str, sub_items: list[str]) -> str:
    lines = [clean_text(text)] + [BULLET + clean_text(text_squash(s)) for s in sub_items]
    return "\n".join(lines)


def split_text_cell(cell: str) -> tuple[str, list[str]]:
    """The action's text and its sub-items: the trailing lines that start with a bullet."""
    lines = clean_text(cell).split("\n")
    sub_items: list[str] = []
    while len(lines) > 1 and lines[-1].strip().startswith(BULLET.strip()):
        item = lines.pop().strip()[len(BULLET.strip()) :].strip()
        if item:
            sub_items.insert(0, item)
    return "\n".join(lines).strip(), sub_items
