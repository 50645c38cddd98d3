"""The sign-in form, worded as GOV.UK services word it."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.accounts.single_sign_on.selectors import provider_for_email

SIGN_IN_INVALID = "Enter a correct username and password. Both are case-sensitive."
SIGN_IN_USERNAME_MISSING = "Enter your username"
SIGN_IN_PASSWORD_MISSING = "Enter your password"
# Single sign-on (ADR 12): where the organisation signs its people in, a password does not.
SIGN_IN_USE_ORGANISATION = (
    "{organisation} signs you in to SaferPlan: choose ‘Sign in with your organisation’s "
    "account’ and enter your work email address"
)


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": SIGN_IN_INVALID,
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].error_messages["required"] = SIGN_IN_USERNAME_MISSING
        self.fields["password"].error_messages["required"] = SIGN_IN_PASSWORD_MISSING

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        provider = provider_for_email(getattr(user, "email", "") or "")
        if provider is not None:
            raise ValidationError(
                SIGN_IN_USE_ORGANISATION.format(organisation=provider.name),
                code="single_sign_on",
            )
