"""Saving parsed plans and uploaded documents: all of a plan in one transaction, or none of it.

Every row of another app is written through that app's services (``apps.plans.services``, the
partnership's ``LeadResolver``); this module decides only what a parsed document becomes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.rag import rag_by_code
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.domain.reading import DocumentReading
from apps.importers.domain.source import SourceDocument, document_to_json
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.importers.selectors.documents import document_upload_reading
from apps.partnerships.models import Organisation, Partnership, Person
from apps.partnerships.services import LeadResolver
from apps.plans import services as plan_services
from apps.plans.models import Plan, Rating, Status

EARLIER_EDITION_INVALID = "Choose an earlier edition from the same partnership, for one plan"
EARLIER_EDITION_FOR_ONE = "Choose one plan to create when you name its earlier edition"
ALREADY_IMPORTED = "This document has already been imported. Upload it again to import it anew."
NOTHING_TO_IMPORT = (
    "No actions were found in this document. Choose which column holds the actions, then "
    "preview it again"
)
PLANS_CHANGED = "The plans found in this document have changed. Check the preview again"


def _colour(code: str, printed: str) -> str:
    """The document's own colour, else the GOV.UK colour of a rating SaferPlan knows."""
    word = rag_by_code(code)
    return printed or (word.colour if word is not None else "")


@transaction.atomic
def plan_create_from_parsed(
    *,
    parsed: ParsedPlan,
    partnership: Partnership,
    user: User | None = None,
    status: str = Plan.Status.DRAFT,
    predecessor: Plan | None = None,
    source_name: str = "",
) -> Plan:
    """Create the plan with its RAG scheme, themes, objectives, actions, leads and updates.

    ``user`` is None for ``import_plan`` and the demo, which run from the command line where
    nobody is signed in; an upload passes the manager who confirmed it.
    """
    plan = plan_services.plan_create(
        partnership=partnership,
        title=parsed.title,
        period_label=parsed.period_label,
        status=status,
        predecessor=predecessor,
        introduction=parsed.introduction,
        source_name=source_name,
        user=user,
    )
    ratings: dict[str, Rating] = {}
    for position, parsed_rating in enumerate(parsed.rag_scheme):
        ratings[parsed_rating.code.upper()] = plan_services.rating_create(
            plan=plan,
            code=parsed_rating.code,
            label=parsed_rating.label,
            colour=_colour(parsed_rating.code, parsed_rating.colour),
            definition=parsed_rating.definition,
            position=position,
            user=user,
        )
    resolver = LeadResolver(partnership, user=user, glossary=parsed.agencies)
    tags = plan_services.tags_get_or_create(
        names={
            tag for t in parsed.themes for o in t.objectives for a in o.actions for tag in a.tags
        },
        user=user,
    )
    valid_statuses = set(Status.values)
    for theme_position, parsed_theme in enumerate(parsed.themes):
        theme = plan_services.theme_create(
            plan=plan,
            title=parsed_theme.title,
            statement=parsed_theme.statement,
            position=theme_position,
            user=user,
        )
        for parsed_objective in parsed_theme.objectives:
            objective = plan_services.objective_create(
                theme=theme, number=parsed_objective.number, title=parsed_objective.title, user=user
            )
            for position, parsed_action in enumerate(parsed_objective.actions):
                rating = ratings.get((parsed_action.rag or "").upper()[:1])
                # Only what the document says: without a status it is "Not recorded".
                status_value = (
                    parsed_action.status
                    if parsed_action.status in valid_statuses
                    else Status.NOT_RECORDED
                )
                leads = [resolver.resolve(lead) for lead in parsed_action.leads]
                action = plan_services.action_import(
                    objective=objective,
                    user=user,
                    number=parsed_action.number,
                    position=position,
                    method=parsed_action.method or "",
                    text=parsed_action.text,
                    sub_items=parsed_action.sub_items,
                    details=parsed_action.details,
                    due_text=parsed_action.due_text or "",
                    due_date=parsed_action.due_date,
                    status=status_value,
                    rating=rating,
                    lead_people=[x for x in leads if isinstance(x, Person)],
                    lead_organisations=[x for x in leads if isinstance(x, Organisation)],
                    tags=[tags[name] for name in parsed_action.tags],
                )
                for parsed_update in parsed_action.updates:
                    plan_services.update_import(
                        action=action,
                        user=user,
                        text=parsed_update.text,
                        reported_on=parsed_update.date,
                        period_label=parsed.period_label,
                        # An update sets a status only where the document gave one.
                        status="" if status_value == Status.NOT_RECORDED else status_value,
                        rating=rating,
                    )
    return plan


