from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "apps.plans"
    verbose_name = "Delivery plans"

    def ready(self) -> None:
        # The 403 for a change to an archived plan says the plan is archived.
        from apps.core.permissions import refusal_reason_register
        from apps.plans.rules import archived_refusal

        refusal_reason_register(archived_refusal)
