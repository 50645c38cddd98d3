"""Who may read and change performance figures (loaded by rules' autodiscovery).

Members of the partnership read; managers and analysts add and edit observations and the
narrative, and set up the priorities and measures. Objects reach these checks from selectors
that joined the priority already, so the checks cost nothing beyond the once-per-request role
lookup.
"""

from __future__ import annotations

from typing import Any

import rules

from apps.partnerships.models import Membership
from apps.partnerships.roles import role_in

EDITING_ROLES = {Membership.Role.MANAGER, Membership.Role.ANALYST}


def _partnership_id(obj: Any) -> int | None:
    from apps.partnerships.models import Partnership
    from apps.performance.models import Measure, Observation, Priority, PriorityAlignment

    if isinstance(obj, Partnership):
        return obj.pk
    if isinstance(obj, Priority):
        return obj.partnership_id
    if isinstance(obj, PriorityAlignment):
        return obj.priority.partnership_id
    if isinstance(obj, Measure):
        return obj.priority.partnership_id
    if isinstance(obj, Observation):
        return obj.measure.priority.partnership_id
    return None


@rules.predicate
def is_member(user: Any, obj: Any) -> bool:
    partnership_id = _partnership_id(obj)
    return partnership_id is not None and role_in(user, partnership_id) is not None


@rules.predicate
def is_editor(user: Any, obj: Any) -> bool:
    partnership_id = _partnership_id(obj)
    return partnership_id is not None and role_in(user, partnership_id) in EDITING_ROLES


rules.add_perm("performance.view_performance", is_member)
rules.add_perm("performance.edit_performance", is_editor)
# Setting up the framework (priorities, alignments, measures and their targets) is the same
# people's work: the manager owns the plan, and the analyst defines the measures it is judged
# by. A separate permission, so a partnership can later keep it to managers in one place.
rules.add_perm("performance.set_up_performance", is_editor)
