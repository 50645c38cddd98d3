"""Turning one table cell of a PDF conversion into text, list items and paragraphs.

Cells hold a mix of plain text, markdown emphasis and HTML fragments (``<ol><li>…``,
``<p>…</p>``), and sub-items are written either as list items or inline ("… on a. Domestic
Abuse b. Safeguarding"). Everything here is pure string work so it can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from apps.core.text import text_squash

_BLOCK_TAGS = {"p", "li", "ul", "ol", "br", "div", "tr", "td"}
_MARKER = re.compile(r"^(?:[a-z]\.|[ivx]+\.|[•✓○◦▪·–\-]|\$\\circ\$)\s*(?=\S)")
_NUMBER = re.compile(r"^(\d{1,2})\)\s*")
_INLINE_ITEM = re.compile(r"(?:(?<=\s)|^)([a-z])\.\s+")


@dataclass
class Block:
    """A run of text from a cell: a paragraph, or an item of a list nested ``depth`` deep."""

    text: str
    depth: int = 0
    numbered: bool = False  # the innermost list is an <ol> that prints its own numbers


@dataclass
class ActionCell:
    """An action cell read into its printed number, main sentence and sub-items."""

    number: str | None
    text: str
    sub_items: list[str] = field(default_factory=list)
    implied_number: bool = False  # an <ol> prints a number the text does not carry


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[bool] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if tidy(text):
            numbered = self.lists[-1] if self.lists else False
            self.blocks.append(Block(text, len(self.lists), numbered))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("ul", "ol"):
            style = " ".join(v or "" for k, v in attrs if k == "style").replace(" ", "")
            self.lists.append(tag == "ol" and "list-style-type:none" not in style)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        self.buffer.append(data)


def tidy(text: str) -> str:
    """Text with markdown emphasis removed and runs of whitespace made single spaces."""
    return text_squash(text.replace("**", " "))


def blocks(cell: str) -> list[Block]:
    """The paragraphs and list items of a cell, in order, with raw spacing kept."""
    parser = _BlockParser()
    parser.feed(cell)
    parser.close()
    parser.flush()
    return parser.blocks


def cell_text(cell: str) -> str:
    """All the text of a cell on one line, without markup."""
    return tidy(" ".join(b.text for b in blocks(cell)))


def strip_marker(text: str) -> str:
    """An item without its letter or bullet ("a. Hate" -> "Hate", "✓ ASB" -> "ASB")."""
    return _MARKER.sub("", text, count=1).strip()


def split_number(text: str) -> tuple[str | None, str]:
    """The printed action number ("7)") and the rest of the text."""
    match = _NUMBER.match(text)
    if match is None:
        return None, text
    return f"{int(match[1])})", text[match.end() :].strip()


def split_inline(text: str, *, continuing: bool = False) -> tuple[str, list[str]]:
    """Split "… on a. Domestic Abuse b. Safeguarding" into its text and lettered items.

    Letters must run in order from "a." (or from any letter at the very start of a
    continuation line), so "e.g." or a stray "a." inside a sentence is left alone.
    """
    chain: list[re.Match[str]] = []
    for match in _INLINE_ITEM.finditer(text):
        letter = match[1]
        follows = bool(chain) and letter == chr(ord(chain[-1][1]) + 1)
        starts = not chain and (letter == "a" or (continuing and match.start() == 0))
        if follows or starts:
            chain.append(match)
    if not chain:
        return text, []
    ends = [m.start() for m in chain[1:]] + [len(text)]
    items = [text[m.end() : end].strip() for m, end in zip(chain, ends, strict=True)]
    return text[: chain[0].start()].strip(), [i for i in items if i]


def read_action_cell(cell: str, *, continuing: bool = False) -> ActionCell:
    """Read an action cell: number, main text and sub-items, from HTML lists or inline letters."""
    found = blocks(cell)
    if not found:
        return ActionCell(None, "")
    head, rest = found[0], found[1:]
    number, text = split_number(tidy(head.text))
    text, inline = split_inline(text, continuing=continuing)
    items = inline + [strip_marker(tidy(b.text)) for b in rest]
    if not continuing:
        text = strip_marker(text) if text[:1] in "•✓○◦▪·" else text
    implied = number is None and head.depth > 0 and head.numbered
    return ActionCell(number, text, [i for i in items if i], implied)


def update_text(cell: str) -> str:
    """An update cell as text: paragraphs separated by blank lines, list items one per line."""
    parts: list[str] = []
    previous_depth = -1
    for block in blocks(cell):
        lines = [tidy(line) for line in re.split(r" {3,}", block.text)]
        text = "\n".join(line for line in lines if line)
        if not text:
            continue
        joiner = "\n" if block.depth > 0 and previous_depth > 0 else "\n\n"
        parts.append((joiner if parts else "") + text)
        previous_depth = block.depth
    return "".join(parts)