def document_upload_create(
    *,
    partnership: Partnership,
    user: User,
    file_name: str,
    content: bytes,
    purpose: str = DocumentUpload.Purpose.PLAN,
    document: SourceDocument | None = None,
) -> DocumentUpload:
    """Keep a document that was read cleanly until the manager has read its preview, with what
    the reader made of it when the caller has that already."""
    upload = DocumentUpload(
        partnership=partnership,
        uploaded_by=user,
        file_name=file_name[:255],
        content=content,
        purpose=purpose,
        document=document_to_json(document) if document is not None else None,
    )
    upload.full_clean()
    upload.save()
    return upload


def _check_earlier_edition(
    upload: DocumentUpload, chosen: set[int], predecessor: Plan | None
) -> None:
    if predecessor is None:
        return
    if len(chosen) > 1:
        raise ValidationError({"predecessor": EARLIER_EDITION_FOR_ONE})
    if predecessor.partnership_id != upload.partnership_id or len(chosen) != 1:
        raise ValidationError(EARLIER_EDITION_INVALID)


@transaction.atomic
def document_upload_import(
    *,
    upload: DocumentUpload,
    chosen: list[int],
    status: str,
    user: User,
    predecessor: Plan | None = None,
) -> list[Plan]:
    """Create the chosen plans (1 is the document's first) from the kept document, or none.

    The document is parsed again rather than trusting the preview: the parsers may have been
    improved since, and what is saved must be exactly what the rules say today.
    """
    upload = DocumentUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED)
    _check_earlier_edition(upload, set(chosen), predecessor)
    reading = document_upload_reading(upload=upload)
    found = reading.plans
    if not found:
        raise ValidationError(NOTHING_TO_IMPORT)
    if any(not 1 <= index <= len(found) for index in chosen):
        raise ValidationError(PLANS_CHANGED)
    plans = [
        plan_create_from_parsed(
            parsed=found[index - 1],
            partnership=upload.partnership,
            user=user,
            status=status,
            predecessor=predecessor,
            source_name=upload.file_name,
        )
        for index in sorted(set(chosen))
    ]
    if predecessor is not None:
        plan_services.plan_follow_earlier_edition(plan=plans[0], user=user)
    upload.imported_at = timezone.now()
    upload.save(update_fields=["imported_at"])
    upload.plans.add(*plans)
    column_choices_remember(partnership=upload.partnership, reading=reading, user=user)
    return plans


class KeptChoices(Protocol):
    """A manager's column choices for one upload (plan tables or indicator tables)."""

    def to_json(self) -> dict[str, Any]: ...


def document_upload_choose(
    *, upload: DocumentUpload, choices: KeptChoices, user: User
) -> DocumentUpload:
    """Keep the manager's column choices on the upload, so the preview (and the import after
    it) reads the document their way."""
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED)
    upload.choices = choices.to_json()
    upload.full_clean()
    upload.save(update_fields=["choices"])
    return upload


def column_choice_remember(
    *,
    partnership: Partnership,
    signature: str,
    headings: Sequence[str],
    uses: Sequence[str],
    user: User | None,
) -> ColumnChoice:
    """Remember how a table with these headings was read, so next quarter's copy needs no
    choices."""
    choice, _ = ColumnChoice.objects.update_or_create(
        partnership=partnership,
        signature=signature[:1000],
        defaults={
            "headings": list(headings),
            "uses": [str(use) for use in uses],
            "updated_by": user,
        },
    )
    return choice


def column_choices_remember(
    *, partnership: Partnership, reading: DocumentReading, user: User | None
) -> list[ColumnChoice]:
    """Remember how each table that gave actions was read, by its headings, for next time."""
    return [
        column_choice_remember(
            partnership=partnership,
            signature=table.signature,
            headings=table.headings,
            uses=table.uses,
            user=user,
        )
        for table in reading.tables
        if table.action_count and table.header_row is not None
    ]
