"""Which of a plan's actions each row of a partner's tracker is: by its reference first, then by
its wording with the rules edition matching uses (``apps.plans.domain.matching``). Plain data
in and out; the selector in ``apps/importers/selectors/tracker_changes.py`` says what the
matched rows change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from apps.core.text import text_plain
from apps.importers.domain.trackers import number_key
from apps.plans.domain.matching import (
    OBJECTIVE_TITLE_THRESHOLD,
    SAME_OBJECTIVE_THRESHOLD,
    ActionRef,
    ObjectiveRef,
    match_actions,
    match_objectives,
)
from apps.plans.domain.wording import similarity

# A row whose reference names an action is taken for it at once when its wording is as alike
# as edition matching asks of a reworded action; otherwise only if its wording matches no other
# action (a partner who renumbered their copy, or one who shortened the wording to "CCTV").
REFERENCE_CONFIRMED = SAME_OBJECTIVE_THRESHOLD


@dataclass(frozen=True)
class PlanAction:
    key: int  # positive (a primary key)
    objective_key: int
    objective_number: int
    number: str
    text: str
    retired: bool = False


@dataclass(frozen=True)
class PlanObjective:
    key: int  # positive
    number: int
    title: str
    theme_key: int
    theme_title: str


@dataclass(frozen=True)
class TrackerLine:
    """A row of the tracker, with the objective and theme the tracker puts it under."""

    index: int  # reading order, from 0
    objective_key: int  # negative: one per objective of the tracker
    objective_number: int
    objective_title: str
    theme_title: str
    number: str
    text: str


@dataclass
class RowMatches:
    by_reference: dict[int, int] = field(default_factory=dict)  # row index → action key
    by_wording: dict[int, tuple[int, str]] = field(default_factory=dict)  # … → (key, reason)
    repeated: dict[int, int] = field(default_factory=dict)  # row index → earlier row index
    # the tracker's objective key → the plan objective a new action under it goes to
    objectives: dict[int, int] = field(default_factory=dict)


def _number_keys(action: PlanAction) -> list[str]:
    """The references a tracker may print for an action: its number, and its number under its
    objective's ("1)" under objective 3 may be printed 3.1)."""
    own = number_key(action.number)
    if not own:
        return []
    prefix = f"{action.objective_number}."
    return [own] if own.startswith(prefix) else [own, prefix + own]


def _by_number(
    rows: Sequence[TrackerLine], actions: Sequence[PlanAction], matches: RowMatches
) -> dict[int, int]:
    """Fill ``by_reference`` and ``repeated``; return the rows whose reference names an action
    whose wording is unlike theirs (taken for it only if their wording matches no other)."""
    named: dict[str, list[PlanAction]] = {}
    for action in actions:
        for key in _number_keys(action):
            named.setdefault(key, []).append(action)
    claimed: dict[int, int] = {}  # action key → index of the row that named it
    weak: dict[int, int] = {}
    for row in rows:
        key = number_key(row.number)
        candidates = named.get(key, []) if key else []
        live = [c for c in candidates if not c.retired]
        candidates = live if len(live) == 1 else candidates
        if len(candidates) != 1:
            continue
        action = candidates[0]
        text = text_plain(row.text)
        if text and similarity(action.text, text) < REFERENCE_CONFIRMED:
            weak[row.index] = action.key
        elif action.key in claimed:
            matches.repeated[row.index] = claimed[action.key]
        else:
            matches.by_reference[row.index] = action.key
            claimed[action.key] = row.index
    return weak


def _row_key(key: int) -> int:
    """A row's index as a matching key, and back: -1 is the first row. ``match_actions`` keeps
    both sides' texts in one dict by key, so rows' keys must not meet actions' (positive)."""
    return -key - 1


def _action_refs(actions: Sequence[PlanAction]) -> list[ActionRef]:
    return [
        ActionRef(a.key, a.objective_key, a.objective_number, a.number, a.text) for a in actions
    ]


def _row_refs(rows: Sequence[TrackerLine]) -> list[ActionRef]:
    return [
        ActionRef(_row_key(r.index), r.objective_key, r.objective_number, r.number, r.text)
        for r in rows
    ]


