"""URLs of the manager-only pages, mounted under /plans/ beside apps/plans/urls.py."""

from django.urls import path

from apps.plans import edition_views, manage_views

app_name = "manage"

urlpatterns = [
    path("actions/<int:action_id>/edit/", manage_views.action_edit, name="action-edit"),
    path("actions/<int:action_id>/move/", manage_views.action_move, name="action-move"),
    path("actions/<int:action_id>/retire/", manage_views.action_retire, name="action-retire"),
    path("objectives/<int:objective_id>/actions/new/", manage_views.action_add, name="action-add"),
    path("<int:plan_id>/settings/", manage_views.plan_settings, name="plan-settings"),
    path("<int:plan_id>/roll-forward/", edition_views.roll_forward, name="plan-roll-forward"),
    path("<int:plan_id>/matches/", edition_views.matches, name="plan-matches"),
    path(
        "actions/<int:action_id>/predecessor/",
        edition_views.action_predecessor,
        name="action-predecessor",
    ),
]
