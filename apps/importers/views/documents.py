"""Upload a plan document, read the preview of what it would create (changing how its columns
are used if need be), then confirm."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.forms.columns import ColumnChoiceForm
from apps.importers.forms.documents import DocumentUploadForm, ImportChoiceForm
from apps.importers.models import DocumentUpload
from apps.importers.selectors import (
    UploadReview,
    document_upload_detail,
    document_upload_preview,
    partnerships_user_manages,
)
from apps.importers.services import (
    document_upload_choose,
    document_upload_create,
    document_upload_import,
)

COLUMNS_STEP = "columns"


def document_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnerships = partnerships_user_manages(user=request.user)
    if not partnerships:
        raise PermissionDenied
    form = DocumentUploadForm(
        request.POST or None, request.FILES or None, partnerships=partnerships
    )
    if request.method == "POST" and form.is_valid():
        upload = document_upload_create(
            partnership=form.cleaned_data["partnership"],
            user=request.user,
            file_name=form.cleaned_data["document"].name,
            content=form.content,
            document=form.source,
        )
        return redirect("importers:document-preview", document_upload_id=upload.pk)
    return render(request, "importers/document_upload.html", {"form": form})


def _column_form(
    request: AuthenticatedHttpRequest, review: UploadReview, bound: bool
) -> ColumnChoiceForm:
    """Tables that gave no actions start ticked to be left out while another table gave some."""
    tables = review.reading.tables
    found = any(table.action_count for table in tables)
    skipped = set(review.choices.skip) | {
        t.index
        for t in tables
        if found and not t.action_count and t.index not in review.choices.uses
    }
    return ColumnChoiceForm(request.POST if bound else None, tables=tables, skipped=sorted(skipped))


def _reread_failed(request: AuthenticatedHttpRequest, error: ImportFormatError) -> HttpResponse:
    """The readers changed since the upload and no longer read it: say so, keep nothing."""
    form = DocumentUploadForm(partnerships=partnerships_user_manages(user=request.user))
    return render(
        request, "importers/document_upload.html", {"form": form, "reparse_error": str(error)}
    )


def document_preview(request: AuthenticatedHttpRequest, document_upload_id: UUID) -> HttpResponse:
    upload: DocumentUpload = object_get_or_403(
        document_upload_detail(),
        user=request.user,
        permission="partnerships.manage_partnership",
        pk=document_upload_id,
    )
    if upload.imported_at is not None:
        return render(request, "importers/document_imported.html", {"upload": upload})
    try:
        review = document_upload_preview(upload=upload)
    except ImportFormatError as error:
        return _reread_failed(request, error)
    posted = request.method == "POST"
    columns_posted = posted and request.POST.get("step") == COLUMNS_STEP
    column_form = _column_form(request, review, bound=columns_posted)
    if columns_posted and column_form.is_valid():
        document_upload_choose(upload=upload, choices=column_form.choices(), user=request.user)
        return redirect("importers:document-preview", document_upload_id=upload.pk)
    form = ImportChoiceForm(
        request.POST if posted and not columns_posted else None,
        plan_titles=[p.parsed.title for p in review.plans],
        partnership=upload.partnership,
    )
    if posted and not columns_posted and form.is_valid():
        try:
            plans = document_upload_import(
                upload=upload,
                chosen=form.chosen(),
                status=form.cleaned_data["status"],
                user=request.user,
                predecessor=form.cleaned_data["predecessor"],
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # Not about a field (already imported, or the edition is from elsewhere).
                messages.error(request, " ".join(error.messages))
                return redirect("importers:document-preview", document_upload_id=upload.pk)
            form.add_service_error(error)
        else:
            names = ", ".join(f"“{plan.title}”" for plan in plans)
            messages.success(
                request, f"Created {len(plans)} plan{'s' if len(plans) != 1 else ''}: {names}"
            )
            if len(plans) == 1:
                return redirect("plans:plan", plan_id=plans[0].pk)
            return redirect("plans:home")
    return render(
        request,
        "importers/document_preview.html",
        {
            "upload": upload,
            "review": review,
            "previews": review.plans,
            "form": form,
            "column_form": column_form,
            "columns_step": COLUMNS_STEP,
        },
    )
