"""Changing a plan as a whole: its title and period, its status (publishing a draft, archiving)
and which plan it is the next edition of.

Publishing a new edition archives the edition it follows, as rolling forward does, so a
partnership has one live edition of a plan at a time. Naming a different earlier edition
re-links the actions automatically; links into the former earlier edition are dropped because
they would compare the plan with the wrong year.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.plans.models import Action, Plan
from apps.plans.services.editions import (
    MatchingResult,
    action_link_predecessor,
    plan_match_predecessor_actions,
)

TITLE_MISSING = "Enter the plan’s title"
BACK_TO_DRAFT = "A plan that has been live cannot go back to draft: archive it instead"
PREDECESSOR_ITSELF = "A plan cannot be the earlier edition of itself"
PREDECESSOR_LOOP = "That plan is a later edition of this one: choose an earlier plan"
PREDECESSOR_ELSEWHERE = "Choose an earlier edition from the same partnership"


@dataclass(frozen=True)
class PlanSettingsResult:
    plan: Plan
    archived: Plan | None = None  # the earlier edition this publication archived
    matching: MatchingResult | None = None  # set when the earlier edition changed


def _later_editions(plan: Plan) -> set[int]:
    """Every plan that follows this one, however many editions on (their ids)."""
    later: set[int] = set()
    frontier = {plan.pk}
    while frontier:
        frontier = (
            set(Plan.objects.filter(predecessor_id__in=frontier).values_list("pk", flat=True))
            - later
        )
        later |= frontier
    return later


def _check(plan: Plan, *, title: str, status: str, predecessor: Plan | None) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = TITLE_MISSING
    if status == Plan.Status.DRAFT and plan.status != Plan.Status.DRAFT:
        errors["status"] = BACK_TO_DRAFT
    if predecessor is not None:
        if predecessor.pk == plan.pk:
            errors["predecessor"] = PREDECESSOR_ITSELF
        elif predecessor.partnership_id != plan.partnership_id:
            errors["predecessor"] = PREDECESSOR_ELSEWHERE
        elif predecessor.pk in _later_editions(plan):
            errors["predecessor"] = PREDECESSOR_LOOP
    if errors:
        raise ValidationError(errors)


def _unlink_actions(plan: Plan, user: User) -> None:
    for action in Action.objects.filter(objective__theme__plan=plan, predecessor__isnull=False):
        action_link_predecessor(
            action=action, predecessor_id=None, match="", score=None, reason="", user=user
        )


@transaction.atomic
def plan_change_settings(
    *,
    plan: Plan,
    user: User,
    title: str,
    period_label: str,
    status: str,
    predecessor: Plan | None,
) -> PlanSettingsResult:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _check(plan, title=title, status=status, predecessor=predecessor)
    publishing = status == Plan.Status.LIVE and plan.status != Plan.Status.LIVE
    earlier_changed = predecessor != plan.predecessor
    plan.title = title.strip()
    plan.period_label = period_label.strip()
    plan.status = status
    plan.predecessor = predecessor
    plan.full_clean()
    history_user_set(plan, user)
    plan.save()
    archived = _archive_earlier_if_live(plan, user) if publishing else None
    matching = None
    if earlier_changed:
        _unlink_actions(plan, user)
        if predecessor is not None:
            matching = plan_match_predecessor_actions(plan=plan, user=user)
    return PlanSettingsResult(plan=plan, archived=archived, matching=matching)


def _archive_earlier_if_live(plan: Plan, user: User | None) -> Plan | None:
    earlier = plan.predecessor
    if earlier is None or earlier.status != Plan.Status.LIVE:
        return None
    earlier.status = Plan.Status.ARCHIVED
    earlier.full_clean()
    history_user_set(earlier, user)
    earlier.save(update_fields=["status"])
    return earlier


@transaction.atomic
def plan_follow_earlier_edition(*, plan: Plan, user: User | None) -> PlanSettingsResult:
    """For a plan created already naming its earlier edition (an import of next year's plan):
    match its actions to the earlier ones and, if it starts live, archive the earlier one.

    The user is None for an import from the command line, where nobody is signed in."""
    archived = _archive_earlier_if_live(plan, user) if plan.status == Plan.Status.LIVE else None
    matching = plan_match_predecessor_actions(plan=plan, user=user)
    return PlanSettingsResult(plan=plan, archived=archived, matching=matching)
