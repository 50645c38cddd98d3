"""Who may read and change plans, actions and updates (loaded by rules' autodiscovery).

Managers change everything in their partnership; action leads add updates only to the actions
they lead; viewers read.
"""

from __future__ import annotations

import rules
from django.contrib.auth.models import AnonymousUser, User

from apps.partnerships.models import Membership
from apps.partnerships.rules import is_manager, is_member, role_for
from apps.partnerships.selectors import person_for
from apps.plans.models import Action


@rules.predicate
def is_lead_of_action(user: User | AnonymousUser, action: Action) -> bool:
    # has_perm asks on behalf of anonymous visitors too, so the user may be AnonymousUser.
    if role_for(user, action) != Membership.Role.LEAD:
        return False
    person = person_for(user, action.owner_partnership_id)
    if person is None:
        return False
    return any(p.pk == person.pk for p in action.lead_people.all())


rules.add_perm("plans.view_plan", is_member)
rules.add_perm("plans.manage_plan", is_manager)
rules.add_perm("plans.view_action", is_member)
rules.add_perm("plans.change_action", is_manager)
rules.add_perm("plans.add_update", is_manager | is_lead_of_action)
