"""A partner's tracker for a plan that already exists: the changes it would make, each in words,
with a box to tick for each conflict, duplicate and row matching nothing; then confirm.

The page works from a document already uploaded for the plan's partnership. Confirming works
everything out again from the kept document (``tracker_apply``), so what is applied is what the
rules say at that moment, and a tick can only apply the value it was shown with.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.importers.domain.parsed import ImportFormatError, ParsedPlan
from apps.importers.domain.reading import DocumentReading
from apps.importers.forms.columns import ColumnChoiceForm
from apps.importers.models import DocumentUpload
from apps.importers.selectors import (
    TrackerChanges,
    document_upload_detail,
    document_upload_reading,
    tracker_changes,
)
from apps.importers.services import document_upload_choose, tracker_apply
from apps.importers.views.documents import COLUMNS_STEP
from apps.plans.models import Plan

NOTHING_CHOSEN = "The plan was not changed: the tracker brought nothing new and nothing was ticked"


def _parsed_for(reading: DocumentReading) -> tuple[ParsedPlan, datetime | None]:
    """The document read as one plan (a pack's plans together: its rows are matched across the
    whole plan), and when its file says it was saved (None if it does not say)."""
    first, *others = reading.plans
    for other in others:
        first.themes.extend(other.themes)
        first.warnings.extend(other.warnings)
    return first, reading.document.modified_at


def _done_message(changes: TrackerChanges, ticked: set[str], upload: DocumentUpload) -> str:
    chosen = changes.chosen(ticked)
    if not chosen:
        return NOTHING_CHOSEN
    counts = {kind: sum(1 for c in chosen if c.kind == kind) for kind in _DONE_WORDS}
    parts = [
        f"{counts[kind]} {words[0] if counts[kind] == 1 else words[1]}"
        for kind, words in _DONE_WORDS.items()
        if counts[kind]
    ]
    return f"Changed the plan from ‘{upload.file_name}’: {', '.join(parts)}"


_DONE_WORDS = {
    "update": ("update added", "updates added"),
    "status": ("status changed", "statuses changed"),
    "rag": ("RAG rating changed", "RAG ratings changed"),
    "by_when": ("by-when changed", "by-whens changed"),
    "new_action": ("action added", "actions added"),
}


def tracker_preview(
    request: AuthenticatedHttpRequest, plan_id: int, document_upload_id: UUID
) -> HttpResponse:
    # Changing the plan: refused for an archived plan, as every change to one is.
    plan = object_get_or_403(
        Plan.objects.select_related("partnership"),
        user=request.user,
        permission="plans.manage_plan",
        pk=plan_id,
    )
    upload = get_object_or_404(
        document_upload_detail(), pk=document_upload_id, partnership_id=plan.partnership_id
    )
    context: dict[str, object] = {"plan": plan, "upload": upload}
    if upload.imported_at is not None:
        return render(request, "importers/tracker_applied.html", context)
    try:
        reading = document_upload_reading(upload=upload)
    except ImportFormatError as error:
        context["unreadable"] = str(error)
        return render(request, "importers/tracker_preview.html", context)
    columns_posted = request.method == "POST" and request.POST.get("step") == COLUMNS_STEP
    column_form = ColumnChoiceForm(
        request.POST if columns_posted else None,
        tables=reading.tables,
        skipped=sorted(t.index for t in reading.tables if not t.action_count),
    )
    context.update(column_form=column_form, reading=reading, columns_step=COLUMNS_STEP)
    if columns_posted and column_form.is_valid():
        document_upload_choose(upload=upload, choices=column_form.choices(), user=request.user)
        return redirect("importers:tracker-preview", plan_id=plan.pk, document_upload_id=upload.pk)
    if reading.needs_choice or columns_posted:
        return render(request, "importers/tracker_preview.html", context)
    parsed, modified_at = _parsed_for(reading)
    ticked = set(request.POST.getlist("ticked")) if request.method == "POST" else set()
    if request.method == "POST":
        try:
            changes = tracker_apply(
                plan=plan,
                parsed=parsed,
                ticked=ticked,
                user=request.user,
                modified_at=modified_at,
                source_name=upload.file_name,
                upload=upload,
            )
        except ValidationError as error:
            context["problems"] = error.messages
        else:
            messages.success(request, _done_message(changes, ticked, upload))
            return redirect("plans:plan", plan_id=plan.pk)
    changes = tracker_changes(plan=plan, parsed=parsed, modified_at=modified_at, upload=upload)
    context.update(changes=changes, counts=changes.counts, ticked=ticked)
    return render(request, "importers/tracker_preview.html", context)
