from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "apps.partnerships"
    verbose_name = "Partnerships, agencies and people"

    def ready(self) -> None:
        # Somebody accepting an invitation may join by signing in with their organisation's
        # account, for the invitation's own address only.
        from apps.accounts.single_sign_on.newcomers import newcomer_check_register
        from apps.partnerships.invitation_sign_on import invitation_newcomer

        newcomer_check_register(invitation_newcomer)
