"""Single sign-on's pages, included in the accounts namespace. None needs a signed-in user."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from apps.accounts.single_sign_on import views

urlpatterns = [
    path(
        "sign-in/organisation/",
        login_not_required(views.single_sign_on),
        name="single-sign-on",
    ),
    path(
        "sign-in/organisation/start/",
        login_not_required(views.SingleSignOnStartView.as_view()),
        name="single-sign-on-start",
    ),
    path(
        "sign-in/organisation/callback/",
        login_not_required(views.SingleSignOnCallbackView.as_view()),
        name="single-sign-on-callback",
    ),
]
