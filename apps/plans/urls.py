"""Every plan page, under one namespace: the home page at the root, the rest under /plans/."""

from django.urls import path

from apps.plans.views import actions, editions, home, plans, updates

app_name = "plans"

urlpatterns = [
    path("", home.home, name="home"),
    path("plans/my-actions/", home.my_actions, name="my-actions"),
    path("plans/agency/", home.agency_actions, name="agency-actions"),
    path("plans/<int:plan_id>/", plans.plan_detail, name="plan"),
    path("plans/<int:plan_id>/what-changed/", editions.what_changed, name="what-changed"),
    path("plans/<int:plan_id>/settings/", plans.plan_settings, name="plan-settings"),
    path("plans/<int:plan_id>/roll-forward/", editions.roll_forward, name="plan-roll-forward"),
    path("plans/<int:plan_id>/matches/", editions.matches, name="plan-matches"),
    path("plans/actions/<int:action_id>/", actions.action_view, name="action"),
    path("plans/actions/<int:action_id>/updates/new/", updates.add_update, name="add-update"),
    path("plans/actions/<int:action_id>/edit/", actions.action_edit, name="action-edit"),
    path("plans/actions/<int:action_id>/move/", actions.action_move, name="action-move"),
    path("plans/actions/<int:action_id>/retire/", actions.action_retire, name="action-retire"),
    path(
        "plans/actions/<int:action_id>/predecessor/",
        editions.action_predecessor,
        name="action-predecessor",
    ),
    path(
        "plans/objectives/<int:objective_id>/actions/new/",
        actions.action_add,
        name="action-add",
    ),
]
