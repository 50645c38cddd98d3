"""A document's own glossary of abbreviations ("*BDC* – Bolsover District Council"), so its leads
mean what the document says they mean rather than what they mean in some other partnership."""

from __future__ import annotations

import re
from collections.abc import Iterable

from apps.core.text import text_key, text_squash

# "*BDC* – Bolsover District Council", "BDC - Bolsover District Council", "BDC: Bolsover …",
# "**NSDC** = Newark & Sherwood District Council". The abbreviation has at least two capitals.
_ENTRY = re.compile(
    r"^\s*[*_]{0,2}(?P<short>[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*s?)[*_]{0,2}\s*(?:[–—:=]|-(?=\s))\s*"
    r"(?P<full>[A-Z][^\n]+)$"
)
# A definition runs on after its name ("ASB – Anti-Social Behaviour - The definition …").
_DEFINITION_END = re.compile(r"\s+[-–—:]\s+|\.\s")
FULL_NAME_LENGTH = 200


def glossary_agencies(lines: Iterable[str]) -> dict[str, str]:
    """Abbreviation → what the document says it stands for, from lines that read as glossary
    entries; the first definition of an abbreviation wins."""
    found: dict[str, str] = {}
    for line in lines:
        entry = _ENTRY.match(line.replace("\u00a0", " "))
        if entry is None:
            continue
        full = _DEFINITION_END.split(entry["full"], maxsplit=1)[0].strip(" *_.")
        full = text_squash(full)
        if not full or len(full) > FULL_NAME_LENGTH or not _stands_for(entry["short"], full):
            continue
        found.setdefault(text_key(entry["short"]), full)
    return found


def _stands_for(short: str, full: str) -> bool:
    """The abbreviation's capitals are initials of the full name, in order, starting with the
    first ("DFRS" – Derbyshire Fire and Rescue Service); "NB – The information …" is no entry."""
    letters = [c for c in short if c.isupper()]
    initials = [word[0].upper() for word in re.findall(r"[A-Za-z]+", full)]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        try:
            position = initials.index(letter, position) + 1
        except ValueError:
            return False
    return True
