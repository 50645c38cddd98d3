"""What a table's column headings mean, and which row of a table is its header.

Councils head the same column many ways ("Lead", "Responsible officer", "Who"); a vocabulary
maps each heading to the use a reader makes of the column. The header is the row whose
headings mean the most, not necessarily the first: trackers put titles, dates and notes above.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Use(StrEnum):
    """What a column of a plan table holds. The values are stable: mappings are stored."""

    THEME = "theme"
    OBJECTIVE = "objective"
    NUMBER = "number"
    ACTION = "action"
    METHOD = "method"
    LEAD = "lead"
    BY_WHEN = "by_when"
    STATUS = "status"
    RAG = "rag"
    UPDATE = "update"
    UPDATE_DATE = "update_date"
    DETAIL = "detail"
    IGNORE = "ignore"


USE_LABELS: dict[Use, str] = {
    Use.THEME: "Theme",
    Use.OBJECTIVE: "Objective",
    Use.NUMBER: "Action number",
    Use.ACTION: "Action",
    Use.METHOD: "Method",
    Use.LEAD: "Lead",
    Use.BY_WHEN: "By when",
    Use.STATUS: "Status",
    Use.RAG: "RAG rating",
    Use.UPDATE: "Update",
    Use.UPDATE_DATE: "Update date",
    Use.DETAIL: "Keep as a detail",
    Use.IGNORE: "Ignore",
}

# Phrases as ``heading_key`` leaves them. A heading that is exactly a phrase wins over one that
# merely contains it, and a longer phrase wins over a shorter one ("update date" is not an
# update, "rag status" is not a status, "lead agency" is a lead).
PLAN_VOCABULARY: dict[Use, tuple[str, ...]] = {
    Use.THEME: (
        "theme",
        "priority",
        "priority area",
        "strategic priority",
        "strategic theme",
        "priority theme",
        "strand",
        "workstream",
        "work stream",
        "area of focus",
        "outcome",
        "strategic outcome",
        "key priority",
        "csp priority",
    ),
    Use.OBJECTIVE: (
        "objective",
        "objectives",
        "strategic objective",
        "aim",
        "aims",
        "goal",
        "what we want to achieve",
        "sub priority",
        "intended outcome",
        "outcome sought",
    ),
    Use.NUMBER: (
        "ref",
        "ref no",
        "reference",
        "no",
        "number",
        "action no",
        "action number",
        "action ref",
        "item",
        "id",
        "#",
    ),
    Use.ACTION: (
        "action",
        "actions",
        "activity",
        "activities",
        "task",
        "tasks",
        "deliverable",
        "deliverables",
        "what we will do",
        "what will we do",
        "key actions",
        "key action",
        "action description",
        "description",
        "recommendation",
        "intervention",
        "milestone",
        "what",
    ),
    Use.METHOD: ("method", "how", "how we will do it", "approach", "delivery method"),
    Use.LEAD: (
        "lead",
        "leads",
        "owner",
        "action owner",
        "responsible officer",
        "responsible",
        "responsibility",
        "lead agency",
        "lead agencies",
        "lead partner",
        "lead partners",
        "lead officer",
        "who",
        "by whom",
        "accountable",
        "lead organisation",
        "partner",
        "agency",
        "led by",
        "who will do it",
        "owner agency",
    ),
    Use.BY_WHEN: (
        "by when",
        "when",
        "target date",
        "deadline",
        "due",
        "due date",
        "timescale",
        "timescales",
        "completion date",
        "date due",
        "target completion date",
        "timeframe",
        "time frame",
        "end date",
        "date for completion",
        "target",
        "delivery date",
        "target timescale",
    ),
    Use.STATUS: ("status", "progress status", "current status", "state", "action status"),
    Use.RAG: (
        "rag",
        "rag status",
        "rag rating",
        "rating",
        "brag",
        "brag status",
        "brag rating",
        "red amber green",
        "traffic light",
        "rag rated",
        "r a g",
        "overall rag",
        "current rag",
    ),
    Use.UPDATE: (
        "update",
        "updates",
        "progress",
        "progress update",
        "commentary",
        "latest position",
        "comments",
        "comment",
        "latest update",
        "progress to date",
        "position",
        "narrative",
        "current position",
        "notes",
        "progress comments",
        "quarterly update",
        "update on progress",
    ),
    Use.UPDATE_DATE: (
        "update date",
        "date of update",
        "date updated",
        "last updated",
        "updated",
        "date of last update",
        "as at",
        "date",
    ),
}

_NON_WORD = re.compile(r"[^a-z0-9#]+")


def heading_key(text: str) -> str:
    """A heading as compared: lower case, punctuation and spacing collapsed to single spaces."""
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("&", " and ")).split())


@dataclass(frozen=True)
class HeadingMatch:
    use: str  # a member of the vocabulary's key type
    exact: bool
    phrase: str


def heading_match(text: str, vocabulary: Mapping[str, Sequence[str]]) -> HeadingMatch | None:
    """The use this heading names, or None. Exact phrases first, then the longest phrase the
    heading holds as whole words (so "Lead agency / partner" is a lead)."""
    key = heading_key(text)
    if not key:
        return None
    for use, phrases in vocabulary.items():
        if key in phrases:
            return HeadingMatch(use, True, key)
    padded = f" {key} "
    best: HeadingMatch | None = None
    for use, phrases in vocabulary.items():
        for phrase in phrases:
            longer = best is None or len(phrase) > len(best.phrase)
            if len(phrase) > 2 and f" {phrase} " in padded and longer:
                best = HeadingMatch(use, False, phrase)
    return best


@dataclass(frozen=True)
class Header:
    row: int  # index into the table's rows
    uses: tuple[str | None, ...]  # per column: the vocabulary use recognised, or None
    score: float


def header_find(
    rows: Sequence[Sequence[str]],
    vocabulary: Mapping[str, Sequence[str]],
    *,
    required: Sequence[str] = (),
    look: int = 15,
) -> Header | None:
    """The row among the first ``look`` that reads most like a header, or None.

    A row scores one per recognised heading (half for one only containing a phrase). A use
    recognised twice keeps its first column; later ones are left for the reader to treat as
    details. The header must name every ``required`` use and at least two uses in all.
    """
    best: Header | None = None
    for index, row in enumerate(rows[:look]):
        uses: list[str | None] = []
        seen: set[str] = set()
        score = 0.0
        for text in row:
            match = heading_match(text, vocabulary) if len(text) <= 80 else None
            if match is None or match.use in seen:
                uses.append(None)
                continue
            seen.add(match.use)
            uses.append(match.use)
            score += 1.0 if match.exact else 0.5
        if len(seen) < 2 or any(use not in seen for use in required):
            continue
        if best is None or score > best.score:
            best = Header(index, tuple(uses), score)
    return best
