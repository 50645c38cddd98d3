"""Who may read and define board reports (loaded by rules' autodiscovery).

Members of the partnership read its reports in either version and download them; its managers
define and change them. A report of a draft plan is a draft too: like the plan, it is seen by
the partnership's managers and administrators only (issue 11), and the refusal says why.
"""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.auth.models import AnonymousUser, User

from apps.partnerships.rules import is_administrator, is_manager, is_member
from apps.plans.models import Plan
from apps.reports.models import ReportDefinition

REPORT_OF_DRAFT = (
    "This report includes a draft plan: only the partnership’s managers and administrators "
    "can see it until the plan is live"
)


@rules.predicate
def reports_on_a_draft(user: User | AnonymousUser, obj: Any) -> bool:
    return isinstance(obj, ReportDefinition) and obj.plans.filter(status=Plan.Status.DRAFT).exists()


rules.add_perm(
    "reports.view_report", is_member & (~reports_on_a_draft | is_manager | is_administrator)
)
rules.add_perm("reports.define_report", is_manager)


def draft_refusal(user: User | AnonymousUser, permission: str, obj: Any) -> str | None:
    """Why a member may not see a report yet (registered with apps.core.permissions)."""
    if permission != "reports.view_report" or not reports_on_a_draft(user, obj):
        return None
    return REPORT_OF_DRAFT if is_member(user, obj) else None
