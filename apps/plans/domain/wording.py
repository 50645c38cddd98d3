"""Comparing the wording of two editions of an action: similarity for matching, word diff for
showing a rewording. The standard library's difflib is enough at plan sizes (tens to hundreds
of short texts), so no fuzzy-matching dependency is needed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from apps.core.text import text_plain

_TOKENS = re.compile(r"\s+|[^\s]+")


def same_wording(old: str, new: str) -> bool:
    return text_plain(old) == text_plain(new)


def comparable(text: str) -> str:
    """The form `similarity` compares; worth keeping when one text is compared many times."""
    return text_plain(text).casefold()


def similarity(old: str, new: str, *, at_least: float = 0.0) -> float:
    """How alike two wordings are, from 0 to 1, case ignored; 0 when surely below `at_least`."""
    return comparable_similarity(comparable(old), comparable(new), at_least=at_least)


def comparable_similarity(a: str, b: str, *, at_least: float = 0.0) -> float:
    """`similarity` of two texts already made comparable.

    The cheap upper bounds difflib offers are tried first, so comparing many pairs of actions
    stays fast.
    """
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True)
class DiffOp:
    """A run of text the two wordings share ("equal"), or that one of them alone has."""

    kind: Literal["equal", "delete", "insert"]
    text: str


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Word by word, what was removed from and added to the old wording to give the new one.

    Spaces are tokens too, so joining the "equal" and "delete" runs gives the old text back
    exactly and joining the "equal" and "insert" runs gives the new one.
    """
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    ops: list[DiffOp] = []

    def add(kind: Literal["equal", "delete", "insert"], tokens: list[str]) -> None:
        if not tokens:
            return
        text = "".join(tokens)
        if ops and ops[-1].kind == kind:
            ops[-1] = DiffOp(kind, ops[-1].text + text)
        else:
            ops.append(DiffOp(kind, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", old_tokens[i1:i2])
        else:
            add("delete", old_tokens[i1:i2])
            add("insert", new_tokens[j1:j2])
    return ops
