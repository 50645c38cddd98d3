"""Every file format a partnership's plan arrives in, read into one ``SourceDocument``.

``read_document`` judges the format by content (zip parts, ``%PDF``, the OLE2 header), never by
the file name alone, and raises ``ImportFormatError`` with a message naming the file and saying
what to do for anything it cannot read. See ``safety`` for the limits that keep memory bounded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import common, detect, safety
from apps.importers.domain.readers.csv import read_csv
from apps.importers.domain.readers.docx import read_docx
from apps.importers.domain.readers.odf import read_ods, read_odt
from apps.importers.domain.readers.pdf import read_pdf
from apps.importers.domain.readers.text import read_text
from apps.importers.domain.readers.xlsx import read_xlsx
from apps.importers.domain.source import SourceDocument

logger = logging.getLogger(__name__)

READERS: dict[str, Callable[[str, bytes], SourceDocument]] = {
    "docx": read_docx,
    "xlsx": read_xlsx,
    "csv": read_csv,
    "pdf": read_pdf,
    "odt": read_odt,
    "ods": read_ods,
    "text": read_text,
}


def read_document(name: str, data: bytes) -> SourceDocument:
    """The file as one document model; ImportFormatError (shown to the officer) otherwise."""
    safety.check_file_size(name, data)
    kind = detect.sniff(name, data)
    try:
        document = READERS[kind](name, data)
    except ImportFormatError:
        raise
    except (MemoryError, RecursionError) as error:
        raise safety.refuse(safety.UNPACKS_TOO_BIG, name) from error
    except Exception as error:  # a library failing on a file it accepted: damaged, say so
        logger.warning("Reading %s as %s failed", name, kind, exc_info=True)
        raise safety.refuse(safety.DAMAGED, name) from error
    return common.finish(document)


__all__ = ["ImportFormatError", "SourceDocument", "read_document"]
