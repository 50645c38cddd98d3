"""Reading one cell of a plan table: its rating (by word, letter or colour), status, leads,
action text with its bullets, and dated updates.

Each function takes a cell's text (or fill) as the document printed it and returns what it
means, or None when the cell does not say; the table reader decides what to warn about.
"""

from __future__ import annotations

import colorsys
import re
from datetime import date

from apps.core.rag import AMBER, BLUE, GREEN, RED, RagWord, rag_by_code, rag_parse
from apps.core.text import text_squash
from apps.plans.domain.by_when import interpret_by_when

# Ratings as trackers write them beyond the colour's name.
_RAG_PHRASES: dict[str, RagWord] = {
    "on track": GREEN,
    "on target": GREEN,
    "achieved": BLUE,
    "at risk": AMBER,
    "some concerns": AMBER,
    "off track": RED,
    "not on track": RED,
    "off target": RED,
}
_RAG_LETTERS = re.compile(r"([ragbw])\s*(?:[/\-+]\s*)?([rag])?", re.I)


def rag_read(text: str | None) -> RagWord | None:
    """The rating a cell's words give: "Green", "G", "Amber/Green", "AG", "Green – on track",
    "Complete" (Blue), "On track". A two-colour rating takes its first colour, as
    ``apps.core.rag`` reads "Amber/Red"."""
    cleaned = text_squash(text)
    if not cleaned:
        return None
    if (word := rag_parse(cleaned)) is not None:
        return word
    if match := _RAG_LETTERS.fullmatch(cleaned):
        return rag_by_code(match[1])
    lowered = cleaned.lower()
    for phrase, word in _RAG_PHRASES.items():
        if lowered.startswith(phrase):
            return word
    return None


_HEX = re.compile(r"#?([0-9a-f]{6})([0-9a-f]{2})?", re.I)


_COLOUR_NAMES = re.compile(r"^\W*(?:red|amber|green|blue|white|[ragbw])\b", re.I)


def rag_named(text: str | None) -> RagWord | None:
    """The rating a cell gives only when it names a colour or its letter ("Green – on track",
    "AG"), so a status cell's "Complete" or "On track" is read as a status, not a rating."""
    cleaned = text_squash(text)
    if not _COLOUR_NAMES.match(cleaned) and not _RAG_LETTERS.fullmatch(cleaned):
        return None
    return rag_read(cleaned)


def rag_from_fill(fill: str | None) -> RagWord | None:
    """The rating a cell's background colour stands for, by its hue: reds, ambers (orange and
    yellow), greens and blues (cyan included). White, greys and black mean nothing: a white or
    unfilled cell has no rating, grey is how tables shade their headers, and near-black navy
    or maroon is a banner, not a rating."""
    match = _HEX.fullmatch((fill or "").strip())
    if not match:
        return None
    value = match[1]
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < 0.2 or lightness > 0.96 or lightness < 0.3:
        return None
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return RED
    if degrees < 68:
        return AMBER
    if degrees < 170:
        return GREEN
    if degrees < 265:
        return BLUE
    return None


# Status words, in the order they are looked for: "not started" before "started".
_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("not yet started", "not_started"),
    ("not started", "not_started"),
    ("yet to start", "not_started"),
    ("not commenced", "not_started"),
    ("on hold", "on_hold"),
    ("paused", "on_hold"),
    ("deferred", "on_hold"),
    ("suspended", "on_hold"),
    ("postponed", "on_hold"),
    ("completed", "completed"),
    ("complete", "completed"),
    ("done", "completed"),
    ("achieved", "completed"),
    ("closed", "completed"),
    ("finished", "completed"),
    ("delivered", "completed"),
    ("in progress", "ongoing"),
    ("ongoing", "ongoing"),
    ("on going", "ongoing"),
    ("on track", "ongoing"),
    ("underway", "ongoing"),
    ("under way", "ongoing"),
    ("in hand", "ongoing"),
    ("started", "ongoing"),
    ("progressing", "ongoing"),
    ("active", "ongoing"),
    ("open", "ongoing"),
)


def status_read(text: str | None) -> str | None:
    """The status a status cell gives ("In progress" → "ongoing", "Done" → "completed"), or
    None if it names none. Only whole words count, and the earliest in the cell wins."""
    lowered = " " + re.sub(r"[^a-z]+", " ", (text or "").lower()).strip() + " "
    found: tuple[int, int, str] | None = None
    for order, (phrase, status) in enumerate(_STATUS_WORDS):
        at = lowered.find(f" {phrase} ")
        if at >= 0 and (found is None or (at, order) < found[:2]):
            found = (at, order, status)
    return found[2] if found else None


_NO_LEAD = {"", "n/a", "na", "-", "–", "tbc", "tba", "none", "?"}


