"""Files SaferPlan cannot read get a message naming the file and saying what to do, and
crafted files (zip bombs, merged-area bombs, enormous cells, inflating PDF streams, entity
expansion) are refused with memory bounded, measured with tracemalloc."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator

import pytest
from openpyxl import Workbook

from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import read_document, safety
from tests.builders.documents import (
    DocTable,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    ole2_bytes,
    pdf_bytes,
    xlsx_bytes,
    zip_replace,
)
from tests.importers.domain.readers.tables import PLAN

MB = 1024 * 1024
MEMORY_BOUND = 50 * MB
SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
SHEET_END = b"</sheetData></worksheet>"


def refusal(name: str, data: bytes) -> tuple[str, int]:
    """The message read_document refused the file with, and the peak memory traced."""
    tracemalloc.start()
    try:
        with pytest.raises(ImportFormatError) as caught:
            read_document(name, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return str(caught.value), peak


def padding(megabytes: int, chunk: bytes = b" " * MB) -> Iterator[bytes]:
    for _ in range(megabytes):
        yield chunk


# Old and protected Office files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "streams", "message"),
    [
        ("minutes.doc", {"WordDocument": b"Word", "1Table": b"t"}, safety.OLD_WORD),
        ("tracker.xls", {"Workbook": b"BIFF8"}, safety.OLD_EXCEL),
        ("tracker95.xls", {"Book": b"BIFF5"}, safety.OLD_EXCEL),
        ("plan.docx", {"EncryptionInfo": b"i", "EncryptedPackage": b"p"}, safety.PASSWORD),
        ("tracker.xlsx", {"EncryptionInfo": b"i", "EncryptedPackage": b"p"}, safety.PASSWORD),
        ("slides.ppt", {"PowerPoint Document": b"p"}, safety.UNKNOWN_FORMAT),
    ],
)
def test_old_and_password_protected_office_files(
    name: str, streams: dict[str, bytes], message: str
) -> None:
    assert refusal(name, ole2_bytes(streams))[0] == message.format(name=name)


def test_a_password_protected_opendocument_file() -> None:
    data = odt_bytes([PLAN])
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
        'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>'
        "</manifest:manifest>"
    )
    locked = zip_replace(data, "META-INF/manifest.xml", [manifest.encode()])
    assert refusal("plan.odt", locked)[0] == safety.PASSWORD.format(name="plan.odt")


def raw_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from its object bodies, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PAGE_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
]


def test_a_password_protected_pdf() -> None:
    security = b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32)
    data = raw_pdf(
        [*PAGE_OBJECTS, b"<< /Length 0 >>\nstream\n\nendstream", security],
        b"/Encrypt 5 0 R /ID [<%s> <%s>]" % (b"33" * 16, b"33" * 16),
    )
    assert refusal("plan.pdf", data)[0] == safety.PASSWORD.format(name="plan.pdf")


def test_a_scanned_pdf_with_no_text() -> None:
    assert refusal("scan.pdf", pdf_bytes([]))[0] == safety.SCANNED_PDF.format(name="scan.pdf")


# Damaged, unknown and empty files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plan.docx", docx_bytes([PLAN])[:3000]),  # truncated download
        ("tracker.xlsx", xlsx_bytes({"Plan": PLAN})[:-200]),
        ("plan.docx", b"This was never a Word document"),
        ("plan.pdf", b"not a pdf at all, but named like one"),
        ("plan.pdf", b"%PDF-1.7\n" + b"garbage " * 100),
        ("plan.docx", zip_replace(docx_bytes([PLAN]), "word/document.xml", [b"<w:document"])),
    ],
)
def test_damaged_files(name: str, data: bytes) -> None:
    assert refusal(name, data)[0] == safety.DAMAGED.format(name=name)


def binary_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), safety.UNKNOWN_FORMAT),
        ("data.bin", bytes(range(256)) * 4, safety.UNKNOWN_FORMAT),
        ("plan.rtf", b"{\\rtf1\\ansi Plan}", safety.RICH_TEXT),
        ("tracker.xlsb", binary_workbook(), safety.BINARY_EXCEL),
        ("archive.zip", zip_replace(docx_bytes([PLAN]), "word/document.xml", []), safety.DAMAGED),
    ],
)
def test_files_that_are_not_documents(name: str, data: bytes, message: str) -> None:
    assert refusal(name, data)[0] == message.format(name=name)


def empty_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("plan.txt", lambda: b""),
        ("plan.txt", lambda: b" \r\n\t\n"),
        ("plan.csv", lambda: b",,,\r\n,,\r\n"),
        ("plan.docx", lambda: docx_bytes([])),
        ("plan.docx", lambda: docx_bytes([DocTable(rows=[["", ""], ["", ""]])])),
        ("tracker.xlsx", empty_workbook),
        ("plan.odt", lambda: odt_bytes([])),
    ],
)
def test_empty_documents(name: str, make: Callable[[], bytes]) -> None:
    assert refusal(name, make())[0] == safety.EMPTY.format(name=name)


def test_an_xlsx_named_csv_is_read_as_the_workbook_it_is() -> None:
    document = read_document("export.csv", xlsx_bytes({"Plan": PLAN}))
    assert document.format == "xlsx"


# Zip bombs and other files far beyond a plan -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "member"),
    [
        ("tracker.xlsx", lambda: xlsx_bytes({"Plan": PLAN}), SHEET),
        ("plan.docx", lambda: docx_bytes([PLAN]), "word/document.xml"),
        ("tracker.ods", lambda: ods_bytes({"Plan": PLAN}), "content.xml"),
    ],
)
def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    name: str, make: Callable[[], bytes], member: str
) -> None:
    # 300 MB of padding inside the part a library would parse, a few hundred KB compressed
    bomb = zip_replace(make(), member, [SHEET_START, *padding(300), SHEET_END])
    assert len(bomb) < 2 * MB
    message, peak = refusal(name, bomb)
    assert message == safety.UNPACKS_TOO_BIG.format(name=name)
    assert peak < MEMORY_BOUND


def test_a_member_compressed_far_beyond_any_document_is_refused() -> None:
    # 40 MB in all (under the total limit) but compressed a thousand times
    bomb = zip_replace(xlsx_bytes({"Plan": PLAN}), SHEET, [SHEET_START, *padding(40), SHEET_END])
    assert refusal("tracker.xlsx", bomb)[0] == safety.UNPACKS_TOO_BIG.format(name="tracker.xlsx")


def sheet_rows(rows: int, cells_per_row: int) -> Iterator[bytes]:
    yield SHEET_START
    for r in range(1, rows + 1):
        cells = b"".join(b"<c><v>%d</v></c>" % c for c in range(cells_per_row))
        yield b'<row r="%d">' % r + cells + b"</row>"
    yield SHEET_END


def test_a_sheet_with_more_cells_than_any_plan_is_refused_before_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(safety, "MAX_CELLS", 5_000)  # the same check, on a smaller file
    data = zip_replace(xlsx_bytes({"Plan": PLAN}), SHEET, sheet_rows(501, 10))
    message, _ = refusal("tracker.xlsx", data)
    assert message == safety.TOO_MANY_CELLS.format(name="tracker.xlsx", limit=5_000)


def test_a_sheet_with_more_rows_than_any_plan_is_refused_before_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(safety, "MAX_ROWS", 1_000)
    data = zip_replace(xlsx_bytes({"Plan": PLAN}), SHEET, sheet_rows(1_001, 0))
    message, _ = refusal("tracker.xlsx", data)
    assert message == safety.TOO_MANY_ROWS.format(name="tracker.xlsx", limit=1_000)


def test_a_merged_area_covering_the_whole_sheet_is_refused() -> None:
    sheet = SHEET_START + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Plan</t></is></c></row>'
    sheet += b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    data = zip_replace(xlsx_bytes({"Plan": PLAN}), SHEET, [sheet + b"</worksheet>"])
    message, peak = refusal("tracker.xlsx", data)
    assert message == safety.TOO_MANY_CELLS.format(name="tracker.xlsx", limit=safety.MAX_CELLS)
    assert peak < MEMORY_BOUND


def test_two_cells_far_apart_are_refused_rather_than_filled_in() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Action"
    sheet["XFD40000"] = "Stray"
    buffer = io.BytesIO()
    book.save(buffer)
    message, peak = refusal("tracker.xlsx", buffer.getvalue())
    assert message == safety.TOO_MANY_CELLS.format(name="tracker.xlsx", limit=safety.MAX_CELLS)
    assert peak < MEMORY_BOUND


def test_a_pdf_stream_that_inflates_beyond_any_plan_is_refused() -> None:
    deflater = zlib.compressobj(9)
    zeros = bytes(MB)
    compressed = b"".join(deflater.compress(zeros) for _ in range(300)) + deflater.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed)
    data = raw_pdf([*PAGE_OBJECTS, stream + compressed + b"\nendstream"])
    message, peak = refusal("plan.pdf", data)
    assert message == safety.UNPACKS_TOO_BIG.format(name="plan.pdf")
    assert peak < MEMORY_BOUND


# Enormous cells ----------------------------------------------------------------------------


def test_a_csv_with_one_enormous_cell() -> None:
    data = b"Action,Lead\r\nPatrol," + b"x" * (12 * MB) + b"\r\n"
    message, peak = refusal("plan.csv", data)
    where = "Row 2"
    expected = safety.CELL_TOO_LONG.format(
        name="plan.csv", where=where, limit=safety.MAX_CELL_CHARS
    )
    assert message == expected
    assert peak < MEMORY_BOUND


def test_a_text_file_with_one_enormous_line() -> None:
    data = b"Plan\n\n" + b"y" * (12 * MB) + b"\n"
    message, peak = refusal("plan.txt", data)
    expected = safety.CELL_TOO_LONG.format(
        name="plan.txt", where="Line 3", limit=safety.MAX_CELL_CHARS
    )
    assert message == expected
    assert peak < MEMORY_BOUND


def test_a_spreadsheet_cell_longer_than_any_plan_needs() -> None:
    table = DocTable(rows=[["Action", "Update"], ["Patrol", "z" * (safety.MAX_CELL_CHARS + 1)]])
    message, _ = refusal("tracker.xlsx", xlsx_bytes({"Plan": table}))
    expected = safety.CELL_TOO_LONG.format(
        name="tracker.xlsx", where="Sheet ‘Plan’, cell B2", limit=safety.MAX_CELL_CHARS
    )
    assert message == expected


def test_a_csv_with_more_rows_than_any_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ROWS", 1_000)
    data = b"Action\n" + b"a\n" * 1_000
    expected = safety.TOO_MANY_ROWS.format(name="plan.csv", limit=1_000)
    assert refusal("plan.csv", data)[0] == expected


def test_a_document_too_large_to_be_a_plan() -> None:
    data = b"a,b\n" * (safety.MAX_TEXT_FILE_BYTES // 4 + 1)
    expected = safety.TOO_BIG.format(name="plan.csv", limit=safety.MAX_TEXT_FILE_BYTES // MB)
    assert refusal("plan.csv", data)[0] == expected


# Entity expansion ("billion laughs") -------------------------------------------------------

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def test_entity_expansion_in_a_word_document_is_refused_as_damaged() -> None:
    body = (
        LAUGHS + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        'main"><w:body><w:p><w:r><w:t>Plan &lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    data = zip_replace(docx_bytes([PLAN]), "word/document.xml", [body.encode()])
    message, peak = refusal("plan.docx", data)
    assert message == safety.DAMAGED.format(name="plan.docx")
    assert peak < MEMORY_BOUND


def test_entity_expansion_in_a_workbook_is_refused_as_damaged() -> None:
    sheet = (
        LAUGHS.encode()
        + SHEET_START.split(b"?>", 1)[1]
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        + SHEET_END
    )
    data = zip_replace(xlsx_bytes({"Plan": PLAN}), SHEET, [sheet])
    message, peak = refusal("tracker.xlsx", data)
    assert message == safety.DAMAGED.format(name="tracker.xlsx")
    assert peak < MEMORY_BOUND


def test_a_zip_of_more_members_than_any_document_is_refused() -> None:
    buffer = io.BytesIO(xlsx_bytes({"Plan": PLAN}))
    with zipfile.ZipFile(buffer, "a") as archive:
        for number in range(safety.MAX_MEMBERS):
            archive.writestr(f"xl/media/image{number}.png", b"")
    assert refusal("tracker.xlsx", buffer.getvalue())[0] == safety.UNPACKS_TOO_BIG.format(
        name="tracker.xlsx"
    )
