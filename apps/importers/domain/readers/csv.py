"""A CSV file as one table: comma, semicolon or tab separated, UTF-8 (with or without BOM),
UTF-16 or Windows-1252, each row's origin its record number as a spreadsheet shows it."""

from __future__ import annotations

import codecs
import csv
import io

from apps.importers.domain.readers import common, safety
from apps.importers.domain.readers.detect import UTF16_BOMS
from apps.importers.domain.source import Cell, Origin, SourceDocument, Table

DELIMITERS = ",;\t"
SAMPLE_CHARS = 16384
SAMPLE_LINES = 40


def encoding_of(name: str, data: bytes) -> str:
    """The encoding to read with, checked over the whole file without keeping its text."""
    if data.startswith(UTF16_BOMS):
        return "utf-16"
    if b"\x00" in data[:4096]:
        raise safety.refuse(safety.UNKNOWN_FORMAT, name)
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for start in range(0, len(data), 1 << 20):
                decoder.decode(data[start : start + (1 << 20)])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise safety.refuse(safety.UNKNOWN_FORMAT, name)


def delimiter_of(sample: str) -> str:
    """csv.Sniffer's choice among comma, semicolon and tab, else the one found most evenly."""
    # csv.Sniffer slows sharply with the sample's length; forty lines show the delimiter
    lines = sample.split("\n")
    if len(lines) > 1:
        lines.pop()  # perhaps cut short by the sample's end
    sample = "\n".join(lines[:SAMPLE_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [line for line in sample.splitlines() if line.strip()][:20]
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        count = min(counts, default=0) or max(counts, default=0) // 2
        if count > best_count:
            best, best_count = delimiter, count
    return best


def read_csv(name: str, data: bytes) -> SourceDocument:
    safety.check_file_size(name, data, safety.MAX_TEXT_FILE_BYTES)
    encoding = encoding_of(name, data)
    sample = data[: SAMPLE_CHARS * 2].decode(encoding, errors="ignore")[:SAMPLE_CHARS]
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    delimiter = delimiter_of(sample)
    first_line = sample.lstrip("\ufeff").split("\n", 1)[0].strip()
    skip = 0
    if first_line.lower().startswith("sep=") and len(first_line) == 5:
        # Excel's hint line naming the delimiter; it is not a row of the table
        delimiter, skip = first_line[4], 1
    reader = csv.reader(stream, delimiter=delimiter)
    rows: list[list[Cell]] = []
    cells = 0
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if number <= skip:
                record = []
            if number > safety.MAX_ROWS:
                raise safety.refuse(safety.TOO_MANY_ROWS, name, limit=safety.MAX_ROWS)
            while record and not record[-1].strip():
                record.pop()
            cells += len(record)
            if cells > safety.MAX_CELLS:
                raise safety.refuse(safety.TOO_MANY_CELLS, name, limit=safety.MAX_CELLS)
            where = f"Row {number}"
            rows.append([Cell(safety.check_cell(name, common.clean(v), where)) for v in record])
    except csv.Error as error:
        if "field larger than field limit" not in str(error):
            raise safety.refuse(safety.UNKNOWN_FORMAT, name) from error
        where = f"Row {number + 1}"
        raise safety.refuse(
            safety.CELL_TOO_LONG, name, where=where, limit=safety.MAX_CELL_CHARS
        ) from error
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend(Cell() for _ in range(width - len(row)))
    first, last, _, _ = common.trim(rows)
    table = Table(
        rows=rows[first:last],
        origin=Origin(row=first + 1),
        row_origins=[Origin(row=n + 1) for n in range(first, last)],
    )
    return SourceDocument(name=name, format="csv", items=[table] if rows[first:last] else [])
