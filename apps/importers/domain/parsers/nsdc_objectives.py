"""Objective headings in an NSDC delivery plan, however the conversion printed them.

Seen forms: "<b>Objective 1: …</b>", "**Objective 2: …**", "### Objective 5: …", and headings
broken across table cells with letters lost or doubled ("Objective 1\t: Provide i\tnforn\t
nation …", "Objective 1\t<u>2:</u> Pro-acti\tvely …" which is objective 12). A broken heading
is repaired from the document's own Strategic Themes list, whose bullets are the objectives
written in full; the importer says when it did so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from apps.importers.domain.parsers.html_cells import cell_text, tidy

_HEADING = re.compile(r"^Objective\s*(\d{1,2})\s*:\s*(.*)$", re.I | re.S)
_MATCH_RATIO = 0.88
_MIN_FRAGMENT = 12


@dataclass
class ObjectiveHeading:
    number: int
    title: str
    printed: str  # the heading text as joined from its cells
    repaired: bool = False  # the title was taken from the Strategic Themes list
    broken: bool = False  # the heading was split across cells and could not be repaired


def _cells(raw: str) -> list[str]:
    cells = [tidy(cell_text(c)).strip("#*_ ") for c in raw.split("\t")]
    return [c for c in cells if c and c != "-"]


def is_objective_heading(raw: str) -> bool:
    cells = _cells(raw)
    return bool(cells) and re.match(r"objective\s*\d", "".join(cells[:2]), re.I) is not None


def read_objective_heading(raw: str, bullets: list[str]) -> ObjectiveHeading | None:
    """The number and title of an objective heading row, or None if the row is not one."""
    cells = _cells(raw)
    if not cells or not cells[0].lower().startswith("objective"):
        return None
    whole = [c for c in cells if _HEADING.match(c) and len(_HEADING.match(c)[2]) > 15]  # type: ignore[index]
    if whole:
        match = _HEADING.match(whole[-1])
        assert match is not None
        return ObjectiveHeading(int(match[1]), match[2].strip(), whole[-1])
    match = _HEADING.match("".join(cells))
    if match is None:
        return None
    fragments = _title_fragments(cells)
    printed = " ".join(fragments)
    if len(fragments) <= 1:
        return ObjectiveHeading(int(match[1]), printed, printed)
    if repaired := repair_title("".join(fragments), bullets):
        return ObjectiveHeading(int(match[1]), repaired, printed, repaired=True)
    return ObjectiveHeading(int(match[1]), _join_fragments(fragments), printed, broken=True)


def _title_fragments(cells: list[str]) -> list[str]:
    """The cells of a broken heading after the colon that ends "Objective N:"."""
    for index, cell in enumerate(cells):
        if ":" in cell:
            first = cell.split(":", 1)[1].strip()
            return [f for f in [first, *cells[index + 1 :]] if f]
    return []


def _join_fragments(fragments: list[str]) -> str:
    """Best effort: a cell boundary between two letters is taken to be inside a word."""
    text = fragments[0]
    for fragment in fragments[1:]:
        glue = "" if text[-1:].isalpha() and fragment[:1].isalpha() else " "
        text += glue + fragment
    return tidy(text)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def repair_title(damaged: str, bullets: list[str]) -> str | None:
    """The Strategic Themes wording that a damaged title matches closely, or None."""
    target = _letters(damaged)
    if len(target) < _MIN_FRAGMENT:
        return None
    best: tuple[float, str] | None = None
    matcher = SequenceMatcher(None, "", target)  # the target's index is built once
    for bullet in bullets:
        for end in _clause_ends(bullet):
            candidate = bullet[:end].strip(" ,.;:(")
            matcher.set_seq1(_letters(candidate))
            # the cheap upper bounds skip candidates that cannot beat the best so far
            if best is not None and (
                matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]
            ):
                continue
            ratio = matcher.ratio()
            if best is None or ratio > best[0]:
                best = (ratio, candidate)
    return best[1] if best and best[0] >= _MATCH_RATIO else None


def _clause_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\s|$", text)]


def strip_heading_fragments(text: str, bullets: list[str]) -> tuple[str, str | None]:
    """Remove pieces of a lost objective heading from the start of a cell.

    Returns the remaining text and the bullet the pieces came from (None if there were none).
    Pieces must be at least a few words long and appear word for word in the bullet.
    """
    remaining, source = text, None
    while True:
        found = _leading_fragment(remaining, bullets if source is None else [source])
        if found is None:
            return remaining, source
        length, source = found
        remaining = remaining[length:].strip()


def _leading_fragment(text: str, bullets: list[str]) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for bullet in bullets:
        haystack = bullet.lower()
        ends = [m.start() for m in re.finditer(r"(?<=\S)(?=\s|$)", text)]
        for end in reversed(ends):
            piece = text[:end].lower()
            if len(piece) >= _MIN_FRAGMENT and piece in haystack:
                if best is None or end > best[0]:
                    best = (end, bullet)
                break
    return best
