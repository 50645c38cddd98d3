"""Dated updates in a Nottinghamshire PCC theme update: "<p>Update 14.02.2019: …</p>".

An update cell holds the latest update, introduced by "Update" and its date, and often the
earlier quarters' text after it without a date. A dated paragraph starts a new update; an
undated one belongs to the update before it (it is part of the same cell, and a list such as
"A few examples … is:" runs on over several paragraphs), or becomes an undated update of its
own when nothing dated comes first. Dates are written many ways ("14.02.2019", "19.2.19",
"Update - 19.04.2018", "19th February 2019"), so they are read with the by-when reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from apps.importers.domain.parsed import ParsedUpdate
from apps.importers.domain.parsers.html_cells import blocks, tidy
from apps.plans.domain.by_when import interpret_by_when

_UPDATE = re.compile(
    r"^\s*update\b\s*(?:[-–:(]\s*)?"
    r"(?P<date>\d{1,2}\s*[./\-]\s*\d{1,2}\s*[./\-]\s*\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{2,4})?"
    r"\s*\)?\s*[:\-–]?\s*",
    re.I,
)


@dataclass
class Paragraph:
    text: str
    line: int


def cell_paragraphs(cell: str, line: int) -> list[Paragraph]:
    """An update cell's paragraphs; "•" items run together in one list are put on lines."""
    found: list[Paragraph] = []
    for block in blocks(cell):
        items = [tidy(part) for part in re.split(r"\s*•\s*", block.text)]
        items = [item for item in items if item]
        if not items:
            continue
        if len(items) > 1 or "•" in block.text:
            head = [] if block.text.lstrip().startswith("•") else [items.pop(0)]
            text = "\n".join([*head, *(f"• {item}" for item in items)])
        else:
            text = items[0]
        found.append(Paragraph(text, line))
    return found


@dataclass
class Dated:
    """A paragraph's "Update <date>:" prefix read: whether it has one, its date, the rest."""

    starts_update: bool
    date: date | None
    text: str
    unreadable: str | None = None  # a date-shaped prefix that is not a real date


def read_prefix(text: str) -> Dated:
    match = _UPDATE.match(text)
    if match is None or (match["date"] is None and not match[0].rstrip().endswith(":")):
        return Dated(False, None, text)
    rest = text[match.end() :].strip()
    if match["date"] is None:
        return Dated(True, None, rest or text)
    when = interpret_by_when(match["date"])
    if when.kind != "date" or when.due_date is None:
        return Dated(True, None, text, unreadable=match["date"])
    return Dated(True, when.due_date, rest or text)


class UpdateList:
    """The updates of one deliverable, built paragraph by paragraph."""

    def __init__(self, updates: list[ParsedUpdate]) -> None:
        self.updates = updates

    def add(self, paragraph: Paragraph, *, joins_sentence: bool = False) -> str | None:
        """Add a paragraph; return a warning message if something had to be judged."""
        last = self.updates[-1] if self.updates else None
        if joins_sentence and last is not None:
            last.text = f"{last.text} {paragraph.text}"
            return None
        dated = read_prefix(paragraph.text)
        if dated.starts_update or last is None:
            self.updates.append(ParsedUpdate(dated.text, paragraph.line, dated.date))
            if dated.unreadable:
                return (
                    f"The update date “{dated.unreadable}” is not a real date; the update "
                    "was kept without a date."
                )
            return None
        last.text = f"{last.text}\n\n{paragraph.text}"
        return None
