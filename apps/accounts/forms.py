"""The sign-in form, worded as GOV.UK services word it."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm

SIGN_IN_INVALID = "Enter a correct username and password. Both are case-sensitive."
SIGN_IN_USERNAME_MISSING = "Enter your username"
SIGN_IN_PASSWORD_MISSING = "Enter your password"


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": SIGN_IN_INVALID,
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].error_messages["required"] = SIGN_IN_USERNAME_MISSING
        self.fields["password"].error_messages["required"] = SIGN_IN_PASSWORD_MISSING


SIGN_IN_LOCKED_OUT = (
    "You have entered the wrong password too many times. Try again in {minutes} minutes"
)
