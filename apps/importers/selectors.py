"""What an uploaded document would create, read without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apps.importers.documents import LAYOUTS, decode_document, parse_plan_documents
from apps.importers.models import DocumentUpload
from apps.importers.parsed import ParsedPlan
from apps.partnerships.agencies import agency_name
from apps.partnerships.models import Membership, Partnership


@dataclass
class PlanPreview:
    """One plan found in a document, with the totals and new leads a manager checks first."""

    number: int
    parsed: ParsedPlan
    layout_description: str
    objective_count: int
    action_count: int
    update_count: int
    new_organisations: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)


def partnerships_user_manages(*, user: Any) -> list[Partnership]:
    return list(
        Partnership.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.MANAGER
        ).order_by("name")
    )


def _new_leads(parsed: ParsedPlan, partnership: Partnership) -> tuple[list[str], list[str]]:
    """The leads the import would add to the partnership, as the importer will resolve them."""
    known = {o.short_name.upper() for o in partnership.organisations.all()}
    known |= {p.initials.upper() for p in partnership.people.all()}
    organisations: dict[str, str] = {}
    people: dict[str, str] = {}
    for theme in parsed.themes:
        for objective in theme.objectives:
            for action in objective.actions:
                for lead in action.leads:
                    printed = " ".join(lead.split())
                    key = printed.upper()
                    if key in known:
                        continue
                    if agency_name(key) is not None:
                        organisations.setdefault(key, f"{printed} ({agency_name(key)})")
                    else:
                        people.setdefault(key, printed)
    return sorted(organisations.values()), sorted(people.values())


def document_upload_preview(*, upload: DocumentUpload) -> list[PlanPreview]:
    """Parse the kept document again and summarise each plan in it."""
    descriptions = {layout.name: layout.description for layout in LAYOUTS}
    previews = []
    for number, parsed in enumerate(
        parse_plan_documents(decode_document(bytes(upload.content))), start=1
    ):
        actions = [a for t in parsed.themes for o in t.objectives for a in o.actions]
        organisations, people = _new_leads(parsed, upload.partnership)
        previews.append(
            PlanPreview(
                number=number,
                parsed=parsed,
                layout_description=descriptions.get(parsed.layout, parsed.layout),
                objective_count=sum(len(t.objectives) for t in parsed.themes),
                action_count=len(actions),
                update_count=sum(len(a.updates) for a in actions),
                new_organisations=organisations,
                new_people=people,
            )
        )
    return previews