def says_nothing(text: str | None) -> bool:
    """ "N/A", "-", "TBC": a cell filled in only so it is not empty."""
    return text_squash(text).lower().strip(" .") in _NO_LEAD


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}s?")
_ONE_WORD = re.compile(r"[A-Z][a-z]+")
_JOINERS = re.compile(r"\s+(?:and|&)\s+|\s*&\s*")
_LIST_MARKER = re.compile(r"^\s*(?:[•·▪◦●○\-–*✓]|\d+[.)]|[a-z][.)])\s+")


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_slash(part: str) -> list[str]:
    """ "CSP/BDC/Police" and "Police / Council" split; "N/A" and "w/c" do not."""
    pieces = [p.strip() for p in part.split("/")]
    if len(pieces) > 1 and all(len(p) > 1 for p in pieces):
        return pieces
    return [part]


def _split_joined(part: str) -> list[str]:
    """ "Police & Fire" and "CSP and NSDC" split; "Newark & Sherwood District Council" and
    "Police and Crime Commissioner" do not: every side must be one word or an acronym."""
    pieces = [p.strip() for p in _JOINERS.split(part)]
    if len(pieces) > 1 and all(_ACRONYM.fullmatch(p) or _ONE_WORD.fullmatch(p) for p in pieces):
        return pieces
    return [part]


def leads_split(text: str | None) -> list[str]:
    """The leads a lead cell names, as printed: one per line, or separated by ";", "," or "/";
    "and" and "&" only between single words or acronyms. "N/A", "TBC" and dashes are no lead."""
    leads: list[str] = []
    for line in (text or "").splitlines():
        line = _LIST_MARKER.sub("", line)
        for part in _split_outside_brackets(line, ";,"):
            for piece in _split_slash(part.strip()):
                for lead in _split_joined(piece):
                    lead = text_squash(lead).strip(" .")
                    if lead.lower() not in _NO_LEAD and lead not in leads:
                        leads.append(lead)
    return leads


_BULLET = re.compile(
    r"^\s*(?:[•·▪◦●○✓➢►\uf0b7\uf0a7]\s*|(?:[\-–*>o]|\d{1,2}[.)]|[a-z][.)]|\(?[ivx]+\)|\([a-z]\))\s+)"
    r"(?=\S)"
)
_NUMBER_PREFIX = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?:[.):]|\s*[-–])?\s+(?=\S)")


def number_split(text: str) -> tuple[str | None, str]:
    """A leading number printed before an action ("1.2 Run …", "3) Hold …"), and the rest."""
    match = _NUMBER_PREFIX.match(text)
    if match is None:
        return None, text
    return match[1], text[match.end() :]


def number_parts(number: str | None) -> tuple[int, ...]:
    """ "1.2.3" → (1, 2, 3); anything that is not dotted whole numbers → ()."""
    cleaned = (number or "").strip().rstrip(".)")
    if not re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){0,3}", cleaned):
        return ()
    return tuple(int(p) for p in cleaned.split("."))


def action_split(text: str, *, wrapped: bool = False) -> tuple[str, list[str]]:
    """An action cell's main text and its sub-items.

    The text is the cell's first paragraph; every bulleted or lettered line after it is a
    sub-item. A line with no marker joins the line before it when it goes on in lower case or
    when ``wrapped`` (a PDF, whose lines break wherever the column is full); otherwise, in a
    Word or Excel cell where a new line is a new paragraph, it is a sub-item of its own. A cell
    that is only bullets takes its first bullet as the text.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "", []
    paragraphs: list[tuple[bool, str]] = []
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            paragraphs.append((True, line[bullet.end() :].strip()))
        elif paragraphs and (wrapped or line[:1].islower()):
            marked, previous = paragraphs[-1]
            paragraphs[-1] = (marked, f"{previous} {line}")
        else:
            paragraphs.append((False, line))
    head = text_squash(paragraphs[0][1])
    return head, [text_squash(p) for _, p in paragraphs[1:] if text_squash(p)]


_DATED_START = re.compile(
    r"^\s*(?:\[|\()?\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4})\s*(?:\]|\))?\s*(?:[:\-–—]\s*|\s+)"
)


def date_read(text: str | None) -> date | None:
    """A day written as councils and spreadsheets write it (31/03/2027, 31 March 2027,
    2027-03-31), or None for anything vaguer."""
    result = interpret_by_when(text)
    return result.due_date if result.kind == "date" else None


def updates_split(text: str) -> list[tuple[date | None, str]]:
    """An update cell as one update, or as several when it holds paragraphs each starting
    with a date ("12/03/2026: … \\n 02/06/2026: …"). A paragraph with no date joins the one
    before it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    dated = [_DATED_START.match(line) for line in lines]
    if not any(dated) or dated[0] is None:
        squashed = "\n".join(lines).strip()
        return [(None, squashed)] if squashed else []
    updates: list[tuple[date | None, list[str]]] = []
    for line, match in zip(lines, dated, strict=True):
        when = date_read(match[1]) if match else None
        if match and when is not None:
            updates.append((when, [line[match.end() :].strip()]))
        else:
            updates[-1][1].append(line)
    return [(when, "\n".join(p for p in parts if p)) for when, parts in updates if any(parts)]
