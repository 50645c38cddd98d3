"""Who may read and change plans, actions and updates (loaded by rules' autodiscovery).

Managers change everything in their partnership; action leads add updates only to the actions
they lead; viewers read. Objects are expected to come from selectors that have already joined
the plan, so these checks cost no queries beyond the once-per-request role lookup.
"""

from __future__ import annotations

from typing import Any

import rules

from apps.partnerships.models import Membership
from apps.partnerships.roles import role_in


def _partnership_id(obj: Any) -> int | None:
    from apps.plans.models import Action, Plan

    if isinstance(obj, Plan):
        return obj.partnership_id
    if isinstance(obj, Action):
        return obj.objective.theme.plan.partnership_id
    return None


@rules.predicate
def is_plan_member(user: Any, obj: Any) -> bool:
    partnership_id = _partnership_id(obj)
    return partnership_id is not None and role_in(user, partnership_id) is not None


@rules.predicate
def is_plan_manager(user: Any, obj: Any) -> bool:
    partnership_id = _partnership_id(obj)
    return partnership_id is not None and role_in(user, partnership_id) == Membership.Role.MANAGER


@rules.predicate
def is_lead_of_action(user: Any, action: Any) -> bool:
    partnership_id = _partnership_id(action)
    if partnership_id is None or role_in(user, partnership_id) != Membership.Role.LEAD:
        return False
    person = getattr(user, "person", None)
    if person is None:
        return False
    return any(p.pk == person.pk for p in action.lead_people.all())


rules.add_perm("plans.view_plan", is_plan_member)
rules.add_perm("plans.manage_plan", is_plan_manager)
rules.add_perm("plans.view_action", is_plan_member)
rules.add_perm("plans.change_action", is_plan_manager)
rules.add_perm("plans.add_update", is_plan_manager | is_lead_of_action)