def _objective_refs(rows: Sequence[TrackerLine], *, titled_only: bool) -> list[ObjectiveRef]:
    refs: dict[int, ObjectiveRef] = {}
    for row in rows:
        title = text_plain(row.objective_title)
        if title or not titled_only:
            refs.setdefault(
                row.objective_key, ObjectiveRef(row.objective_key, row.objective_number, title)
            )
    return list(refs.values())


def _plan_objective_refs(objectives: Sequence[PlanObjective]) -> list[ObjectiveRef]:
    return [ObjectiveRef(o.key, o.number, text_plain(o.title)) for o in objectives]


def _by_wording(
    rows: Sequence[TrackerLine],
    actions: Sequence[PlanAction],
    objectives: Sequence[PlanObjective],
) -> dict[int, tuple[int, str]]:
    """Row index → (action key, reason), as edition matching pairs an edition's actions.

    Rows the tracker does not put under a titled objective (a flat table) that found no action
    under the objective their number suggests are then looked for in the whole plan, as if
    all were under one objective.
    """
    worded = [row for row in rows if text_plain(row.text)]
    if not worded or not actions:
        return {}
    counterpart = match_objectives(
        _plan_objective_refs(objectives), _objective_refs(worded, titled_only=False)
    )
    found = {
        _row_key(m.new_key): (m.old_key, m.reason)
        for m in match_actions(_action_refs(actions), _row_refs(worded), counterpart)
    }
    taken = {key for key, _ in found.values()}
    flat = [r for r in worded if r.index not in found and not text_plain(r.objective_title)]
    rest = [a for a in actions if a.key not in taken]
    if flat and rest:
        anywhere = {row.objective_key: 0 for row in flat}
        old = [replace(ref, objective_key=0) for ref in _action_refs(rest)]
        texts = {a.key: a.text for a in rest}
        flat_rows = {row.index: row for row in flat}
        for m in match_actions(old, _row_refs(flat), anywhere):
            row = flat_rows[_row_key(m.new_key)]
            alike = math.floor(similarity(texts[m.old_key], row.text) * 100 + 1e-9)
            found[row.index] = (m.old_key, f"Wording {alike}% alike")
    return found


def _objectives_for_new(
    rows: Sequence[TrackerLine], objectives: Sequence[PlanObjective]
) -> dict[int, int]:
    """The tracker's objective key → the plan objective a new action under it goes to: found by
    the objective's title, else by its theme's title when that theme has one objective."""
    found = dict(
        match_objectives(_plan_objective_refs(objectives), _objective_refs(rows, titled_only=True))
    )
    themes: dict[int, list[PlanObjective]] = {}
    for objective in objectives:
        themes.setdefault(objective.theme_key, []).append(objective)
    lone = [members[0] for members in themes.values() if len(members) == 1]
    for row in rows:
        if row.objective_key in found or not text_plain(row.theme_title):
            continue
        for objective in lone:
            if similarity(objective.theme_title, row.theme_title) >= OBJECTIVE_TITLE_THRESHOLD:
                found[row.objective_key] = objective.key
                break
    return found


def match_rows(
    rows: Sequence[TrackerLine],
    actions: Sequence[PlanAction],
    objectives: Sequence[PlanObjective],
) -> RowMatches:
    """Each row's action: by reference, then by wording; each action taken by one row at most.

    A later row naming an action an earlier row named is *repeated* (left alone, not made a new
    action); a retired action is matched like the others, so its row is not taken for new.
    """
    matches = RowMatches()
    weak = _by_number(rows, actions, matches)
    taken = set(matches.by_reference.values())
    rest = [
        r for r in rows if r.index not in matches.by_reference and r.index not in matches.repeated
    ]
    matches.by_wording = _by_wording(rest, [a for a in actions if a.key not in taken], objectives)
    taken |= {key for key, _ in matches.by_wording.values()}
    for index, key in weak.items():
        if index not in matches.by_wording and key not in taken:
            matches.by_reference[index] = key
            taken.add(key)
    matches.objectives = _objectives_for_new(rows, objectives)
    return matches
