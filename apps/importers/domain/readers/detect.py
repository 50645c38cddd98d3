"""Which format a file is in, judged by its content; the file name's extension only breaks a
tie between CSV and plain text, and says what a damaged file was meant to be."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import PurePath

from apps.importers.domain.readers import safety

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ZIP_EXTENSIONS = {".docx", ".docm", ".xlsx", ".xlsm", ".odt", ".ods", ".zip"}
# The main part's content type, for packages whose parts are not where Office puts them
WORD_TYPES = rb"wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macro"
EXCEL_TYPES = rb"spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macro"
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text" is UTF-16, tab-separated
_IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def extension(name: str) -> str:
    return PurePath(name).suffix.lower()


def zip_format(name: str, archive: zipfile.ZipFile) -> str:
    """ "docx", "xlsx", "odt" or "ods" from the parts the archive holds."""
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = safety.read_member(name, archive, "mimetype")[:100].decode("ascii", "replace")
        if mimetype.strip() in ODF_MIMETYPES:
            return ODF_MIMETYPES[mimetype.strip()]
    if "[Content_Types].xml" in names:
        types = safety.read_member(name, archive, "[Content_Types].xml")
        if "word/document.xml" in names or re.search(WORD_TYPES, types):
            return "docx"
        if "xl/workbook.bin" in names or b"ms-excel.sheet.binary" in types:
            raise safety.refuse(safety.BINARY_EXCEL, name)
        if "xl/workbook.xml" in names or re.search(EXCEL_TYPES, types):
            return "xlsx"
    raise safety.refuse(safety.UNKNOWN_FORMAT, name)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(UTF16_BOMS):
        return False
    return b"\x00" in head or head.startswith(_IMAGE_SIGNATURES)


def sniff(name: str, data: bytes) -> str:
    """The format to read ``data`` as, or a refusal saying why it cannot be read.

    Zip-based formats are returned after ``safety.open_zip`` has checked the archive; callers
    open it again through the same check.
    """
    if not data[:4096].strip() and not data.strip():  # the whole copied only if it starts blank
        raise safety.refuse(safety.EMPTY, name)
    suffix = extension(name)
    if data.startswith(safety.OLE2_SIGNATURE):
        raise safety.refuse_ole2(name, data)
    if data.startswith(ZIP_SIGNATURES):
        return zip_format(name, safety.open_zip(name, data))
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix in ZIP_EXTENSIONS or suffix == ".pdf":
        raise safety.refuse(safety.DAMAGED, name)
    if data[:1024].lstrip()[:5] == b"{\\rtf":
        raise safety.refuse(safety.RICH_TEXT, name)
    if suffix in {".doc", ".xls"} or looks_binary(data):
        raise safety.refuse(safety.UNKNOWN_FORMAT, name)
    if suffix in {".csv", ".tsv"} or looks_like_csv(data):
        return "csv"
    return "text"


def looks_like_csv(data: bytes) -> bool:
    """Comma- or semicolon-separated records whatever the name: at least three, each of the
    first twenty with the same three or more fields (prose never is)."""
    sample = data[:16384].decode("utf-8", errors="ignore")
    if "\n" not in sample:
        return False
    sample = sample[: sample.rfind("\n")]
    for delimiter in ",;":
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        widths = {len(record) for record in records[:20]}
        if len(records) >= 3 and len(widths) == 1 and widths.pop() >= 3:
            return True
    return False
