"""What an uploaded document would create, read without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import QuerySet

from apps.importers.domain.documents import LAYOUTS, decode_document, parse_plan_documents
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.models import DocumentUpload
from apps.partnerships.domain.leads import AGENCY, PERSON
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import LeadPreview, LeadResolver


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
    # every distinct lead: which agency or person it matches, or what will be added for it
    leads: list[LeadPreview] = field(default_factory=list)


def partnerships_user_manages(*, user: User) -> list[Partnership]:
    return list(
        Partnership.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.MANAGER
        ).order_by("name")
    )


def document_upload_detail() -> QuerySet[DocumentUpload]:
    """Uploads with the partnership their pages name."""
    return DocumentUpload.objects.select_related("partnership")


def _printed_leads(parsed: ParsedPlan) -> list[str]:
    return [
        lead
        for theme in parsed.themes
        for objective in theme.objectives
        for action in objective.actions
        for lead in action.leads
    ]


def _new_leads(leads: list[LeadPreview]) -> tuple[list[str], list[str]]:
    """The agencies and people importing this plan would add, decided as the import decides:
    "CSP (Community Safety Partnership)", and initials, or "Jane Smith (JS)" given a name."""
    new = [lead for lead in leads if lead.is_new]
    organisations = [f"{lead.short_name} ({lead.name})" for lead in new if lead.kind == AGENCY]
    people = [lead.resolves_to for lead in new if lead.kind == PERSON]
    return sorted(organisations), sorted(people)


def document_upload_preview(*, upload: DocumentUpload) -> list[PlanPreview]:
    """Parse the kept document again and summarise each plan in it.

    Each plan's new leads are those importing it alone would add: the manager may choose any.
    """
    descriptions = {layout.name: layout.description for layout in LAYOUTS}
    previews = []
    for number, parsed in enumerate(
        parse_plan_documents(decode_document(bytes(upload.content))), start=1
    ):
        actions = [a for t in parsed.themes for o in t.objectives for a in o.actions]
        # The import resolves with the document's own glossary, so the preview does too.
        resolver = LeadResolver(upload.partnership, glossary=parsed.agencies)
        leads = resolver.preview(_printed_leads(parsed))
        organisations, people = _new_leads(leads)
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
                leads=leads,
            )
        )
    return previews
