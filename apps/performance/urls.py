from django.urls import path

from apps.performance import setup_views, views

app_name = "performance"

urlpatterns = [
    path("partnerships/<int:partnership_id>/", views.summary_view, name="summary"),
    path(
        "partnerships/<int:partnership_id>/exceptions/",
        views.exceptions_view,
        name="exceptions",
    ),
    path("priorities/<int:priority_id>/", views.priority_view, name="priority"),
    path("priorities/<int:priority_id>/report/", views.priority_report_edit, name="report-edit"),
    path("measures/<int:measure_id>/", views.measure_view, name="measure"),
    path("measures/<int:measure_id>/settings/", views.measure_settings, name="measure-settings"),
    path("measures/<int:measure_id>/figures/new/", views.observation_new, name="observation-add"),
    path(
        "measures/<int:measure_id>/figures/import/",
        views.observations_import,
        name="observations-import",
    ),
    path(
        "measures/<int:measure_id>/figures.csv",
        views.observations_export,
        name="observations-export",
    ),
    path("figures/<int:observation_id>/edit/", views.observation_change, name="observation-edit"),
    # Setting up the framework: priorities, their alignments, and measures with their targets.
    path(
        "partnerships/<int:partnership_id>/priorities/new/",
        setup_views.priority_new,
        name="priority-add",
    ),
    path("priorities/<int:priority_id>/edit/", setup_views.priority_change, name="priority-edit"),
    path(
        "priorities/<int:priority_id>/alignments/new/",
        setup_views.alignment_new,
        name="alignment-add",
    ),
    path(
        "alignments/<int:priority_alignment_id>/edit/",
        setup_views.alignment_change,
        name="alignment-edit",
    ),
    path(
        "alignments/<int:priority_alignment_id>/remove/",
        setup_views.alignment_delete,
        name="alignment-remove",
    ),
    path("priorities/<int:priority_id>/measures/new/", setup_views.measure_new, name="measure-add"),
    path("measures/<int:measure_id>/edit/", setup_views.measure_change, name="measure-edit"),
]
