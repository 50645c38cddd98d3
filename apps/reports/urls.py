from django.urls import path

from apps.reports import views

app_name = "reports"
urlpatterns = [
    path("partnerships/<int:partnership_id>/", views.definition_list, name="list"),
    path("partnerships/<int:partnership_id>/new/", views.definition_create, name="create"),
    path("partnerships/<int:partnership_id>/audit-log/", views.audit_log, name="audit-log"),
    path("<int:report_definition_id>/", views.report_page, name="report"),
    path("<int:report_definition_id>/edit/", views.definition_edit, name="edit"),
    path(
        "<int:report_definition_id>/download/<slug:format_code>/",
        views.report_download,
        name="download",
    ),
]
