"""The partnership's own pages: its people, agencies, members and invitations."""

from apps.partnerships.invitation_urls import admin_urlpatterns as invitation_urlpatterns

app_name = "partnerships"

urlpatterns = [
    *invitation_urlpatterns,
]
