"""Report pages: the definitions of a partnership, the form, the report and its downloads.

Members of the partnership read reports; its managers define them. Views are thin: they
check permission, then call the builder, a renderer or the service.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from apps.partnerships.models import Partnership
from apps.reports.builder import report_build
from apps.reports.formats import FORMATS, format_get
from apps.reports.forms import ReportDefinitionForm
from apps.reports.models import ReportDefinition
from apps.reports.render_html import report_context
from apps.reports.services import report_definition_save

VIEW, MANAGE = "partnerships.view_partnership", "partnerships.manage_partnership"


def _check(request: HttpRequest, permission: str, partnership: Partnership) -> None:
    if not request.user.has_perm(permission, partnership):
        raise PermissionDenied


def _definition(definition_id: int) -> ReportDefinition:
    return get_object_or_404(
        ReportDefinition.objects.select_related("partnership"), pk=definition_id
    )


def _public(request: HttpRequest, definition: ReportDefinition) -> bool:
    """The variant asked for (?version=public or internal), else the definition's own."""
    asked = request.GET.get("version")
    return definition.public if asked not in ("public", "internal") else asked == "public"


def definition_list(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, pk=partnership_id)
    _check(request, VIEW, partnership)
    context = {
        "partnership": partnership,
        "definitions": list(partnership.report_definitions.order_by("title")),
        "can_manage": request.user.has_perm(MANAGE, partnership),
    }
    return render(request, "reports/definition_list.html", context)


def _form_page(
    request: HttpRequest, partnership: Partnership, definition: ReportDefinition | None
) -> HttpResponse:
    form = ReportDefinitionForm(request.POST or None, partnership=partnership, instance=definition)
    if request.method == "POST" and form.is_valid():
        try:
            saved = report_definition_save(
                definition=definition,
                partnership=partnership,
                user=request.user,
                **form.service_arguments(),
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


def definition_create(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, pk=partnership_id)
    _check(request, MANAGE, partnership)
    return _form_page(request, partnership, None)


def definition_edit(request: HttpRequest, report_definition_id: int) -> HttpResponse:
    definition = _definition(report_definition_id)
    _check(request, MANAGE, definition.partnership)
    return _form_page(request, definition.partnership, definition)


def report_page(request: HttpRequest, report_definition_id: int) -> HttpResponse:
    definition = _definition(report_definition_id)
    _check(request, VIEW, definition.partnership)
    public = _public(request, definition)
    report = report_build(definition=definition, public=public)
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
        "can_manage": request.user.has_perm(MANAGE, definition.partnership),
    }
    return render(request, "reports/report_page.html", context)


def report_download(
    request: HttpRequest, report_definition_id: int, format_code: str
) -> HttpResponse:
    definition = _definition(report_definition_id)
    _check(request, VIEW, definition.partnership)
    try:
        file_format = format_get(format_code)
    except ValueError as error:
        raise Http404(str(error)) from None
    report = report_build(definition=definition, public=_public(request, definition))
    response = HttpResponse(file_format.render(report), content_type=file_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_format.filename(report)}"'
    return response
