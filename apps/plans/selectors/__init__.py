"""Reads for plan pages: joined and prefetched here so page query counts do not grow with data."""

from apps.plans.selectors.actions import (
    action_detail,
    action_ids_user_may_update,
    action_is_overdue,
    action_list_for_user,
    action_queryset,
    action_updates,
    overdue_q,
    plan_action_count,
    today,
)
from apps.plans.selectors.agency import AgencyActions, agency_actions_for_user
from apps.plans.selectors.editions import (
    ActionChange,
    ObjectiveChanges,
    PlanChanges,
    plan_changes,
    plan_completed_actions,
    plan_earlier_actions,
)
from apps.plans.selectors.filters import (
    FilterOptions,
    PlanFilters,
    plan_actions_filtered,
    plan_filter_options,
)
from apps.plans.selectors.history import HistoryChange, HistoryEntry, action_history
from apps.plans.selectors.structure import ObjectiveRows, ThemeRows, plan_structure
from apps.plans.selectors.summaries import (
    PartnershipWithPlans,
    StatusSummary,
    SummaryLine,
    partnership_list_with_plans,
    plan_status_summaries,
    plan_status_summary,
    plan_visible_to,
)

__all__ = [
    "ActionChange",
    "AgencyActions",
    "FilterOptions",
    "HistoryChange",
    "HistoryEntry",
    "ObjectiveChanges",
    "ObjectiveRows",
    "PartnershipWithPlans",
    "PlanChanges",
    "PlanFilters",
    "StatusSummary",
    "SummaryLine",
    "ThemeRows",
    "action_detail",
    "action_history",
    "action_ids_user_may_update",
    "action_is_overdue",
    "action_list_for_user",
    "action_queryset",
    "action_updates",
    "agency_actions_for_user",
    "overdue_q",
    "partnership_list_with_plans",
    "plan_action_count",
    "plan_actions_filtered",
    "plan_changes",
    "plan_completed_actions",
    "plan_earlier_actions",
    "plan_filter_options",
    "plan_status_summaries",
    "plan_status_summary",
    "plan_structure",
    "plan_visible_to",
    "today",
]
