from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from apps.accounts.forms import SignInForm
from apps.accounts.single_sign_on.urls import urlpatterns as single_sign_on_urls
from apps.accounts.two_factor.urls import urlpatterns as two_factor_urls

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        login_not_required(
            auth_views.LoginView.as_view(
                template_name="accounts/sign_in.html",
                authentication_form=SignInForm,
                redirect_authenticated_user=True,
            )
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    *two_factor_urls,
    *single_sign_on_urls,
]
