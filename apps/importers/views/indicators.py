"""Upload a performance report, choose how its columns are used, read what it would create,
add and change in the partnership's measures, then confirm."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.forms.indicators import (
    IndicatorColumnForm,
    IndicatorConfirmForm,
    IndicatorUploadForm,
)
from apps.importers.models import DocumentUpload
from apps.importers.selectors import (
    indicator_upload_detail,
    indicator_upload_reading,
    indicators_preview,
    priorities_for_choice,
)
from apps.importers.services import (
    document_upload_choose,
    document_upload_create,
    indicator_upload_import,
)
from apps.partnerships.models import Partnership
from apps.performance.rules import SET_UP_PERFORMANCE

COLUMNS_STEP = "columns"
CONFIRM_STEP = "confirm"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def indicators_upload(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=SET_UP_PERFORMANCE, pk=partnership_id
    )
    form = IndicatorUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = document_upload_create(
            partnership=partnership,
            user=request.user,
            file_name=form.cleaned_data["document"].name,
            content=form.content,
            purpose=DocumentUpload.Purpose.INDICATORS,
            document=form.source,
        )
        return redirect("importers:indicators-preview", document_upload_id=upload.pk)
    context = {"form": form, "partnership": partnership}
    return render(request, "importers/indicators_upload.html", context)


def indicators_preview_view(
    request: AuthenticatedHttpRequest, document_upload_id: UUID
) -> HttpResponse:
    upload = object_get_or_403(
        indicator_upload_detail(),
        user=request.user,
        permission=SET_UP_PERFORMANCE,
        pk=document_upload_id,
    )
    partnership = upload.partnership
    if upload.imported_at is not None:
        return render(request, "importers/indicators_imported.html", {"upload": upload})
    try:
        reading = indicator_upload_reading(upload=upload)
    except ImportFormatError as error:
        # The readers changed since the upload and no longer read it: say so, keep nothing.
        form = IndicatorUploadForm()
        form.add_error("document", str(error))
        context = {"form": form, "partnership": partnership}
        return render(request, "importers/indicators_upload.html", context)
    step = request.POST.get("step") if request.method == "POST" else None
    column_form = IndicatorColumnForm(
        request.POST if step == COLUMNS_STEP else None, tables=reading.tables
    )
    if step == COLUMNS_STEP and column_form.is_valid():
        document_upload_choose(upload=upload, choices=column_form.choices(), user=request.user)
        return redirect("importers:indicators-preview", document_upload_id=upload.pk)
    priorities = priorities_for_choice(partnership=partnership)
    preview = indicators_preview(partnership=partnership, reading=reading)
    confirm_form = IndicatorConfirmForm(
        request.POST if step == CONFIRM_STEP else None,
        priorities=priorities,
        preview=preview,
        document_name=upload.file_name,
    )
    if step == CONFIRM_STEP and confirm_form.is_valid():
        try:
            result = indicator_upload_import(
                upload=upload,
                reading=reading,
                user=request.user,
                ticked=confirm_form.cleaned_data["replace"],
                priority=confirm_form.chosen_priority(),
            )
        except ValidationError as error:
            confirm_form.add_service_error(error)
        else:
            messages.success(
                request,
                f"Imported {upload.file_name}: {_plural(len(result.created), 'new measure')}, "
                f"{_plural(len(result.updated), 'measure')} updated and "
                f"{_plural(result.figures_added + result.figures_replaced, 'figure')} recorded",
            )
            return redirect("performance:summary", partnership_id=partnership.pk)
    problems = reading.problems + preview.problems
    context = {
        "upload": upload,
        "partnership": partnership,
        "reading": reading,
        "preview": preview,
        "problems": problems,
        "column_form": column_form,
        "confirm_form": confirm_form,
        "form": confirm_form if confirm_form.errors else column_form,
        "columns_step": COLUMNS_STEP,
        "confirm_step": CONFIRM_STEP,
    }
    return render(request, "importers/indicators_preview.html", context)
