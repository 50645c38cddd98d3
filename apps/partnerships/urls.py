"""The partnership's own pages: its people, agencies, members, invitations, security log and
two-factor requirement, for its administrators."""

from apps.partnerships import security_urls
from apps.partnerships.invitation_urls import admin_urlpatterns as invitation_urlpatterns
from apps.partnerships.views import two_factor

app_name = "partnerships"

urlpatterns = [
    *security_urls.urlpatterns,
    *invitation_urlpatterns,
    *two_factor.urlpatterns,
]
