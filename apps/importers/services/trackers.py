"""Applying a partner's tracker to a plan that already exists: the plain changes and the ones the
manager ticked, all in one transaction, or none of them.

The changes are worked out again here rather than taken from the preview: the plan may have
changed since the manager read it, and a tick names a change's id, which names its value, so a
tick can never apply something the manager did not see. Updates go through
``action_add_update``, the service a lead's update uses, so status, RAG and the audit history
behave exactly as when a lead reports; other changes go through the plan services too.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.core.text import text_plain
from apps.importers.domain.parsed import ParsedAction, ParsedPlan
from apps.importers.domain.trackers import says_something
from apps.importers.models import DocumentUpload
from apps.importers.selectors.tracker_changes import (
    BY_WHEN_LIMIT,
    TrackerChange,
    TrackerChanges,
    TrackerRow,
    tracker_changes,
)
from apps.partnerships.models import Organisation, Person
from apps.partnerships.services import LeadResolver
from apps.plans import services as plan_services
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Objective, Plan, Rating

TRACKER_ALREADY_APPLIED = (
    "This document has already been brought into a plan. Upload it again to use it anew."
)
TRACKER_OTHER_PARTNERSHIP = "Upload the tracker for the partnership this plan belongs to"
ROW_REFUSED = "SaferPlan could not apply {row}{source}: {message}. Nothing has been changed."


class _Applier:
    """Applies one tracker's chosen changes, row by row, inside the caller's transaction."""

    def __init__(self, *, plan: Plan, user: User, modified_at: datetime | None) -> None:
        self.plan = plan
        self.user = user
        # An update with no date of its own was written by the time the tracker was saved.
        self.default_date: date | None = (
            timezone.localtime(modified_at).date() if modified_at is not None else None
        )
        self.resolver = LeadResolver(plan.partnership, user=user)
        self.positions: dict[int, int] = {}

    def row(self, row: TrackerRow, chosen: list[TrackerChange]) -> None:
        if row.action is None:
            for change in chosen:
                if change.kind == "new_action":
                    assert row.objective is not None
                    self._new_action(row, change.value, row.objective)
            return
        self._action(row.action, chosen)

    def _value(self, chosen: list[TrackerChange], kind: str, default: object) -> object:
        return next((change.value for change in chosen if change.kind == kind), default)

    def _action(self, action: Action, chosen: list[TrackerChange]) -> None:
        status = self._value(chosen, "status", action.status)
        rating = self._value(chosen, "rag", action.rating)
        assert isinstance(status, str) and (rating is None or isinstance(rating, Rating))
        by_when = self._value(chosen, "by_when", None)
        progress_changed = status != action.status or rating != action.rating
        updates = [change for change in chosen if change.kind == "update"]
        for change in updates:
            text, when = change.value
            plan_services.action_add_update(
                action=action,
                user=self.user,
                text=text,
                status=status,
                rating=rating,
                reported_on=when or self.default_date,
                period_label=self.plan.period_label,
            )
        if by_when is not None or (progress_changed and not updates):
            # A status or RAG with no update to carry it, or a new by-when: the manager's edit
            # of the action, with everything else as it is.
            plan_services.action_edit(
                action=action,
                user=self.user,
                number=action.number,
                text=action.text,
                method=action.method,
                sub_items=list(action.sub_items),
                due_text=str(by_when) if by_when is not None else action.due_text,
                status=status,
                rating=rating,
                lead_people=list(action.lead_people.all()),
                lead_organisations=list(action.lead_organisations.all()),
                tags=list(action.tags.all()),
            )

    def _position(self, objective: Objective) -> int:
        if objective.pk not in self.positions:
            top = objective.actions.aggregate(top=Max("position"))["top"]
            self.positions[objective.pk] = -1 if top is None else top
        self.positions[objective.pk] += 1
        return self.positions[objective.pk]

    def _new_action(self, row: TrackerRow, parsed: ParsedAction, objective: Objective) -> None:
        due_text = text_plain(parsed.due_text)
        if not due_text and parsed.due_date is not None:
            due_text = f"{parsed.due_date:%-d/%-m/%Y}"
        # Too long to keep: the preview said it is not taken.
        by_when = interpret_by_when(due_text if len(due_text) <= BY_WHEN_LIMIT else "")
        status = row.status or by_when.status or Action._meta.get_field("status").get_default()
        rating = row.rating
        printed = dict.fromkeys(text_plain(lead) for lead in parsed.leads)
        leads = [self.resolver.resolve(lead) for lead in printed if lead]
        position = self._position(objective)
        action = plan_services.action_import(
            objective=objective,
            user=self.user,
            number=text_plain(parsed.number) or str(position + 1),
            position=position,
            text=parsed.text.strip(),
            method=text_plain(parsed.method),
            sub_items=[item.strip() for item in parsed.sub_items if item.strip()],
            details=parsed.details,
            due_text=by_when.text,
            due_date=(parsed.due_date or by_when.due_date) if by_when.text else None,
            status=status,
            rating=rating,
            lead_people=[lead for lead in leads if isinstance(lead, Person)],
            lead_organisations=[lead for lead in leads if isinstance(lead, Organisation)],
        )
        for update in parsed.updates:
            if says_something(update.text):
                plan_services.action_add_update(
                    action=action,
                    user=self.user,
                    text=update.text,
                    status=status,
                    rating=rating,
                    reported_on=update.date or self.default_date,
                    period_label=self.plan.period_label,
                )


def tracker_apply(
    *,
    plan: Plan,
    parsed: ParsedPlan,
    ticked: Collection[str],
    user: User,
    modified_at: datetime | None = None,
    source_name: str = "",
    upload: DocumentUpload | None = None,
) -> TrackerChanges:
    """Apply the tracker's plain changes and the ticked conflicts, duplicates and rows matching
    nothing, through the plan services, in one transaction; refuse the whole on any failure.

    ``modified_at`` is when the tracker was saved (None when its file does not say);
    ``source_name`` names the file in a refusal; ``upload``, when the tracker was uploaded, is
    marked as brought into this plan, so it is not applied twice and later trackers without a
    save date are compared with the time it was applied.
    """
    with transaction.atomic():
        # One tracker at a time per plan, so two managers confirming at once add nothing twice.
        list(Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk", flat=True))
        if upload is not None:
            upload = DocumentUpload.objects.select_for_update().get(pk=upload.pk)
            if upload.imported_at is not None:
                raise ValidationError(TRACKER_ALREADY_APPLIED)
            if upload.partnership_id != plan.partnership_id:
                raise ValidationError(TRACKER_OTHER_PARTNERSHIP)
        changes = tracker_changes(plan=plan, parsed=parsed, modified_at=modified_at, upload=upload)
        chosen_ids = set(ticked)
        applier = _Applier(plan=plan, user=user, modified_at=modified_at)
        source = f" of ‘{source_name}’" if source_name else ""
        for row in changes.rows:
            chosen = [change for change in row.changes if change.chosen(chosen_ids)]
            if not chosen:
                continue
            try:
                applier.row(row, chosen)
            except ValidationError as error:
                message = "; ".join(error.messages).rstrip(".")
                raise ValidationError(
                    ROW_REFUSED.format(row=row.label, source=source, message=message)
                ) from error
        if upload is not None:
            upload.imported_at = timezone.now()
            upload.save(update_fields=["imported_at"])
            upload.plans.add(plan)
    return changes
