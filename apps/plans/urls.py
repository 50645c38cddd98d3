from django.urls import path

from apps.plans import edition_views, views

app_name = "plans"

urlpatterns = [
    path("my-actions/", views.my_actions, name="my-actions"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("<int:plan_id>/what-changed/", edition_views.what_changed, name="what-changed"),
    path("actions/<int:action_id>/", views.action_view, name="action"),
    path("actions/<int:action_id>/updates/new/", views.add_update, name="add-update"),
]
