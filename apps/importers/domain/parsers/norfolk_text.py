"""Text helpers shared by the two Norfolk layouts: cells, dates, run-together lists and leads.

The Norfolk pack is a PDF conversion that lost the bullets of most list cells: "Develop
performance framework OPT Sergeants develop a system … Link to monthly …" is three key actions
printed as one run of words. What survives is enough to find most boundaries: a list cell
starts with a space (a single-item cell does not), words are glued where a line ended
("modelDifferences"), some cells keep their "•" and "▶" marks, and an item usually starts
with a capital after an ordinary lower-case word. Every split made on such evidence is
reported, so an officer can check it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from apps.core.text import text_squash
from apps.importers.domain.parsed import ImportWarning
from apps.partnerships.domain.agencies import agency_name
from apps.plans.domain.by_when import interpret_by_when

HEADLINE_MARKS = "•"
MILESTONE_MARKS = "▶➤"
_MARKS = re.compile(rf"\s*([{HEADLINE_MARKS}{MILESTONE_MARKS}])\s*")
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_TOKEN = re.compile(rf"\b{_MONTH}\s*'?\s*(?:\d{{4}}|\d{{2}})\b", re.I)
_CONNECTORS = frozenset(
    [
        "a",
        "an",
        "and",
        "&",
        "at",
        "as",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "re",
        "the",
        "thru",
        "through",
        "to",
        "via",
        "with",
        "within",
        "where",
        "which",
        "whose",
        "that",
        "their",
        "its",
        "our",
        "all",
        "each",
        "every",
        "–",
        "-",
        "including",
        "such",
        "e.g.",
    ]
)
# Verbs that open a key action; a capitalised one after any ordinary word starts a new item.
_VERBS = frozenset(
    [
        "Achieve",
        "Agree",
        "Carry",
        "Champion",
        "Continue",
        "Continued",
        "Deliver",
        "Develop",
        "Engage",
        "Ensure",
        "Establish",
        "Evaluate",
        "Explore",
        "Identify",
        "Improve",
        "Increase",
        "Inform",
        "Introduce",
        "Link",
        "Monitor",
        "Produce",
        "Promote",
        "Provide",
        "Raise",
        "Reduce",
        "Review",
        "Support",
        "Supporting",
        "Influencing",
        "Use",
        "Work",
    ]
)
_FOOTNOTE_MARKS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")


def lines_of(text: str) -> list[str]:
    """The document's lines, whatever line endings it uses (recognising and reading agree)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def tidy(text: str) -> str:
    """One line of text: footnote marks, markdown emphasis and doubled spaces removed."""
    return text_squash(text.translate(_FOOTNOTE_MARKS).replace("**", " "))


def cells_of(raw: str, width: int) -> list[str]:
    """The row's cells, tidied, padded with empty cells to the table's width."""
    cells = [tidy(cell) for cell in raw.split("\t")]
    return (cells + [""] * width)[: max(width, len(cells))]


def join_text(first: str, second: str) -> str:
    return f"{first} {second}".strip() if first and second else first or second


def starts_lower(text: str) -> bool:
    return text[:1].islower()


def dates_in(text: str) -> list[date]:
    """Every month-and-year the by-when text names, in order ("Jul 2013 Sept 2013" → two)."""
    found = [interpret_by_when(m[0]).due_date for m in DATE_TOKEN.finditer(text)]
    return [d for d in found if d is not None]


def is_only_dates(text: str) -> bool:
    """True if the text is nothing but month-and-year dates, optionally with "By"/"From"."""
    rest = DATE_TOKEN.sub(" ", text)
    return bool(DATE_TOKEN.search(text)) and not re.sub(
        r"\b(?:by|from)\b|[\s,]", "", rest, flags=re.I
    )


@dataclass
class Item:
    """One key action and the milestones printed under it."""

    text: str
    milestones: list[str] = field(default_factory=list)


@dataclass
class Split:
    items: list[Item]
    judged: bool = False  # boundaries were found by capital letters or glued words


def _title_case(word: str) -> bool:
    """ "Action", "Multi-agency"; not "DfE" or "OPTs"."""
    return re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*[,.;:]?", word) is not None


def _acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word.rstrip("s"))
    return len(letters) >= 2 and letters.isupper()


def _ordinary(word: str) -> bool:
    """A lower-case word that can end an item (not "of", "to", "and" …, nor "health,")."""
    return word[:1].islower() and word.lower() not in _CONNECTORS and not word.endswith(",")


