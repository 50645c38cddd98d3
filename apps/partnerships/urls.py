"""The partnership's own pages: its people, agencies, members, invitations and security log."""

from apps.partnerships import security_urls
from apps.partnerships.invitation_urls import admin_urlpatterns as invitation_urlpatterns

app_name = "partnerships"

urlpatterns = [
    *security_urls.urlpatterns,
    *invitation_urlpatterns,
]
