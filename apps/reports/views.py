"""Report pages: the definitions of a partnership, the form, the report and its downloads.

Members of the partnership read reports; its managers define them. Views are thin: they load
the object the user may act on, then call the builder, a renderer or a service.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership
from apps.reports.audit import audit_csv_lines, audit_filename, audit_rows
from apps.reports.builder import report_build
from apps.reports.forms import AuditLogForm, ReportDefinitionForm
from apps.reports.models import ReportDefinition
from apps.reports.renderers import FORMATS, format_get, report_context
from apps.reports.selectors import report_definition_list, report_definition_queryset
from apps.reports.services import report_definition_create, report_definition_edit

VIEW, DEFINE = "reports.view_report", "reports.define_report"
# The GOV.UK date input's boxes: name suffix, label, width in characters.
DATE_PARTS = [("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)]


def _definition(
    request: AuthenticatedHttpRequest, permission: str, definition_id: int
) -> ReportDefinition:
    return object_get_or_403(
        report_definition_queryset(), user=request.user, permission=permission, pk=definition_id
    )


def _public(request: AuthenticatedHttpRequest, definition: ReportDefinition) -> bool:
    """The variant asked for (?version=public or internal), else the definition's own."""
    asked = request.GET.get("version")
    return definition.public if asked not in ("public", "internal") else asked == "public"


def definition_list(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=VIEW, pk=partnership_id
    )
    context = {
        "partnership": partnership,
        "definitions": report_definition_list(
            partnership=partnership,
            drafts=request.user.has_perm("partnerships.manage_partnership", partnership)
            or request.user.has_perm("partnerships.administer_partnership", partnership),
        ),
        "can_manage": request.user.has_perm(DEFINE, partnership),
        "can_audit": request.user.has_perm("partnerships.administer_partnership", partnership),
    }
    return render(request, "reports/definition_list.html", context)


def _form_page(
    request: AuthenticatedHttpRequest, partnership: Partnership, definition: ReportDefinition | None
) -> HttpResponse:
    form = ReportDefinitionForm(request.POST or None, partnership=partnership, instance=definition)
    if request.method == "POST" and form.is_valid():
        try:
            if definition is None:
                saved = report_definition_create(
                    partnership=partnership, user=request.user, **form.service_arguments()
                )
            else:
                saved = report_definition_edit(
                    definition=definition, user=request.user, **form.service_arguments()
                )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Report “{saved.title}” saved")
            return redirect("reports:report", saved.pk)
    context = {
        "form": form,
        "partnership": partnership,
        "definition": definition,
        "title": "Change the report" if definition else "Define a new report",
        "button": "Save the report",
    }
    return render(request, "reports/definition_form.html", context)


def definition_create(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=DEFINE, pk=partnership_id
    )
    return _form_page(request, partnership, None)


def definition_edit(request: AuthenticatedHttpRequest, report_definition_id: int) -> HttpResponse:
    definition = _definition(request, DEFINE, report_definition_id)
    return _form_page(request, definition.partnership, definition)


def report_page(request: AuthenticatedHttpRequest, report_definition_id: int) -> HttpResponse:
    definition = _definition(request, VIEW, report_definition_id)
    public = _public(request, definition)
    report = report_build(definition=definition, public=public, reader=request.user)
    version = "public" if public else "internal"
    downloads = [
        (f, f"{reverse('reports:download', args=[definition.pk, f.code])}?version={version}")
        for f in FORMATS.values()
    ]
    context = {
        **report_context(report),
        "definition": definition,
        "public": public,
        "downloads": downloads,
        "can_manage": request.user.has_perm(DEFINE, definition),
    }
    return render(request, "reports/report_page.html", context)


def report_download(
    request: AuthenticatedHttpRequest, report_definition_id: int, format_code: str
) -> HttpResponse:
    definition = _definition(request, VIEW, report_definition_id)
    try:
        file_format = format_get(format_code)
    except ValueError as error:
        raise Http404(str(error)) from None
    report = report_build(
        definition=definition, public=_public(request, definition), reader=request.user
    )
    response = HttpResponse(file_format.render(report), content_type=file_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_format.filename(report)}"'
    return response


def audit_log(
    request: AuthenticatedHttpRequest, partnership_id: int
) -> HttpResponse | StreamingHttpResponse:
    """The partnership's audit log as CSV, for its administrators: the dates are asked for on
    the page (a GET form, so nothing changes), and a valid pair downloads the file."""
    partnership = object_get_or_403(
        Partnership,
        user=request.user,
        permission="partnerships.administer_partnership",
        pk=partnership_id,
    )
    asked = any(key.startswith(("start_", "end_")) for key in request.GET)
    form = AuditLogForm(request.GET if asked else None)
    if asked and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        rows = audit_rows(partnership=partnership, start=start, end=end)
        download = StreamingHttpResponse(audit_csv_lines(rows), content_type="text/csv")
        filename = audit_filename(partnership, start, end)
        download["Content-Disposition"] = f'attachment; filename="{filename}"'
        download["Cache-Control"] = "private, no-store"
        return download
    response = render(
        request,
        "reports/audit_log.html",
        {"partnership": partnership, "form": form, "date_parts": DATE_PARTS},
    )
    response["Cache-Control"] = "private, no-store"
    return response
