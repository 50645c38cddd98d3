"""Top-level URL map: one include per app."""

from django.urls import include, path

urlpatterns = [
    path("", include("apps.plans.urls")),
    path("accounts/", include("apps.accounts.urls")),
    path("import/", include("apps.importers.urls")),
    path("partnerships/", include("apps.partnerships.urls")),
    path("performance/", include("apps.performance.urls")),
    path("reports/", include("apps.reports.urls")),
]

handler403 = "apps.core.views.permission_denied"
handler404 = "apps.core.views.page_not_found"
