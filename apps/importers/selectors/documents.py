"""What an uploaded document would create, read without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import QuerySet

from apps.importers.domain.parsed import ParsedPlan
from apps.importers.domain.reading import DocumentReading, TableChoices, document_read
from apps.importers.domain.tables.headings import Use
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import LeadResolver


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


def partnerships_user_manages(*, user: User) -> list[Partnership]:
    return list(
        Partnership.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.MANAGER
        ).order_by("name")
    )


def partnership_named(*, name: str) -> Partnership | None:
    return Partnership.objects.filter(name=name).first()


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


def document_upload_reading(*, upload: DocumentUpload) -> DocumentReading:
    """Read the kept document with the choices made on it and the partnership's remembered
    ones, exactly as the import will."""
    return document_read(
        upload.file_name,
        bytes(upload.content),
        choices=TableChoices.from_json(upload.choices),
        remembered=column_choices_remembered(partnership=upload.partnership),
    )


def document_upload_preview(*, upload: DocumentUpload) -> UploadReview:
    """Read the kept document again and summarise each plan in it.

    Each plan's new leads are those importing it alone would add: the manager may choose any.
    """
    reading = document_upload_reading(upload=upload)
    resolver = LeadResolver(upload.partnership)
    previews = []
    for number, parsed in enumerate(reading.plans, start=1):
        actions = [a for t in parsed.themes for o in t.objectives for a in o.actions]
        organisations, people = _new_leads(parsed, resolver)
        previews.append(
            PlanPreview(
                number=number,
                parsed=parsed,
                objective_count=sum(len(t.objectives) for t in parsed.themes),
                action_count=len(actions),
                update_count=sum(len(a.updates) for a in actions),
                new_organisations=organisations,
                new_people=people,
            )
        )
    return UploadReview(
        reading=reading, choices=TableChoices.from_json(upload.choices), plans=previews
    )
