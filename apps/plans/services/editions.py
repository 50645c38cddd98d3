"""Writes linking a plan's actions to the earlier edition's: automatic matching and a manager's
correction. Each change is saved with its user, so the action's history shows who linked it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.plans.domain.matching import (
    ActionRef,
    ObjectiveRef,
    match_actions,
    match_objectives,
)
from apps.plans.models import Action, Objective, Plan, PredecessorMatch

NO_EARLIER_EDITION = "This plan has no earlier edition to match its actions with"
PREDECESSOR_NOT_IN_EARLIER_EDITION = "Choose an action from the plan’s earlier edition"
MANAGER_SAYS_NEW = "Not the same as any action in the earlier edition (a manager’s decision)"
MANAGER_CHOSE = "Chosen by a manager"
MANAGER_GAVE_AWAY = "Its earlier action was given to action {number} by a manager"

PREDECESSOR_FIELDS = ["predecessor", "predecessor_match", "predecessor_score", "predecessor_reason"]


@dataclass(frozen=True)
class MatchingResult:
    matched: int
    unmatched: int
    kept: int  # links a rollover or a manager made, which matching leaves alone
    changed: int


def _objective_refs(plan: Plan) -> list[ObjectiveRef]:
    return [
        ObjectiveRef(key=o.pk, number=o.number, title=o.title)
        for o in Objective.objects.filter(theme__plan=plan)
    ]


def _action_refs(actions: list[Action]) -> list[ActionRef]:
    return [
        ActionRef(
            key=a.pk,
            objective_key=a.objective_id,
            objective_number=a.objective.number,
            number=a.number,
            text=a.text,
        )
        for a in actions
    ]


def _live_actions(plan: Plan) -> list[Action]:
    return list(
        Action.objects.filter(objective__theme__plan=plan, retired_at__isnull=True).select_related(
            "objective"
        )
    )


def action_link_predecessor(
    *,
    action: Action,
    predecessor_id: int | None,
    match: str,
    score: int | None,
    reason: str,
    user: User | None,
) -> Action:
    """Save which earlier action this one continues, how that was decided and why, and nothing
    else. The user is None when the command line or the demo loader links editions."""
    action.predecessor_id = predecessor_id
    action.predecessor_match = match
    action.predecessor_score = score
    action.predecessor_reason = reason
    action.full_clean()
    history_user_set(action, user)
    action.save(update_fields=PREDECESSOR_FIELDS)
    return action


@transaction.atomic
def plan_match_predecessor_actions(*, plan: Plan, user: User | None = None) -> MatchingResult:
    """Link each action to the earlier edition's action it continues, where one is alike enough.

    Links made by a rollover or a manager are kept and their earlier actions are not offered
    to others. Only actions whose link changes are saved, so running it again changes nothing.
    The user is None when an import from the command line or the demo loader runs it.
    """
    earlier = plan.predecessor
    if earlier is None:
        raise ValidationError(NO_EARLIER_EDITION)
    new_actions = _live_actions(plan)
    fixed = [
        a
        for a in new_actions
        if a.predecessor_match in (PredecessorMatch.ROLLOVER, PredecessorMatch.MANAGER)
    ]
    taken = {a.predecessor_id for a in fixed if a.predecessor_id is not None}
    free_new = [a for a in new_actions if a not in fixed]
    old_actions = [a for a in _live_actions(earlier) if a.pk not in taken]
    objectives = match_objectives(_objective_refs(earlier), _objective_refs(plan))
    matches = {
        m.new_key: m
        for m in match_actions(_action_refs(old_actions), _action_refs(free_new), objectives)
    }
    changed = 0
    for action in free_new:
        match = matches.get(action.pk)
        wanted: tuple[int | None, str, int | None, str] = (
            (match.old_key, PredecessorMatch.AUTOMATIC, match.score, match.reason)
            if match
            else (None, "", None, "")
        )
        current = (
            action.predecessor_id,
            action.predecessor_match,
            action.predecessor_score,
            action.predecessor_reason,
        )
        if current == wanted:
            continue
        predecessor_id, match_kind, score, reason = wanted
        action_link_predecessor(
            action=action,
            predecessor_id=predecessor_id,
            match=match_kind,
            score=score,
            reason=reason,
            user=user,
        )
        changed += 1
    return MatchingResult(
        matched=len(matches),
        unmatched=len(free_new) - len(matches),
        kept=len(fixed),
        changed=changed,
    )


def _link(action: Action, predecessor: Action | None, reason: str, user: User) -> None:
    action_link_predecessor(
        action=action,
        predecessor_id=predecessor.pk if predecessor else None,
        match=PredecessorMatch.MANAGER,
        score=None,
        reason=reason,
        user=user,
    )


@transaction.atomic
def action_choose_predecessor(
    *, action: Action, predecessor: Action | None, user: User
) -> Action | None:
    """A manager's word on which earlier action this one continues (None: it is new).

    Links stay one to one: an action that had the chosen earlier action loses it, is marked
    as decided by the manager too, and is returned so the page can say so.
    """
    plan = action.objective.theme.plan
    if plan.predecessor_id is None:
        raise ValidationError(NO_EARLIER_EDITION)
    if predecessor is not None and (
        predecessor.objective.theme.plan_id != plan.predecessor_id
        or predecessor.retired_at is not None
    ):
        raise ValidationError({"predecessor": PREDECESSOR_NOT_IN_EARLIER_EDITION})
    displaced = None
    if predecessor is not None:
        displaced = (
            Action.objects.filter(objective__theme__plan=plan, predecessor=predecessor)
            .exclude(pk=action.pk)
            .first()
        )
        if displaced is not None:
            _link(displaced, None, MANAGER_GAVE_AWAY.format(number=action.number), user)
    _link(action, predecessor, MANAGER_CHOSE if predecessor else MANAGER_SAYS_NEW, user)
    return displaced
