"""Who may read and change plans, actions and updates (loaded by rules' autodiscovery).

Managers change everything in their partnership; action leads add updates to the actions they
lead; agency coordinators add updates to the actions their organisation leads; viewers,
analysts and administrators read.

A plan's state narrows that for everyone:

- a **draft** plan is seen by the partnership's managers and administrators only; anybody else
  is refused (403, as for any page their role does not open: a draft is not secret from the
  partnership, only unfinished);
- an **archived** plan is read-only: nobody may change it, its actions or their updates, and
  the refusal says why (`PLAN_ARCHIVED`, through `archived_refusal`).

An agency coordinator's actions are those whose lead organisations include the coordinator's
organisation, or which a person of that organisation leads ("Police" printed as the lead, or
"JS" who works for the police); a coordinator who leads an action personally may update it too.
"""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.auth.models import AnonymousUser, User

from apps.partnerships.models import Membership
from apps.partnerships.rules import is_administrator, is_manager, is_member, role_for
from apps.partnerships.selectors import person_for
from apps.plans.models import Action, Objective, Plan, Theme, Update
from apps.plans.selectors.actions import may_update_as

PLAN_ARCHIVED = "This plan is archived: it can no longer be changed"

# The permissions that change a plan or anything in it; an archived plan refuses them all.
CHANGING_PERMISSIONS = frozenset({"plans.manage_plan", "plans.change_action", "plans.add_update"})


def plan_of(obj: Any) -> Plan | None:
    """The plan an object belongs to, through the parents the selectors join."""
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, Theme):
        return obj.plan
    if isinstance(obj, Objective):
        return obj.theme.plan
    if isinstance(obj, Action):
        return obj.objective.theme.plan
    if isinstance(obj, Update):
        return obj.action.objective.theme.plan
    return None


def _plan_status(obj: Any) -> str | None:
    plan = plan_of(obj)
    return None if plan is None else plan.status


@rules.predicate
def is_plan_draft(user: User | AnonymousUser, obj: Any) -> bool:
    return _plan_status(obj) == Plan.Status.DRAFT


@rules.predicate
def is_plan_archived(user: User | AnonymousUser, obj: Any) -> bool:
    return _plan_status(obj) == Plan.Status.ARCHIVED


@rules.predicate
def is_lead_of_action(user: User | AnonymousUser, action: Action) -> bool:
    """A lead of this action, or the coordinator of an agency that leads it."""
    # has_perm asks on behalf of anonymous visitors too, so the user may be AnonymousUser.
    role = role_for(user, action)
    if role not in (Membership.Role.LEAD, Membership.Role.COORDINATOR):
        return False
    return may_update_as(role, person_for(user, action.owner_partnership_id), action)


def archived_refusal(user: User | AnonymousUser, permission: str, obj: Any) -> str | None:
    """Why a change was refused, when the reason is that the plan is archived (registered with
    apps.core.permissions, so every refusal page and 403 says so)."""
    if permission not in CHANGING_PERMISSIONS or _plan_status(obj) != Plan.Status.ARCHIVED:
        return None
    # Outsiders learn nothing of the partnership's plans, not even that one is archived.
    return PLAN_ARCHIVED if is_member(user, obj) else None


sees_plan = is_member & (~is_plan_draft | is_manager | is_administrator)
changes_plan = is_manager & ~is_plan_archived

rules.add_perm("plans.view_plan", sees_plan)
rules.add_perm("plans.manage_plan", changes_plan)
rules.add_perm("plans.view_action", sees_plan)
rules.add_perm("plans.change_action", changes_plan)
rules.add_perm(
    "plans.add_update",
    ~is_plan_archived & (is_manager | (~is_plan_draft & is_lead_of_action)),
)
