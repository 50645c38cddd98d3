"""What an uploaded document would create, read without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import QuerySet

from apps.importers.domain.documents import LAYOUTS, decode_document, parse_plan_documents
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.models import DocumentUpload
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import LeadResolver


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


def partnerships_user_manages(*, user: User) -> list[Partnership]:
    return list(
        Partnership.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.MANAGER
        ).order_by("name")
    )


def document_upload_detail() -> QuerySet[DocumentUpload]:
    """Uploads with the partnership their pages name."""
    return DocumentUpload.objects.select_related("partnership")


def _new_leads(parsed: ParsedPlan, resolver: LeadResolver) -> tuple[list[str], list[str]]:
    """The agencies and people importing this plan would add, decided as the import decides."""
    new = resolver.new_leads(
        lead
        for theme in parsed.themes
        for objective in theme.objectives
        for action in objective.actions
        for lead in action.leads
    )
    organisations = [f"{d.printed} ({d.agency_name})" for d in new if d.is_organisation]
    people = [d.printed for d in new if not d.is_organisation]
    return sorted(organisations), sorted(people)


def document_upload_preview(*, upload: DocumentUpload) -> list[PlanPreview]:
    """Parse the kept document again and summarise each plan in it.

    Each plan's new leads are those importing it alone would add: the manager may choose any.
    """
    descriptions = {layout.name: layout.description for layout in LAYOUTS}
    resolver = LeadResolver(upload.partnership)
    previews = []
    for number, parsed in enumerate(
        parse_plan_documents(decode_document(bytes(upload.content))), start=1
    ):
        actions = [a for t in parsed.themes for o in t.objectives for a in o.actions]
        organisations, people = _new_leads(parsed, resolver)
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
