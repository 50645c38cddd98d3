"""One RAG vocabulary: the codes, words and GOV.UK colours every plan, measure and report uses,
and the reading of what documents print ("G", "Green", "green – on track", "AMBER/RED").

A plan keeps its own scheme (its Rating rows, with its own wording); this is what SaferPlan
falls back on and how it recognises a rating it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RagWord:
    code: str  # "G"
    word: str  # "Green"
    colour: str  # GOV.UK colour behind the word
    text_colour: str  # readable on that colour (contrast 4.5:1 or more)

    @property
    def key(self) -> str:
        """Lower-case word, as CSS modifiers and performance ratings spell it ("green")."""
        return self.word.lower()


RED = RagWord("R", "Red", "#d4351c", "#ffffff")
AMBER = RagWord("A", "Amber", "#f47738", "#0b0c0c")
GREEN = RagWord("G", "Green", "#00703c", "#ffffff")
BLUE = RagWord("B", "Blue", "#1d70b8", "#ffffff")  # BRAG schemes: complete
WHITE = RagWord("W", "White", "#ffffff", "#0b0c0c")  # Nottinghamshire: not started

RAG_WORDS: tuple[RagWord, ...] = (RED, AMBER, GREEN, BLUE, WHITE)
RAG_DEFAULT_SCHEME: tuple[RagWord, ...] = (RED, AMBER, GREEN)

_BY_NAME = {w.code.lower(): w for w in RAG_WORDS} | {w.key: w for w in RAG_WORDS}
_BY_NAME |= {"ns": WHITE, "not started": WHITE, "complete": BLUE, "completed": BLUE}
_LEADING_WORD = re.compile(r"^\W*([a-z]+(?: started)?)\b", re.I)


def rag_by_code(code: str) -> RagWord | None:
    """The rating a one-letter code stands for ("g" → Green), or None."""
    return _BY_NAME.get(code.strip().lower()) if len(code.strip()) == 1 else None


def rag_parse(text: str | None) -> RagWord | None:
    """The rating a cell or heading gives, by its first word: "G", "Green", "green – on track",
    "GREEN (on target)", "White (NS)". Anything else, including an empty cell, is None."""
    if not text:
        return None
    cleaned = " ".join(text.split()).lower()
    if cleaned in _BY_NAME:
        return _BY_NAME[cleaned]
    match = _LEADING_WORD.match(cleaned)
    return _BY_NAME.get(match.group(1)) if match else None


def rag_modifier(*, label: str = "", code: str = "") -> str:
    """The CSS modifier (app-rag--…) for a plan's own rating: its label, then its code; a scheme
    of the plan's own that is none of these gets the neutral style ("none")."""
    word = _BY_NAME.get(label.strip().lower()) or rag_by_code(code)
    return word.key if word is not None else "none"
