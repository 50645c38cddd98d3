"""Importer pages, mounted at /import/: plan documents (upload, preview, confirm), a partner's
tracker for an existing plan (preview, confirm), plan workbooks (download, update, create) and
performance reports' indicators."""

from django.urls import path

from apps.importers.views import documents, indicators, trackers, workbooks

app_name = "importers"

urlpatterns = [
    # Performance reports: their indicator tables become the partnership's measures.
    path(
        "partnerships/<int:partnership_id>/indicators/",
        indicators.indicators_upload,
        name="indicators-upload",
    ),
    path(
        "indicators/<uuid:document_upload_id>/",
        indicators.indicators_preview_view,
        name="indicators-preview",
    ),
    path("", documents.document_upload, name="document-upload"),
    path("<uuid:document_upload_id>/", documents.document_preview, name="document-preview"),
    path(
        "plans/<int:plan_id>/tracker/<uuid:document_upload_id>/",
        trackers.tracker_preview,
        name="tracker-preview",
    ),
    path("plans/<int:plan_id>/workbook.xlsx", workbooks.plan_download, name="workbook-download"),
    path("plans/<int:plan_id>/workbook/", workbooks.plan_upload, name="workbook-upload"),
    path(
        "plans/<int:plan_id>/workbook/confirm/",
        workbooks.plan_upload_confirm,
        name="workbook-upload-confirm",
    ),
    path(
        "partnerships/<int:partnership_id>/workbook-template.xlsx",
        workbooks.template_download,
        name="workbook-template",
    ),
    path(
        "partnerships/<int:partnership_id>/new-plan/",
        workbooks.plan_create,
        name="workbook-create",
    ),
    path(
        "partnerships/<int:partnership_id>/new-plan/confirm/",
        workbooks.plan_create_confirm,
        name="workbook-create-confirm",
    ),
]
