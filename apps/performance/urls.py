from django.urls import path

from apps.performance.views import (
    alignments,
    measures,
    narratives,
    observations,
    priorities,
    summary,
)

app_name = "performance"

urlpatterns = [
    path("partnerships/<int:partnership_id>/", summary.summary_view, name="summary"),
    path(
        "partnerships/<int:partnership_id>/exceptions/",
        summary.exceptions_view,
        name="exceptions",
    ),
    path("priorities/<int:priority_id>/", priorities.priority_view, name="priority"),
    path(
        "priorities/<int:priority_id>/report/",
        narratives.priority_report_edit,
        name="report-edit",
    ),
    path("measures/<int:measure_id>/", measures.measure_view, name="measure"),
    path("measures/<int:measure_id>/settings/", measures.measure_settings, name="measure-settings"),
    path(
        "measures/<int:measure_id>/figures/new/",
        observations.observation_new,
        name="observation-add",
    ),
    path(
        "measures/<int:measure_id>/figures/import/",
        observations.observations_import,
        name="observations-import",
    ),
    path(
        "measures/<int:measure_id>/figures.csv",
        observations.observations_export,
        name="observations-export",
    ),
    path(
        "figures/<int:observation_id>/edit/",
        observations.observation_change,
        name="observation-edit",
    ),
    # Setting up the framework: priorities, their alignments, and measures with their targets.
    path(
        "partnerships/<int:partnership_id>/priorities/new/",
        priorities.priority_new,
        name="priority-add",
    ),
    path("priorities/<int:priority_id>/edit/", priorities.priority_change, name="priority-edit"),
    path(
        "priorities/<int:priority_id>/alignments/new/",
        alignments.alignment_new,
        name="alignment-add",
    ),
    path(
        "alignments/<int:priority_alignment_id>/edit/",
        alignments.alignment_change,
        name="alignment-edit",
    ),
    path(
        "alignments/<int:priority_alignment_id>/remove/",
        alignments.alignment_delete,
        name="alignment-remove",
    ),
    path("priorities/<int:priority_id>/measures/new/", measures.measure_new, name="measure-add"),
    path("measures/<int:measure_id>/edit/", measures.measure_change, name="measure-edit"),
]
