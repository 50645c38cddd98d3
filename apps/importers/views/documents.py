"""Upload a plan document, read the preview of what it would create, then confirm."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.importers.domain.documents import LAYOUTS
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.forms.documents import DocumentUploadForm, ImportChoiceForm
from apps.importers.selectors import (
    document_upload_detail,
    document_upload_preview,
    partnerships_user_manages,
)
from apps.importers.services import document_upload_create, document_upload_import


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
        )
        return redirect("importers:document-preview", document_upload_id=upload.pk)
    return render(request, "importers/document_upload.html", {"form": form, "layouts": LAYOUTS})


def document_preview(request: AuthenticatedHttpRequest, document_upload_id: UUID) -> HttpResponse:
    upload = object_get_or_403(
        document_upload_detail(),
        user=request.user,
        permission="partnerships.manage_partnership",
        pk=document_upload_id,
    )
    if upload.imported_at is not None:
        return render(request, "importers/document_imported.html", {"upload": upload})
    try:
        previews = document_upload_preview(upload=upload)
    except ImportFormatError as error:
        # The parsers changed since the upload and no longer read it: say so, keep nothing.
        return render(
            request,
            "importers/document_upload.html",
            {
                "form": DocumentUploadForm(
                    partnerships=partnerships_user_manages(user=request.user)
                ),
                "reparse_error": str(error),
                "layouts": LAYOUTS,
            },
        )
    form = ImportChoiceForm(
        request.POST or None,
        plan_titles=[p.parsed.title for p in previews],
        partnership=upload.partnership,
    )
    if request.method == "POST" and form.is_valid():
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
        {"upload": upload, "previews": previews, "form": form},
    )
