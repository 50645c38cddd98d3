"""Which action of the earlier edition each action of a plan continues: a one-to-one assignment
scored on objective, number and wording. Plain data in, plain data out; the services that save
the result are in apps/plans/services/editions.py."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from apps.plans.domain.wording import comparable, comparable_similarity, similarity

# The weights say what makes two rows the same action: above all the wording, then staying
# under the same objective, then keeping the printed number.
TEXT_WEIGHT, OBJECTIVE_WEIGHT, NUMBER_WEIGHT = 0.75, 0.15, 0.10
# Under the same objective a reworded action is still recognised; an action that moved to
# another objective must keep nearly the same wording to be taken for the same one.
SAME_OBJECTIVE_THRESHOLD = 0.6
MOVED_THRESHOLD = 0.9
OBJECTIVE_TITLE_THRESHOLD = 0.5


@dataclass(frozen=True)
class ObjectiveRef:
    key: int
    number: int
    title: str


@dataclass(frozen=True)
class ActionRef:
    key: int
    objective_key: int
    objective_number: int
    number: str
    text: str


@dataclass(frozen=True)
class Match:
    old_key: int
    new_key: int
    score: int  # confidence, 0 to 100
    reason: str


def match_objectives(old: Sequence[ObjectiveRef], new: Sequence[ObjectiveRef]) -> dict[int, int]:
    """New objective key → old objective key: the same number with a similar (or unreadable)
    title, else the most similar title; each old objective used once."""
    pairs: list[tuple[float, int, int]] = []
    for n in new:
        for o in old:
            if not (n.title and o.title):
                # Only the number to go on: take it unless a title says otherwise.
                if n.number == o.number:
                    pairs.append((OBJECTIVE_TITLE_THRESHOLD, n.key, o.key))
                continue
            title = similarity(o.title, n.title)
            if title >= OBJECTIVE_TITLE_THRESHOLD:
                pairs.append((title + (0.5 if n.number == o.number else 0.0), n.key, o.key))
    return _greedy(pairs)


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """Best score first, each side taken once; ties go to the earlier rows, so runs agree."""
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _score, new_key, old_key in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if new_key not in chosen and old_key not in taken:
            chosen[new_key] = old_key
            taken.add(old_key)
    return chosen


def _bare_number(number: str) -> str:
    return re.sub(r"[\s().]", "", number).lower()


def _percent(value: float) -> int:
    """Rounded down, so only an exact match reads as 100%."""
    return math.floor(value * 100 + 1e-9)


def _reason(old: ActionRef, new: ActionRef, text: float, same_objective: bool) -> str:
    parts = []
    if same_objective:
        parts.append("same objective")
    else:
        parts.append(f"moved from objective {old.objective_number}")
    if _bare_number(old.number) == _bare_number(new.number):
        parts.append("same number")
    else:
        parts.append(f"number {old.number} became {new.number}")
    parts.append("same wording" if text == 1.0 else f"wording {_percent(text)}% alike")
    reason = ", ".join(parts)
    return reason[0].upper() + reason[1:]


def match_actions(
    old: Sequence[ActionRef], new: Sequence[ActionRef], objectives: dict[int, int]
) -> list[Match]:
    """Pair new actions with old ones, best score first, each action used at most once.

    `objectives` maps each new objective key to its old counterpart (see match_objectives).
    Actions are first paired within their objective; only those left over are looked for in
    other objectives, which keeps large plans fast (most pairs are never compared).
    """
    texts = {a.key: comparable(a.text) for a in (*old, *new)}
    old_by_objective: dict[int, list[ActionRef]] = {}
    for o in old:
        old_by_objective.setdefault(o.objective_key, []).append(o)
    within = [
        (n, o)
        for n in new
        if n.objective_key in objectives
        for o in old_by_objective.get(objectives[n.objective_key], [])
    ]
    matches = _assign(within, texts, same_objective=True)
    used_old = {m.old_key for m in matches}
    used_new = {m.new_key for m in matches}
    across = [
        (n, o)
        for n in new
        if n.key not in used_new
        for o in old
        if o.key not in used_old and objectives.get(n.objective_key) != o.objective_key
    ]
    return matches + _assign(across, texts, same_objective=False)


def _assign(
    pairs: list[tuple[ActionRef, ActionRef]], texts: dict[int, str], *, same_objective: bool
) -> list[Match]:
    threshold = SAME_OBJECTIVE_THRESHOLD if same_objective else MOVED_THRESHOLD
    scored: list[tuple[float, int, int]] = []
    details: dict[tuple[int, int], Match] = {}
    for n, o in pairs:
        text = comparable_similarity(texts[o.key], texts[n.key], at_least=threshold)
        if text < threshold:
            continue
        same_number = _bare_number(o.number) == _bare_number(n.number)
        score = TEXT_WEIGHT * text + OBJECTIVE_WEIGHT * same_objective + NUMBER_WEIGHT * same_number
        scored.append((score, n.key, o.key))
        details[(n.key, o.key)] = Match(
            old_key=o.key,
            new_key=n.key,
            score=_percent(score),
            reason=_reason(o, n, text, same_objective),
        )
    return [details[(new_key, old_key)] for new_key, old_key in _greedy(scored).items()]
