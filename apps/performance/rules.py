"""Who may read and change performance figures (loaded by rules' autodiscovery).

Members of the partnership read; managers and analysts add and edit observations and the
narrative, and set up the priorities and measures.
"""

from __future__ import annotations

import rules

from apps.partnerships.models import Membership
from apps.partnerships.rules import has_role, is_member

VIEW_PERFORMANCE = "performance.view_performance"
EDIT_PERFORMANCE = "performance.edit_performance"
SET_UP_PERFORMANCE = "performance.set_up_performance"
EDITING_ROLES = {Membership.Role.MANAGER, Membership.Role.ANALYST}
is_editor = has_role(*EDITING_ROLES)

rules.add_perm(VIEW_PERFORMANCE, is_member)
rules.add_perm(EDIT_PERFORMANCE, is_editor)
# Setting up the framework (priorities, alignments, measures and their targets) is the same
# people's work: the manager owns the plan, and the analyst defines the measures it is judged
# by. A separate permission, so a partnership can later keep it to managers in one place.
rules.add_perm(SET_UP_PERFORMANCE, is_editor)
