"""Reads about a plan's editions: what changed since the earlier one, per objective, as plain
data for a page; the completed actions a rollover may carry; the earlier actions to choose from.

An action of the plan is *new* when it continues no action of the earlier edition, *carried
forward* when it does; an earlier action no action continues is *dropped*. A carried-forward
action may also be reworded (its wording differs beyond typography), completed (its status
became Completed), have a new status or by-when, and have updates the earlier one did not.
A fixed number of queries, however large the plans.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import F, Prefetch

from apps.core.text import text_plain
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.domain.matching import ObjectiveRef, match_objectives
from apps.plans.domain.wording import DiffOp, same_wording, word_diff
from apps.plans.models import Action, Objective, Plan, Status, Update

NOT_GIVEN = "Not given"
COUNTED = (
    "new",
    "carried",
    "reworded",
    "completed",
    "status_changed",
    "by_when_changed",
    "new_updates",
    "unchanged",
    "dropped",
)


@dataclass
class ActionChange:
    kind: Literal["new", "carried", "dropped"]
    new: Action | None
    old: Action | None
    diff: list[DiffOp] = field(default_factory=list)  # empty unless reworded
    status: tuple[str, str] | None = None  # labels, from → to
    by_when: tuple[str, str] | None = None
    new_updates: list[Update] = field(default_factory=list)
    moved_from: int | None = None  # the earlier objective's number, if it was another

    @property
    def action(self) -> Action:
        shown = self.new or self.old
        assert shown is not None
        return shown

    @property
    def reworded(self) -> bool:
        return bool(self.diff)

    @property
    def completed(self) -> bool:
        return (
            self.old is not None
            and self.new is not None
            and self.new.status == Status.COMPLETED
            and self.old.status != Status.COMPLETED
        )

    @property
    def unchanged(self) -> bool:
        return self.kind == "carried" and not (
            self.diff or self.status or self.by_when or self.new_updates or self.moved_from
        )

    def categories(self) -> list[str]:
        """The counted categories this change falls in (see COUNTED)."""
        found: list[str] = [self.kind]
        if self.kind == "carried":
            found += [
                name
                for name, present in (
                    ("reworded", self.reworded),
                    ("completed", self.completed),
                    ("status_changed", self.status),
                    ("by_when_changed", self.by_when),
                    ("new_updates", self.new_updates),
                    ("unchanged", self.unchanged),
                )
                if present
            ]
        return found


def _counts(changes: list[ActionChange]) -> dict[str, int]:
    counter = Counter(name for change in changes for name in change.categories())
    return {name: counter[name] for name in COUNTED}


@dataclass
class ObjectiveChanges:
    objective: Objective | None  # None: an earlier objective with no counterpart
    old_objective: Objective | None
    changes: list[ActionChange]

    @property
    def counts(self) -> dict[str, int]:
        return _counts(self.changes)

    @property
    def number(self) -> int:
        shown = self.objective or self.old_objective
        assert shown is not None
        return shown.number


@dataclass
class PlanChanges:
    plan: Plan
    earlier: Plan
    objectives: list[ObjectiveChanges]

    @property
    def counts(self) -> dict[str, int]:
        return _counts([c for o in self.objectives for c in o.changes])


def _actions(plan: Plan) -> list[Action]:
    return list(
        Action.objects.filter(objective__theme__plan=plan, retired_at__isnull=True)
        .select_related("objective")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=Update.objects.order_by(F("reported_on").asc(nulls_last=True), "pk"),
            )
        )
        .order_by("objective__theme__position", "objective__number", "position", "pk")
    )


def _by_when(action: Action) -> str:
    return text_plain(action.due_text) or NOT_GIVEN


def _same_by_when(old: Action, new: Action) -> bool:
    """Spelling aside: "On-going" and "Ongoing" are the same state."""
    if _by_when(old).casefold() == _by_when(new).casefold():
        return True
    before, after = interpret_by_when(old.due_text), interpret_by_when(new.due_text)
    return before.kind == after.kind == "state" and before.status == after.status


def _update_key(update: Update) -> tuple[str, object]:
    return text_plain(update.text).casefold(), update.reported_on


def _compare(old: Action, new: Action) -> ActionChange:
    change = ActionChange(kind="carried", new=new, old=old)
    if not same_wording(old.text, new.text):
        change.diff = word_diff(old.text, new.text)
    if old.status != new.status:
        change.status = (old.get_status_display(), new.get_status_display())
    if not _same_by_when(old, new):
        change.by_when = (_by_when(old), _by_when(new))
    earlier_updates = {_update_key(u) for u in old.updates.all()}
    change.new_updates = [u for u in new.updates.all() if _update_key(u) not in earlier_updates]
    if old.objective.number != new.objective.number:
        change.moved_from = old.objective.number
    return change


def plan_changes(*, plan: Plan) -> PlanChanges | None:
    """The plan compared with its earlier edition (None when it has none)."""
    earlier = plan.predecessor
    if earlier is None:
        return None
    objectives = list(Objective.objects.filter(theme__plan=plan))
    old_objectives = list(Objective.objects.filter(theme__plan=earlier))
    counterpart = match_objectives(
        [ObjectiveRef(o.pk, o.number, o.title) for o in old_objectives],
        [ObjectiveRef(o.pk, o.number, o.title) for o in objectives],
    )
    old_actions = _actions(earlier)
    old_by_pk = {a.pk: a for a in old_actions}
    continued: set[int] = set()
    per_objective: dict[int, list[ActionChange]] = {o.pk: [] for o in objectives}
    for new in _actions(plan):
        old = old_by_pk.get(new.predecessor_id or 0)
        if old is None or old.pk in continued:
            change = ActionChange(kind="new", new=new, old=None)
        else:
            continued.add(old.pk)
            change = _compare(old, new)
        per_objective[new.objective_id].append(change)
    new_for_old = {old_pk: new_pk for new_pk, old_pk in counterpart.items()}
    dropped_elsewhere: dict[int, list[ActionChange]] = {}
    for old in old_actions:
        if old.pk in continued:
            continue
        change = ActionChange(kind="dropped", new=None, old=old)
        home = new_for_old.get(old.objective_id)
        if home is not None:
            per_objective[home].append(change)
        else:
            dropped_elsewhere.setdefault(old.objective_id, []).append(change)
    old_by_objective = {o.pk: o for o in old_objectives}
    rows = [
        ObjectiveChanges(
            objective=o,
            old_objective=old_by_objective.get(counterpart.get(o.pk, 0)),
            changes=per_objective[o.pk],
        )
        for o in objectives
    ]
    rows += [
        ObjectiveChanges(objective=None, old_objective=o, changes=dropped_elsewhere[o.pk])
        for o in old_objectives
        if o.pk in dropped_elsewhere
    ]
    return PlanChanges(plan=plan, earlier=earlier, objectives=rows)


def plan_completed_actions(*, plan: Plan) -> list[Action]:
    """The completed actions a manager may choose to carry forward (retired ones never are)."""
    return list(
        Action.objects.filter(
            objective__theme__plan=plan, retired_at__isnull=True, status=Status.COMPLETED
        ).select_related("objective")
    )


def plan_earlier_actions(*, plan: Plan) -> list[Action]:
    """The actions of the plan's earlier edition an action may continue (none if it has none)."""
    if plan.predecessor_id is None:
        return []
    return list(
        Action.objects.filter(
            objective__theme__plan_id=plan.predecessor_id, retired_at__isnull=True
        ).select_related("objective__theme__plan")
    )
