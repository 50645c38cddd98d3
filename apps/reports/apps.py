from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "apps.reports"
    verbose_name = "Board reports"

    def ready(self) -> None:
        # The 403 for a report of a draft plan says so.
        from apps.core.permissions import refusal_reason_register
        from apps.reports.rules import draft_refusal

        refusal_reason_register(draft_refusal)
