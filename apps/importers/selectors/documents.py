"""What an uploaded document would create, read without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import QuerySet

from apps.importers.domain.parsed import ParsedPlan
from apps.importers.domain.readers import read_document
from apps.importers.domain.reading import DocumentReading, TableChoices, document_plans
from apps.importers.domain.source import SourceDocument, document_from_json
from apps.importers.domain.tables.headings import Use
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.partnerships.domain.leads import AGENCY, PERSON
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import LeadPreview, LeadResolver


@dataclass
class PlanPreview:
    """One plan found in a document, with the totals and new leads a manager checks first."""

    number: int
    parsed: ParsedPlan
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


def partnership_named(*, name: str) -> Partnership | None:
    return Partnership.objects.filter(name=name).first()


def document_upload_detail() -> QuerySet[DocumentUpload]:
    """Plan uploads with the partnership their pages name (a performance report has its own
    preview)."""
    return DocumentUpload.objects.filter(purpose=DocumentUpload.Purpose.PLAN).select_related(
        "partnership"
    )


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


@dataclass
class UploadReview:
    """Everything the preview page shows: how the document was read and what it would create."""

    reading: DocumentReading
    choices: TableChoices
    plans: list[PlanPreview]


def column_choices_remembered(*, partnership: Partnership) -> dict[str, list[Use]]:
    """The partnership's earlier column choices, by header signature."""
    remembered: dict[str, list[Use]] = {}
    for signature, uses in ColumnChoice.objects.filter(partnership=partnership).values_list(
        "signature", "uses"
    ):
        try:
            remembered[signature] = [Use(use) for use in uses]
        except ValueError:
            continue
    return remembered


def upload_document(*, upload: DocumentUpload) -> SourceDocument:
    """The kept file as read at upload, or read again when the readers have changed since."""
    kept = document_from_json(upload.document)
    return kept if kept is not None else read_document(upload.file_name, bytes(upload.content))


def document_upload_reading(*, upload: DocumentUpload) -> DocumentReading:
    """Read the kept document with the choices made on it and the partnership's remembered
    ones, exactly as the import will."""
    return document_plans(
        upload_document(upload=upload),
        choices=TableChoices.from_json(upload.choices),
        remembered=column_choices_remembered(partnership=upload.partnership),
    )


def document_upload_preview(*, upload: DocumentUpload) -> UploadReview:
    """Read the kept document again and summarise each plan in it.

    Each plan's new leads are those importing it alone would add: the manager may choose any.
    """
    reading = document_upload_reading(upload=upload)
    previews = []
    for number, parsed in enumerate(reading.plans, start=1):
        actions = [a for t in parsed.themes for o in t.objectives for a in o.actions]
        # The import resolves with the document's own glossary, so the preview does too.
        resolver = LeadResolver(upload.partnership, glossary=parsed.agencies)
        leads = resolver.preview(_printed_leads(parsed))
        organisations, people = _new_leads(leads)
        previews.append(
            PlanPreview(
                number=number,
                parsed=parsed,
                objective_count=sum(len(t.objectives) for t in parsed.themes),
                action_count=len(actions),
                update_count=sum(len(a.updates) for a in actions),
                new_organisations=organisations,
                new_people=people,
                leads=leads,
            )
        )
    return UploadReview(
        reading=reading, choices=TableChoices.from_json(upload.choices), plans=previews
    )
