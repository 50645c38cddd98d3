"""The parts of a Nottinghamshire PCC theme update around its table: the report's title and
quarter, the status key (its ratings and the counts it claims) and the theme's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from apps.core.text import text_squash
from apps.importers.domain.parsed import ImportWarning, ParsedRating
from apps.importers.domain.parsers.ratings import NOTTS_SCHEME, rating_in
from apps.plans.domain.by_when import interpret_by_when

TITLE = re.compile(
    r"COMMISSIONER['’]?S\s+STRATEGIC\s+THEME\s+(?P<theme>\d+)\s+UPDATE(?P<rest>.*)", re.I
)
THEME = re.compile(r"^\s*#*\s*\**\s*THEME\s+(?P<number>\d+)\s*[:.\-–]\s*(?P<title>\S.*?)\**\s*$")
_QUARTER = re.compile(r"\bQ(?:U?A?R?TE?R?|RT|TR)?\s*(\d)\b", re.I)
_BRACKETS = re.compile(r"\(([^)]*)\)")
_PLAN_YEARS = re.compile(r"DELIVERY PLAN\s*\((\d{4}-\d{2})\)", re.I)
_COUNT = re.compile(r"(\d+)\s*/\s*(\d+)")


def pipe_cells(raw: str) -> list[str] | None:
    """The cells of a markdown table row ("| a | b |"), or None if the line is not one."""
    text = raw.strip()
    if not text.startswith("|"):
        return None
    parts = text.split("|")[1:]
    if text.endswith("|") and parts:
        parts = parts[:-1]
    return [part.strip() for part in parts]


@dataclass
class Front:
    title: str
    period_label: str
    reported: date | None  # the month the report names, for judging stale updates


def read_front(lines: list[str], before: int, warnings: list[ImportWarning]) -> Front:
    """The title line nearest above the table (``before`` is its index), and its period."""
    years = next((m[1] for raw in lines if (m := _PLAN_YEARS.search(raw))), "")
    for index in range(before - 1, -1, -1):
        match = TITLE.search(lines[index])
        if match is None:
            continue
        title = f"Commissioner's Strategic Theme {match['theme']} update"
        quarter = _QUARTER.search(match["rest"])
        when = _BRACKETS.search(match["rest"])
        if quarter:
            title += f" – Qtr {quarter[1]}"
        if when:
            title += f" ({when[1].strip()})"
        reported = interpret_by_when(when[1]).due_date if when else None
        period = years
        if quarter and reported:
            start = (reported.year * 12 + reported.month - 1 - (3 * int(quarter[1]) + 2)) // 12
            period = f"{start}-{(start + 1) % 100:02d} Q{quarter[1]}"
        return Front(title, period, reported)
    warnings.append(
        ImportWarning(before + 1, "No “Commissioner's Strategic Theme … update” title was found.")
    )
    return Front("Commissioner's strategic theme update", years, None)


@dataclass
class StatusKey:
    ratings: list[ParsedRating]
    claimed: dict[str, tuple[int, int, int]]  # code -> (count, total, line)


def read_status_key(lines: list[str], before: int) -> StatusKey:
    """The status key's ratings in printed order, and the "Number & %" each claims."""
    key = StatusKey([], {})
    current: str | None = None
    for index, raw in enumerate(lines[:before]):
        cells = [c for c in pipe_cells(raw) or [] if c]
        if len(cells) < 2:
            continue
        word = rating_in(cells[0], NOTTS_SCHEME)
        code = word.code if word is not None else None
        if code and code not in {r.code for r in key.ratings}:
            key.ratings.append(ParsedRating(code, cells[0], " ".join(cells[1:])))
            current = code
        elif current and cells[0].lower().startswith("number") and (m := _COUNT.search(cells[1])):
            key.claimed[current] = (int(m[1]), int(m[2]), index + 1)
            current = None
    return key


def theme_title(number: str, printed: str, text: str) -> str:
    """ "THEME 2: HELPING AND SUPPORTING VICTIMS" -> "Theme 2: Helping and supporting victims".

    A heading in capitals is given the case the document itself uses for that phrase
    elsewhere (its performance table prints "Helping and supporting victims"), or sentence
    case if it never does.
    """
    printed = text_squash(printed)
    if not printed.isupper():
        return f"Theme {number}: {printed}"
    pattern = re.compile(r"\s+".join(map(re.escape, printed.split())), re.I)
    for match in pattern.finditer(text):
        if not match[0].isupper():
            return f"Theme {number}: {' '.join(match[0].split())}"
    return f"Theme {number}: {printed[:1]}{printed[1:].lower()}"
