"""Same report, same bytes: Office files rewritten with fixed timestamps.

python-docx and openpyxl stamp every part of the zip with the time of saving, so two builds of
an unchanged report would differ. Rewriting the package with one fixed time (parts in the same
order) makes a build repeatable, which lets a file be compared or cached. Used by the Word and
the Excel renderers.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record


def stable_zip(data: bytes) -> bytes:
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
