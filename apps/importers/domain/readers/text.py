"""Plain text as today's importer decodes it, with runs of tab-separated lines read as tables.

The five seed presets read ``SourceDocument.text``, so it is the decoded file exactly, as
``documents.decode_document`` gives it.
"""

from __future__ import annotations

import re

from apps.importers.domain.readers import common, safety
from apps.importers.domain.readers.detect import UTF16_BOMS
from apps.importers.domain.source import Block, Cell, Item, Origin, SourceDocument, Table

_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_BULLET = re.compile(r"(\s*)(?:[-*•◦▪]|\d+[.)])\s+(.*)")


def decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as ``decode_document``; UTF-16 with a
    BOM too, which is what Excel's "Unicode text" saves."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise safety.refuse(safety.UNKNOWN_FORMAT, name) from error
    if b"\x00" in data[:4096]:
        raise safety.refuse(safety.UNKNOWN_FORMAT, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise safety.refuse(safety.UNKNOWN_FORMAT, name) from error


def _table(name: str, lines: list[tuple[int, str]]) -> Table:
    rows: list[list[Cell]] = []
    for number, line in lines:
        texts = [
            safety.check_cell(name, common.clean(t), f"Line {number}") for t in line.split("\t")
        ]
        rows.append([Cell(text) for text in texts])
    width = max(len(row) for row in rows)
    for row in rows:
        row.extend(Cell() for _ in range(width - len(row)))
    return Table(
        rows=rows,
        origin=Origin(line=lines[0][0]),
        row_origins=[Origin(line=number) for number, _ in lines],
    )


def _block(name: str, number: int, line: str) -> Block | None:
    safety.check_cell(name, line, f"Line {number}")
    text = common.clean(line)
    if not text:
        return None
    origin = Origin(line=number)
    if match := _HEADING.fullmatch(text):
        return Block("heading", match[2].strip(), origin, level=len(match[1]))
    if match := _BULLET.fullmatch(line.rstrip()):
        return Block("list_item", match[2].strip(), origin, level=len(match[1].expandtabs(4)) // 2)
    return Block("paragraph", text, origin)


def read_text(name: str, data: bytes) -> SourceDocument:
    safety.check_file_size(name, data, safety.MAX_TEXT_FILE_BYTES)
    text = decode(name, data)
    items: list[Item] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if "\t" in line and line.strip():
            run.append((number, line))
            continue
        if run:
            items.append(_table(name, run))
            run = []
        if block := _block(name, number, line):
            items.append(block)
    if run:
        items.append(_table(name, run))
    return SourceDocument(name=name, format="text", items=items, text=text)
