"""Two-factor sign-in's pages, included in the accounts namespace."""

from django.urls import path

from apps.accounts.two_factor import views

urlpatterns = [
    path("two-factor/", views.two_factor_overview, name="two-factor"),
    path("two-factor/set-up/", views.two_factor_setup, name="two-factor-setup"),
    path(
        "two-factor/recovery-codes/",
        views.two_factor_recovery_codes,
        name="two-factor-recovery-codes",
    ),
    path("two-factor/code/", views.two_factor_verify, name="two-factor-verify"),
    path("two-factor/turn-off/", views.two_factor_disable, name="two-factor-disable"),
]
