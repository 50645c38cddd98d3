"""The authenticator app's set-up link as a QR code drawn in inline SVG: no image request and
no script, so the Content-Security-Policy need allow neither."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(uri: str, *, title: str) -> SafeString:
    """SVG markup of a QR code for `uri`. segno writes every character of it (the title is
    escaped by segno), so it is trusted markup."""
    code = segno.make(uri, error="m")
    svg = code.svg_inline(scale=5, border=4, title=title, dark="#0b0c0c", light="#ffffff")
    return mark_safe(svg)