def _boundaries(words: list[str]) -> list[int]:
    """Indexes of the words that start a new item in a run of list items."""
    found: list[int] = []
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        after = words[i + 1] if i + 1 < len(words) else ""
        sentence = before.endswith(".") and len(before) > 3 and word[:1].isupper()
        verb = word in _VERBS and (_ordinary(before) or _acronym(before))
        phrase = _title_case(word) and after[:1].islower() and _phrase_may_start(words, i)
        if sentence or verb or phrase:
            found.append(i)
    return found


def _phrase_may_start(words: list[str], i: int) -> bool:
    """A capitalised word followed by a lower-case one starts an item after an ordinary word.

    "Tasking and Coordinating" is one name, so "X and Y" needs a lower-case Y. After an
    acronym the item starts at the acronym itself when an ordinary word precedes it
    ("framework OPT Sergeants develop"); the caller moves the boundary back.
    """
    before = words[i - 1]
    after = words[i + 1]
    if after.lower() in ("and", "&") and not (i + 2 < len(words) and words[i + 2][:1].islower()):
        return False
    return _ordinary(before) or _acronym(before)


def _shift_after_acronym(words: list[str], starts: list[int]) -> list[int]:
    shifted = []
    for i in starts:
        if i >= 2 and _acronym(words[i - 1]) and _ordinary(words[i - 2]):
            shifted.append(i - 1)
        else:
            shifted.append(i)
    return sorted(set(shifted))


def split_run(text: str, *, is_list: bool) -> tuple[list[str], bool]:
    """Split a run of items at glued words and, in a list cell, at capital letters."""
    pieces = [p for p in _GLUED.split(text) if p.strip()]
    judged = len(pieces) > 1
    if not is_list:
        return [tidy(p) for p in pieces], judged
    result: list[str] = []
    for piece in pieces:
        words = piece.split()
        starts = _shift_after_acronym(words, _boundaries(words))
        edges = [0, *[s for s in starts if s > 0], len(words)]
        parts = [" ".join(words[a:b]) for a, b in itertools.pairwise(edges) if b > a]
        judged = judged or len(parts) > 1
        result.extend(parts)
    return result, judged


def split_items(text: str, *, is_list: bool) -> Split:
    """The key actions in a cell: "•" starts an action, "▶" a milestone of the one above."""
    segments = _MARKS.split(text)
    if len(segments) == 1:
        pieces, judged = split_run(text, is_list=is_list)
        return Split([Item(p) for p in pieces], judged)
    items: list[Item] = []
    judged = False
    mark = ""
    for index, segment in enumerate(segments):
        if index % 2 == 1:
            mark = segment
            continue
        pieces, split = split_run(segment, is_list=True)
        judged = judged or split
        if not pieces:
            continue
        if mark in MILESTONE_MARKS and mark and items:
            items[-1].milestones.append(pieces.pop(0))
        items.extend(Item(p) for p in pieces)
    return Split(items, judged)


_PERSON = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)+$")


def read_leads(text: str, line: int, warnings: list[ImportWarning]) -> list[str]:
    """Agencies named in a lead cell: "Police / LA" → two; a run of known names is split."""
    leads: list[str] = []
    for part in (p.strip() for p in re.split(r"\s*/\s*", text)):
        if not part:
            continue
        if agency_name(part) or not (known := _known_run(part)):
            leads.append(_person_or_name(part, line, warnings))
        else:
            if len(known) > 1:
                warnings.append(
                    ImportWarning(
                        line,
                        f"Read the lead “{part}” as {len(known)} agencies: "
                        + ", ".join(f"“{k}”" for k in known)
                        + ".",
                    )
                )
            leads.extend(known)
    return leads


def _known_run(text: str) -> list[str]:
    """Known agency names that together make up the whole text, longest first, or []."""
    words = text.replace("CCG's", "CCGs").replace("GP's", "GPs").split()
    found: list[str] = []
    start = 0
    while start < len(words):
        for end in range(len(words), start, -1):
            candidate = " ".join(words[start:end])
            if agency_name(candidate):
                found.append(candidate)
                start = end
                break
            if candidate.lower() == "in consultation with":
                start = end
                break
        else:
            return []
    return found


def _person_or_name(text: str, line: int, warnings: list[ImportWarning]) -> str:
    """A person's full name becomes their initials, as SaferPlan knows people by initials."""
    if agency_name(text) is None and _PERSON.match(text) and len(text.split()) <= 3:
        initials = "".join(word[0] for word in text.split())
        warnings.append(
            ImportWarning(
                line,
                f"The lead “{text}” is not a known agency and reads as a person’s name; "
                f"recorded by the initials {initials}.",
            )
        )
        return initials
    if agency_name(text) is None:
        warnings.append(ImportWarning(line, f"The lead “{text}” is not a known agency; check it."))
    return text
