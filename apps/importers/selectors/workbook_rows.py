"""Reading a plan for its spreadsheet: its actions as rows, their leads and latest updates, and
the statuses a Status cell may hold.

The export and the import's comparison both read through here, so an unchanged workbook reads
back as exactly what is stored.
"""

from __future__ import annotations

from django.db.models import F, Prefetch

from apps.core.text import label_key
from apps.importers.domain.workbook.layout import LEAD_SEPARATOR
from apps.plans.models import Action, Plan, Status, Update

# The statuses a person may choose (the drop-down); "Not recorded" is read back but never offered.
STATUS_LABELS: list[str] = [str(label) for _, label in Status.recorded_choices()]
STATUS_BY_LABEL: dict[str, str] = {label_key(str(s.label)): s.value for s in Status}
STATUS_BY_LABEL.update({label_key(s.value): s.value for s in Status})


def plan_actions(*, plan: Plan, for_export: bool = True) -> list[Action]:
    """The plan's current actions in plan order, with what a row shows, in constant queries.

    An import needs only each action's latest update and leads, so it fetches less.
    """
    updates = Update.objects.order_by(F("reported_on").desc(nulls_last=True), "-created_at", "-id")
    if for_export:
        updates = updates.select_related("rating", "author")
    else:
        updates = updates.only("action_id", "text", "reported_on", "created_at")
    return list(
        Action.objects.filter(objective__theme__plan=plan, retired_at__isnull=True)
        .select_related("objective__theme__plan", "rating")
        .prefetch_related(
            "lead_people", "lead_organisations", Prefetch("updates", queryset=updates)
        )
        .order_by("objective__theme__position", "objective__number", "position", "pk")
    )


def lead_names(action: Action) -> list[str]:
    """Agencies then people, as the plan prints them; sorted so the output is stable."""
    organisations = sorted(o.short_name for o in action.lead_organisations.all())
    people = sorted(p.initials for p in action.lead_people.all())
    return organisations + people


def leads_cell(action: Action) -> str:
    return LEAD_SEPARATOR.join(lead_names(action))


def latest_update(action: Action) -> Update | None:
    updates = list(action.updates.all())
    return updates[0] if updates else None
