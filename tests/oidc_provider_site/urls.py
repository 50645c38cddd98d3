"""The provider's pages: django-oidc-provider's endpoints and a plain sign-in page."""

from django.contrib.auth.views import LoginView
from django.urls import include, path

urlpatterns = [
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
    path("login/", LoginView.as_view(template_name="provider/login.html"), name="login"),
]
