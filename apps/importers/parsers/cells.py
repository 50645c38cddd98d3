"""Turning PDF-converted table cells (tab-separated, with HTML fragments) into text and items."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_LI = re.compile(r"<li[^>]*>(.*?)(?=<li|</li>|</ul>|</ol>|$)", re.S | re.I)
_ITEM_PREFIX = re.compile(r"^\s*(?:[a-z]\.|[ivx]+\.|[•✓○◦\-–]|\$\\circ\$)\s*", re.I)
_INLINE_ITEMS = re.compile(r"\s(?=[a-h]\.\s+[A-Z])")


def plain(text: str) -> str:
    """Cell text with tags and markdown emphasis removed and spacing tidied."""
    text = html.unescape(_TAG.sub(" ", text)).replace("**", "")
    return " ".join(text.split())


def split_items(cell: str) -> tuple[str, list[str]]:
    """The main text of a cell and its sub-items (list items or inline "a. … b. …")."""
    if "<li" in cell.lower():
        # Text before the first list (often inside <p>) is the action; the list items are sub-items.
        head = plain(re.split(r"<(?:ul|ol|li)\b", cell, maxsplit=1, flags=re.I)[0])
        items = [plain(m) for m in _LI.findall(cell)]
        items = [i for i in items if i]
        if not head and items:
            head, items = items[0], items[1:]
        return _ITEM_PREFIX.sub("", head) if head[:1] in "•✓" else head, [
            _ITEM_PREFIX.sub("", i) for i in items
        ]
    text = plain(cell)
    parts = _INLINE_ITEMS.split(text)
    if (len(parts) > 1 and re.match(r"a\.\s", parts[1])) or re.match(r"[a-h]\.\s", text):
        if re.match(r"[a-h]\.\s", parts[0]):
            return "", [_ITEM_PREFIX.sub("", p) for p in parts]
        return parts[0], [_ITEM_PREFIX.sub("", p) for p in parts[1:]]
    return text, []


def paragraphs(cell: str) -> list[str]:
    """Update text split into its paragraphs."""
    chunks = re.split(r"</p>\s*<p[^>]*>|<br\s*/?>", cell, flags=re.I)
    return [p for p in (plain(c) for c in chunks) if p]
