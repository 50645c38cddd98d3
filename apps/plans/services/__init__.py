"""Writes to plans: every change to a plan, its actions and their editions goes through here."""

from apps.plans.services.actions import (
    action_add_update,
    action_apply_by_when,
    action_create,
    action_edit,
    action_move,
    action_retire,
)
from apps.plans.services.editions import (
    action_choose_predecessor,
    action_link_predecessor,
    plan_match_predecessor_actions,
)
from apps.plans.services.plans import plan_change_settings, plan_follow_earlier_edition
from apps.plans.services.rollover import plan_roll_forward
from apps.plans.services.structure import (
    action_import,
    objective_create,
    plan_create,
    rating_create,
    tags_get_or_create,
    theme_create,
    update_import,
)

__all__ = [
    "action_add_update",
    "action_apply_by_when",
    "action_choose_predecessor",
    "action_create",
    "action_edit",
    "action_import",
    "action_link_predecessor",
    "action_move",
    "action_retire",
    "objective_create",
    "plan_change_settings",
    "plan_create",
    "plan_follow_earlier_edition",
    "plan_match_predecessor_actions",
    "plan_roll_forward",
    "rating_create",
    "tags_get_or_create",
    "theme_create",
    "update_import",
]
