"""Report pages: filled in as the views land."""

from django.urls import URLPattern

app_name = "reports"
urlpatterns: list[URLPattern] = []
