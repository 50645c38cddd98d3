"""Saving parsed plans and uploaded documents: all of a plan in one transaction, or none of it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from apps.core.history import history_user_set
from apps.importers.documents import decode_document, parse_plan_documents
from apps.importers.models import DocumentUpload
from apps.importers.parsed import ParsedPlan
from apps.partnerships.agencies import agency_name
from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.models import Action, Objective, Plan, Rating, Status, Tag, Theme, Update
from apps.plans.services.plans import plan_follow_earlier_edition

DEFAULT_RAG_COLOURS = {"R": "#d4351c", "A": "#f47738", "G": "#00703c", "W": "#ffffff"}


class _LeadResolver:
    """Turns lead strings into the partnership's people and organisations, creating as needed."""

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.people = {p.initials.upper(): p for p in partnership.people.all()}
        self.organisations = {o.short_name.upper(): o for o in partnership.organisations.all()}

    def resolve(self, lead: str) -> Person | Organisation:
        key = " ".join(lead.split()).upper()
        if key in self.organisations:
            return self.organisations[key]
        if key in self.people:
            return self.people[key]
        full_name = agency_name(key)
        # Validated before saving, so a lead too long for its field is reported in words
        # (and rolls the import back) rather than failing in the database.
        if full_name is not None:
            organisation = Organisation(
                partnership=self.partnership, short_name=" ".join(lead.split()), name=full_name
            )
            organisation.full_clean()
            organisation.save()
            self.organisations[key] = organisation
            return organisation
        person = Person(partnership=self.partnership, initials=key[:10])
        person.full_clean()
        person.save()
        self.people[key] = person
        return person


def _tags_by_name(names: set[str]) -> dict[str, Tag]:
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    for name in names - existing.keys():
        existing[name] = Tag.objects.create(name=name, slug=slugify(name))
    return existing


@transaction.atomic
def plan_create_from_parsed(
    *,
    parsed: ParsedPlan,
    partnership: Partnership,
    user: Any = None,
    status: str = Plan.Status.DRAFT,
    predecessor: Plan | None = None,
    source_name: str = "",
) -> Plan:
    """Create the plan with its RAG scheme, themes, objectives, actions, leads and updates."""
    plan = Plan(
        partnership=partnership,
        title=parsed.title,
        period_label=parsed.period_label,
        status=status,
        predecessor=predecessor,
        introduction=parsed.introduction,
        source_name=source_name,
    )
    plan.full_clean()
    history_user_set(plan, user)
    plan.save()
    ratings: dict[str, Rating] = {}
    for position, parsed_rating in enumerate(parsed.rag_scheme):
        ratings[parsed_rating.code.upper()] = Rating.objects.create(
            plan=plan,
            code=parsed_rating.code,
            label=parsed_rating.label,
            colour=parsed_rating.colour or DEFAULT_RAG_COLOURS.get(parsed_rating.code.upper(), ""),
            definition=parsed_rating.definition,
            position=position,
        )
    resolver = _LeadResolver(partnership)
    tags = _tags_by_name(
        {tag for t in parsed.themes for o in t.objectives for a in o.actions for tag in a.tags}
    )
    valid_statuses = set(Status.values)
    for theme_position, parsed_theme in enumerate(parsed.themes):
        theme = Theme.objects.create(
            plan=plan,
            title=parsed_theme.title,
            statement=parsed_theme.statement,
            position=theme_position,
        )
        for parsed_objective in parsed_theme.objectives:
            objective = Objective(
                theme=theme, number=parsed_objective.number, title=parsed_objective.title
            )
            objective.full_clean()
            objective.save()
            for position, parsed_action in enumerate(parsed_objective.actions):
                rating = ratings.get((parsed_action.rag or "").upper()[:1])
                status_value = (
                    parsed_action.status
                    if parsed_action.status in valid_statuses
                    else Status.NOT_STARTED
                )
                action = Action(
                    objective=objective,
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
                )
                action.full_clean()
                history_user_set(action, user)
                action.save()
                leads = [resolver.resolve(lead) for lead in parsed_action.leads]
                action.lead_people.set([x for x in leads if isinstance(x, Person)])
                action.lead_organisations.set([x for x in leads if isinstance(x, Organisation)])
                action.tags.set([tags[name] for name in parsed_action.tags])
                for parsed_update in parsed_action.updates:
                    Update.objects.create(
                        action=action,
                        text=parsed_update.text,
                        reported_on=parsed_update.date,
                        period_label=parsed.period_label,
                        status=status_value,
                        rating=rating,
                    )
    return plan


EARLIER_EDITION_INVALID = "Choose an earlier edition from the same partnership, for one plan"
ALREADY_IMPORTED = "This document has already been imported. Upload it again to import it anew."


def document_upload_create(
    *, partnership: Partnership, user: Any, file_name: str, content: bytes
) -> DocumentUpload:
    """Keep a document that parsed cleanly until the manager has read its preview."""
    return DocumentUpload.objects.create(
        partnership=partnership, uploaded_by=user, file_name=file_name[:255], content=content
    )


@transaction.atomic
def document_upload_import(
    *,
    upload: DocumentUpload,
    chosen: list[int],
    status: str,
    user: Any,
    predecessor: Plan | None = None,
) -> list[Plan]:
    """Create the chosen plans (1 is the document's first) from the kept document, or none.

    The document is parsed again rather than trusting the preview: the parsers may have been
    improved since, and what is saved must be exactly what the rules say today.
    """
    upload = DocumentUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED)
    found = parse_plan_documents(decode_document(bytes(upload.content)))
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
        if predecessor.partnership_id != upload.partnership_id or len(plans) != 1:
            raise ValidationError(EARLIER_EDITION_INVALID)
        plan_follow_earlier_edition(plan=plans[0], user=user)
    upload.imported_at = timezone.now()
    upload.save(update_fields=["imported_at"])
    upload.plans.add(*plans)
    return plans
