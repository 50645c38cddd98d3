"""Pages about a partnership's people and its administration."""

from apps.partnerships import security_urls

app_name = "partnerships"

urlpatterns = [
    *security_urls.urlpatterns,
]
