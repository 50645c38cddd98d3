"""Rules for reading a partner's tracker against a plan, without the database: how a printed
reference is compared, when two by-whens say the same, and which update text is new.

Partners copy a plan into their own tracker and send it back each quarter. They retype numbers
("1.2", "1.2.", "1 . 2", "(1.2)"), keep last quarter's update in the cell and add this quarter's
below it, and write the same deadline in other words. These rules keep such copies from
looking like changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from apps.core.text import text_plain
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.domain.wording import comparable

# A recorded update shorter than this is not looked for inside a tracker's cell ("Ongoing",
# "N/A" and "See above" are in many cells without the cell repeating that update).
CONTAINED_MIN_LENGTH = 20
# What may be left of a cell once the updates it repeats are taken out, and still be nothing new.
_LEFTOVER = re.compile(r"[\W_]+")
_SEPARATORS = re.compile(r"\s*[.\-–—:/]+\s*")


def number_key(number: str | None) -> str:
    """A reference as compared: case, spaces, brackets, trailing full stops and the separator
    between levels ignored, and leading zeros dropped ("1.02." and "1-2" are 1.2).

    Unlike the edition matching's number comparison, the dots stay between levels, so "1.12"
    and "11.2" are different references.
    """
    text = text_plain(number).casefold().replace(" ", "").strip("()[]")
    text = _SEPARATORS.sub(".", text).strip(".)(")
    parts = [(part.lstrip("0") or "0") if part.isdigit() else part for part in text.split(".")]
    return ".".join(part for part in parts if part)


def same_by_when(
    stored_text: str, stored_date: date | None, new_text: str, new_date: date | None
) -> bool:
    """Whether a tracker's by-when says what the plan already does: the same words, the same
    date written another way (31/03/2027, 31 March 2027), or the same state ("On-going")."""
    if comparable(stored_text) == comparable(new_text):
        return True
    before, after = interpret_by_when(stored_text), interpret_by_when(new_text)
    if before.kind == after.kind == "state":
        return before.status == after.status
    stored = stored_date or before.due_date
    given = new_date or after.due_date
    # A spreadsheet's date cell may come with no text of its own.
    dated = after.kind == "date" or (after.kind == "empty" and new_date is not None)
    return before.kind == "date" and dated and stored is not None and stored == given


def says_something(text: str | None) -> bool:
    """Whether a cell holds words or figures: "-", "–" and "." stand for an empty cell."""
    return bool(_LEFTOVER.sub("", text or ""))


@dataclass(frozen=True)
class UpdateCheck:
    """What a tracker's update is against the updates already recorded on its action.

    ``text`` is what would be recorded: the whole cell, or what is left of it when it repeats
    earlier updates word for word; ``duplicate`` when nothing new is left.
    """

    text: str
    duplicate: bool
    repeats: bool  # the cell repeats earlier updates and only the rest of it is new


def update_check(text: str, recorded: Iterable[str]) -> UpdateCheck:
    """Compare one update from a tracker with the texts already recorded on the action.

    A cell is a duplicate when its text is recorded already (spacing, quotes and case aside) or
    is part of a longer recorded update. Trackers often keep every quarter's update in one
    cell; where a cell contains recorded updates plus more, only the rest is new.
    """
    plain = text_plain(text)
    wanted = comparable(text)
    earlier = sorted({comparable(r) for r in recorded if text_plain(r)}, key=len, reverse=True)
    for known in earlier:
        if wanted == known or (len(wanted) >= CONTAINED_MIN_LENGTH and wanted in known):
            return UpdateCheck(text=text.strip(), duplicate=True, repeats=False)
    # Cutting by position needs the compared form to line up with the text, letter for letter.
    if len(wanted) != len(plain):
        return UpdateCheck(text=text.strip(), duplicate=False, repeats=False)
    kept = [True] * len(plain)
    repeats = False
    for known in earlier:
        if len(known) < CONTAINED_MIN_LENGTH:
            continue
        start = wanted.find(known)
        while start != -1:
            repeats = True
            kept[start : start + len(known)] = [False] * len(known)
            start = wanted.find(known, start + len(known))
    if not repeats:
        return UpdateCheck(text=text.strip(), duplicate=False, repeats=False)
    rest = "".join(ch if keep else "\n" for ch, keep in zip(plain, kept, strict=True))
    pieces = [text_plain(piece).strip(" ;,-–:") for piece in rest.split("\n")]
    # Where a cell repeats earlier updates, what is left between them is new only if no
    # recorded update holds it, however short: so a cell applied once brings nothing again.
    left = "\n".join(
        piece
        for piece in pieces
        if _LEFTOVER.sub("", piece) and not any(comparable(piece) in known for known in earlier)
    )
    if not left:
        return UpdateCheck(text=text.strip(), duplicate=True, repeats=True)
    return UpdateCheck(text=left, duplicate=False, repeats=True)
