"""Every plan page, under one namespace: the home page at the root, the rest under /plans/."""

from django.urls import path

from apps.plans import edition_views, manage_views, views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/my-actions/", views.my_actions, name="my-actions"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plans/<int:plan_id>/what-changed/", edition_views.what_changed, name="what-changed"),
    path("plans/<int:plan_id>/settings/", manage_views.plan_settings, name="plan-settings"),
    path("plans/<int:plan_id>/roll-forward/", edition_views.roll_forward, name="plan-roll-forward"),
    path("plans/<int:plan_id>/matches/", edition_views.matches, name="plan-matches"),
    path("plans/actions/<int:action_id>/", views.action_view, name="action"),
    path("plans/actions/<int:action_id>/updates/new/", views.add_update, name="add-update"),
    path("plans/actions/<int:action_id>/edit/", manage_views.action_edit, name="action-edit"),
    path("plans/actions/<int:action_id>/move/", manage_views.action_move, name="action-move"),
    path("plans/actions/<int:action_id>/retire/", manage_views.action_retire, name="action-retire"),
    path(
        "plans/actions/<int:action_id>/predecessor/",
        edition_views.action_predecessor,
        name="action-predecessor",
    ),
    path(
        "plans/objectives/<int:objective_id>/actions/new/",
        manage_views.action_add,
        name="action-add",
    ),
]
