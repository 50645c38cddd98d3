from django.urls import path

from apps.plans import views

app_name = "plans"

urlpatterns = [
    path("my-actions/", views.my_actions, name="my-actions"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("actions/<int:action_id>/", views.action_view, name="action"),
    path("actions/<int:action_id>/updates/new/", views.add_update, name="add-update"),
]
