"""Checks made before any library unpacks a file, so bad input gets a clear message and memory
stays bounded.

A plan is a few thousand cells. The limits below are far above any plan and far below what
would exhaust the server, and every refusal names the file and says what to do:

- a zip (Word, Excel, OpenDocument) is refused when its members would unpack to more than
  ``MAX_UNPACKED_BYTES`` in all, any XML part to more than ``MAX_PART_BYTES`` (OpenDocument's
  content and styles, which odfpy turns into Python objects, ``MAX_ODF_CONTENT_BYTES``), when
  it has more than ``MAX_MEMBERS`` members, or when a large member is compressed more than
  ``MAX_RATIO`` times (a zip bomb). zipfile never returns more than the size the archive's
  directory declares for a member, so these figures hold however the archive was made;
- spreadsheets are refused, not truncated, beyond ``MAX_CELLS`` cells (counted in the sheet
  XML, merged areas included, before openpyxl builds a cell) or ``MAX_ROWS`` rows in a sheet:
  a partial plan must not look like a whole one;
- no cell may hold more than ``MAX_CELL_CHARS`` characters;
- PDFs are read up to ``MAX_PAGES`` pages and ``MAX_TEXT_CHARS`` characters (the rest is listed
  as skipped), and a compressed stream that would inflate beyond ``MAX_PDF_STREAM_BYTES`` is
  refused before pdfminer inflates it;
- old binary Office files (OLE2) are recognised with olefile and answered with what to save
  them as.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import olefile

from apps.importers.domain.parsed import ImportFormatError

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_TEXT_FILE_BYTES = 20 * MB
MAX_UNPACKED_BYTES = 100 * MB
MAX_PART_BYTES = 50 * MB
MAX_ODF_CONTENT_BYTES = 10 * MB  # odfpy builds Python objects for every element
MAX_MEMBERS = 5_000
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MB  # small parts compress well for innocent reasons
MAX_CELLS = 200_000
MAX_ROWS = 50_000
MAX_CELL_CHARS = 20_000
MAX_PAGES = 500
MAX_TEXT_CHARS = 5_000_000
MAX_PDF_STREAM_BYTES = 50 * MB
MAX_PDF_INFLATED_BYTES = 200 * MB

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

UNKNOWN_FORMAT = (
    "SaferPlan cannot read “{name}”. Upload a Word (.docx), Excel (.xlsx), OpenDocument (.odt, "
    ".ods), PDF, CSV or text file"
)
EMPTY = "“{name}” is empty. Choose the file that holds the plan and upload it again"
DAMAGED = (
    "“{name}” could not be opened: the file is damaged or incomplete. Open it on your computer, "
    "save a new copy and upload that"
)
PASSWORD = "“{name}” is protected with a password. Remove the password, save it and upload it again"
OLD_WORD = (
    "“{name}” is an old Word document (.doc). Open it in Word, save it as a Word document "
    "(.docx) and upload it again"
)
OLD_EXCEL = (
    "“{name}” is an old Excel workbook (.xls). Open it in Excel, save it as an Excel workbook "
    "(.xlsx) and upload it again"
)
BINARY_EXCEL = (
    "“{name}” is an Excel binary workbook (.xlsb). Open it in Excel, save it as an Excel "
    "workbook (.xlsx) and upload it again"
)
RICH_TEXT = (
    "“{name}” is a Rich Text document (.rtf). Open it in Word, save it as a Word document "
    "(.docx) and upload it again"
)
TOO_BIG = (
    "“{name}” is larger than {limit} MB, far more than a plan needs. Upload a copy holding "
    "only the plan"
)
UNPACKS_TOO_BIG = (
    "“{name}” unpacks to far more than a plan needs, so SaferPlan did not open it. Upload a "
    "copy holding only the plan"
)
TOO_MANY_CELLS = (
    "“{name}” has more than {limit:,} cells, far more than a plan needs. Delete the sheets and "
    "rows that do not hold the plan and upload it again"
)
TOO_MANY_ROWS = (
    "“{name}” has more than {limit:,} rows, far more than a plan needs. Delete the rows "
    "that do not hold the plan and upload it again"
)
CELL_TOO_LONG = (
    "{where} of “{name}” holds more than {limit:,} characters, far more than a plan’s cell "
    "needs. Shorten it and upload the file again"
)
SCANNED_PDF = (
    "“{name}” is a scanned image; it has no text SaferPlan can read. Upload the Word or Excel "
    "file the PDF was made from, or a PDF saved from it"
)
PAGES_NOT_READ = "Pages {first} to {last} were not read: SaferPlan reads the first {limit} pages"
TEXT_NOT_READ = (
    "Pages {first} to {last} were not read: the document has more than {limit:,} characters"
)


def refuse(message: str, name: str, **values: object) -> ImportFormatError:
    """The error to raise, with the file's name and any figures put into the message."""
    return ImportFormatError(message.format(name=name, **values))


