"""Plan workbooks: download, update a plan from an edited workbook, create a plan from one.

Uploads are previewed first: the page lists every change (or every problem) and only the
manager's confirmation applies them, after checking the kept workbook again.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import read_document
from apps.importers.domain.source import sheet_headings
from apps.importers.domain.workbook.layout import is_plan_workbook
from apps.importers.domain.workbook.pending import pending_store, pending_take
from apps.importers.forms.workbooks import PlanFromWorkbookForm, TrackerUploadForm
from apps.importers.selectors import (
    Changes,
    blank_workbook,
    plan_workbook,
    workbook_changes,
    workbook_filename,
)
from apps.importers.services import (
    document_upload_create,
    plan_create_from_workbook,
    workbook_import,
)
from apps.partnerships.models import Partnership
from apps.plans.models import Plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_EXPIRED = "The workbook is no longer waiting to be confirmed. Upload it again"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _plan(request: AuthenticatedHttpRequest, plan_id: int, permission: str) -> Plan:
    return object_get_or_403(
        Plan.objects.select_related("partnership"),
        user=request.user,
        permission=permission,
        pk=plan_id,
    )


def _partnership(request: AuthenticatedHttpRequest, partnership_id: int) -> Partnership:
    return object_get_or_403(
        Partnership,
        user=request.user,
        permission="partnerships.manage_partnership",
        pk=partnership_id,
    )


def _counts(changes: Changes) -> dict[str, int]:
    rows = changes.changes
    return {
        "added": sum(c.action is None for c in rows),
        "edited": sum(c.action is not None and bool(c.edits) for c in rows),
        "updates": sum(c.update is not None for c in rows),
    }


def plan_download(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    return _xlsx(plan_workbook(plan=plan), workbook_filename(plan))


def template_download(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    return _xlsx(blank_workbook(partnership=partnership), "saferplan-plan-template.xlsx")


def plan_upload(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    """SaferPlan's own workbook is checked row by row against the plan by its keys; any other
    document is kept and read as a partner's tracker on the tracker page."""
    plan = _plan(request, plan_id, "plans.manage_plan")
    posted = request.method == "POST"
    form = TrackerUploadForm(request.POST if posted else None, request.FILES if posted else None)
    context: dict[str, Any] = {"plan": plan, "form": form}
    if posted and form.is_valid():
        upload_file = form.cleaned_data["document"]
        data = upload_file.read()
        try:
            document = read_document(upload_file.name, data)
        except ImportFormatError as error:
            form.add_error("document", str(error))
            return render(request, "importers/workbook_upload.html", context)
        if not is_plan_workbook(sheet_headings(document)):
            upload = document_upload_create(
                partnership=plan.partnership,
                user=request.user,
                file_name=upload_file.name,
                content=data,
                document=document,
            )
            return redirect(
                "importers:tracker-preview", plan_id=plan.pk, document_upload_id=upload.pk
            )
        changes = workbook_changes(plan=plan, data=data)
        if changes.ok:
            token = pending_store(request.session, scope=f"plan:{plan.pk}", data=data)
            context.update(changes=changes, counts=_counts(changes), token=token)
            return render(request, "importers/workbook_preview.html", context)
        context["problems"] = changes.problems
    return render(request, "importers/workbook_upload.html", context)


def plan_upload_confirm(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.manage_plan")
    if request.method != "POST":
        return redirect("importers:workbook-upload", plan_id=plan.pk)
    kept = pending_take(
        request.session, scope=f"plan:{plan.pk}", token=request.POST.get("token", "")
    )
    form = TrackerUploadForm()
    if kept is None:
        context = {"plan": plan, "form": form, "problems": [UPLOAD_EXPIRED]}
        return render(request, "importers/workbook_upload.html", context)
    changes = workbook_import(plan=plan, data=kept["data"], user=request.user)
    if not changes.ok:
        context = {"plan": plan, "form": form, "problems": changes.problems}
        return render(request, "importers/workbook_upload.html", context)
    context = {"plan": plan, "changes": changes, "counts": _counts(changes)}
    return render(request, "importers/workbook_done.html", context)


def plan_create(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    posted = request.method == "POST"
    form = PlanFromWorkbookForm(request.POST if posted else None, request.FILES if posted else None)
    context: dict[str, Any] = {"partnership": partnership, "form": form}
    if posted and form.is_valid():
        data = form.cleaned_data["workbook"].read()
        changes = workbook_changes(partnership=partnership, data=data)
        if changes.ok:
            title, period = form.cleaned_data["title"], form.cleaned_data["period_label"]
            token = pending_store(
                request.session,
                scope=f"partnership:{partnership.pk}",
                data=data,
                title=title,
                period_label=period,
            )
            context.update(
                changes=changes, counts=_counts(changes), token=token, title=title, period=period
            )
            return render(request, "importers/workbook_preview.html", context)
        context["problems"] = changes.problems
    return render(request, "importers/workbook_create.html", context)


def plan_create_confirm(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    if request.method != "POST":
        return redirect("importers:workbook-create", partnership_id=partnership.pk)
    kept = pending_take(
        request.session,
        scope=f"partnership:{partnership.pk}",
        token=request.POST.get("token", ""),
    )
    form = PlanFromWorkbookForm()
    if kept is None:
        context = {"partnership": partnership, "form": form, "problems": [UPLOAD_EXPIRED]}
        return render(request, "importers/workbook_create.html", context)
    plan, changes = plan_create_from_workbook(
        partnership=partnership,
        user=request.user,
        title=kept.get("title", ""),
        period_label=kept.get("period_label", ""),
        data=kept["data"],
    )
    if plan is None:
        context = {"partnership": partnership, "form": form, "problems": changes.problems}
        return render(request, "importers/workbook_create.html", context)
    context = {"plan": plan, "changes": changes, "counts": _counts(changes), "created": True}
    return render(request, "importers/workbook_done.html", context)
