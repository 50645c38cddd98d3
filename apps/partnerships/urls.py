"""The partnerships namespace: pages a partnership administrator uses."""

from apps.partnerships.views import two_factor

app_name = "partnerships"

urlpatterns = [
    *two_factor.urlpatterns,
]
