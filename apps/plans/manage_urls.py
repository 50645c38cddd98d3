"""URLs of the manager-only pages, mounted under /plans/ beside apps/plans/urls.py."""

from django.urls import path

from apps.plans import manage_views

app_name = "manage"

urlpatterns = [
    path("actions/<int:action_id>/edit/", manage_views.action_edit, name="action-edit"),
    path("actions/<int:action_id>/move/", manage_views.action_move, name="action-move"),
    path("actions/<int:action_id>/retire/", manage_views.action_retire, name="action-retire"),
    path("objectives/<int:objective_id>/actions/new/", manage_views.action_add, name="action-add"),
]