def check_file_size(name: str, data: bytes, limit: int = MAX_FILE_BYTES) -> None:
    if len(data) > limit:
        raise refuse(TOO_BIG, name, limit=limit // MB)


def check_cell(name: str, text: str, where: str) -> str:
    """The cell's text, or a refusal naming the cell when it is longer than any plan's."""
    if len(text) > MAX_CELL_CHARS:
        raise refuse(CELL_TOO_LONG, name, where=where, limit=MAX_CELL_CHARS)
    return text


def open_zip(name: str, data: bytes, *, parsed_parts: tuple[str, ...] = ()) -> zipfile.ZipFile:
    """The archive, once every member's declared size, ratio and count are within bounds.

    ``parsed_parts`` are held to ``MAX_ODF_CONTENT_BYTES``, any other XML member to
    ``MAX_PART_BYTES``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # zipfile raises many kinds on a damaged archive
        raise refuse(DAMAGED, name) from error
    if len(members) > MAX_MEMBERS:
        raise refuse(UNPACKS_TOO_BIG, name)
    total = 0
    for member in members:
        size = member.file_size
        total += size
        if total > MAX_UNPACKED_BYTES:
            raise refuse(UNPACKS_TOO_BIG, name)
        if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(member.compress_size, 1):
            raise refuse(UNPACKS_TOO_BIG, name)
        limit = MAX_ODF_CONTENT_BYTES if member.filename in parsed_parts else MAX_PART_BYTES
        if member.filename.endswith(".xml") and size > limit:
            raise refuse(UNPACKS_TOO_BIG, name)
    return archive


def read_member(name: str, archive: zipfile.ZipFile, member: str) -> bytes:
    """One member's bytes (already bounded by ``open_zip``); a damaged member is refused."""
    try:
        return archive.read(member)
    except Exception as error:  # a bad CRC, an unknown compression method, a cut-off member
        raise refuse(DAMAGED, name) from error


def refuse_ole2(name: str, data: bytes) -> ImportFormatError:
    """Why an OLE2 (compound) file cannot be read: a password, or an old Word or Excel file."""
    try:
        ole = olefile.OleFileIO(data)
    except Exception:  # olefile raises many kinds on a damaged file
        return refuse(DAMAGED, name)
    try:
        streams = {"/".join(entry) for entry in ole.listdir()}
    finally:
        ole.close()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        return refuse(PASSWORD, name)
    if "WordDocument" in streams:
        return refuse(OLD_WORD, name)
    if "Workbook" in streams or "Book" in streams:
        return refuse(OLD_EXCEL, name)
    return refuse(UNKNOWN_FORMAT, name)


_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")


def check_pdf_streams(name: str, data: bytes) -> None:
    """Refuse a PDF whose compressed streams would inflate beyond any plan's.

    pdfminer inflates a stream whole; this inflates each Flate stream in bounded chunks first,
    counting but keeping nothing. A stream that is not Flate simply fails to inflate.
    """
    total = 0
    for match in _STREAM_START.finditer(data):
        inflater = zlib.decompressobj()
        position = match.end()
        size = 0
        try:
            while position < len(data) and not inflater.eof:
                chunk = data[position : position + 65536]
                position += len(chunk)
                piece = inflater.decompress(chunk, MB)
                size += len(piece)
                while inflater.unconsumed_tail and size <= MAX_PDF_STREAM_BYTES:
                    piece = inflater.decompress(inflater.unconsumed_tail, MB)
                    size += len(piece)
                if size > MAX_PDF_STREAM_BYTES:
                    raise refuse(UNPACKS_TOO_BIG, name)
                if inflater.unused_data:
                    break
        except zlib.error:
            pass
        total += size
        if total > MAX_PDF_INFLATED_BYTES:
            raise refuse(UNPACKS_TOO_BIG, name)
