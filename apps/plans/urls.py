from django.urls import path

from apps.plans import views

app_name = "plans"

urlpatterns = [
    path("my-actions/", views.my_actions, name="my-actions"),
]
