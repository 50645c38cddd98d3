"""Routes of the security log page, included by apps/partnerships/urls.py."""

from django.urls import path

from apps.partnerships.views import security

urlpatterns = [
    path(
        "<int:partnership_id>/security-log/",
        security.security_log,
        name="security-log",
    ),
]
