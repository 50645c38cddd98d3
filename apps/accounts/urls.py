from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path, reverse_lazy

from apps.accounts import views
from apps.accounts.forms import (
    NewPasswordForm,
    PasswordChangeGovukForm,
    PasswordResetRequestForm,
)
from apps.accounts.single_sign_on.urls import urlpatterns as single_sign_on_urls
from apps.accounts.two_factor.urls import urlpatterns as two_factor_urls

app_name = "accounts"

urlpatterns = [
    path("sign-in/", login_not_required(views.SignInView.as_view()), name="sign-in"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("keep-alive/", views.keep_alive, name="keep-alive"),
    # Forgotten password: public by design (nobody is signed in), and the pages say the same
    # whether or not the address has an account.
    path(
        "password/forgotten/",
        login_not_required(
            auth_views.PasswordResetView.as_view(
                template_name="accounts/password_reset.html",
                form_class=PasswordResetRequestForm,
                success_url=reverse_lazy("accounts:password-reset-sent"),
            )
        ),
        name="password-reset",
    ),
    path(
        "password/forgotten/sent/",
        login_not_required(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_sent.html"
            )
        ),
        name="password-reset-sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        login_not_required(
            auth_views.PasswordResetConfirmView.as_view(
                template_name="accounts/password_reset_confirm.html",
                form_class=NewPasswordForm,
                success_url=reverse_lazy("accounts:password-reset-complete"),
            )
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/done/",
        login_not_required(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password-reset-complete",
    ),
    # Changing the password keeps this session (update_session_auth_hash) and ends the rest.
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            form_class=PasswordChangeGovukForm,
            success_url=reverse_lazy("accounts:password-change-done"),
        ),
        name="password-change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password-change-done",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    *two_factor_urls,
    *single_sign_on_urls,
]
