"""Reading a plan for its spreadsheet, and writing an action's fields as the cells show them.

The export and the import's comparison both go through these functions, so an unchanged
workbook reads back as exactly what is stored and the round trip finds nothing to change.
"""

from __future__ import annotations

from django.db.models import F, Prefetch
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from apps.importers.workbook.layout import BULLET, LEAD_SEPARATOR
from apps.plans.models import Action, Plan, Update


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


def clean_text(value: str) -> str:
    """Text as a cell can hold it: no control characters, Windows line ends made plain."""
    return ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def text_cell(text: str, sub_items: list[str]) -> str:
    lines = [clean_text(text)] + [BULLET + clean_text(" ".join(s.split())) for s in sub_items]
    return "\n".join(lines)


def split_text_cell(cell: str) -> tuple[str, list[str]]:
    """The action's text and its sub-items: the trailing lines that start with a bullet."""
    lines = clean_text(cell).split("\n")
    sub_items: list[str] = []
    while len(lines) > 1 and lines[-1].strip().startswith(BULLET.strip()):
        item = lines.pop().strip()[len(BULLET.strip()) :].strip()
        if item:
            sub_items.insert(0, item)
    return "\n".join(lines).strip(), sub_items


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
