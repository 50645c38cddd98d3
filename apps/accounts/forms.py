"""The sign-in and password forms, worded as GOV.UK services word them."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.accounts.passwords import PASSWORD_HELP
from apps.accounts.single_sign_on.selectors import provider_for_email
from apps.core.email import email_send

logger = logging.getLogger(__name__)

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

    def clean_username(self) -> str:
        """Invited users' usernames are their email addresses, kept in lower case; people type
        their address as they like (Jane.Smith@…)."""
        username: str = self.cleaned_data["username"]
        return username.strip().lower() if "@" in username else username

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        provider = provider_for_email(getattr(user, "email", "") or "")
        if provider is not None:
            raise ValidationError(
                SIGN_IN_USE_ORGANISATION.format(organisation=provider.name),
                code="single_sign_on",
            )


EMAIL_MISSING = "Enter your email address"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org"
NEW_PASSWORD_MISSING = "Enter a new password"
CONFIRM_PASSWORD_MISSING = "Enter your new password again"
PASSWORDS_DIFFERENT = "The passwords do not match: enter the same password in both boxes"
CURRENT_PASSWORD_MISSING = "Enter your current password"
CURRENT_PASSWORD_WRONG = "The current password is not right: enter it again"


class PasswordResetRequestForm(PasswordResetForm):
    """Asks for the email address; the link goes out through the house email helper."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = "Email address"
        field.error_messages.update({"required": EMAIL_MISSING, "invalid": EMAIL_INVALID})
        field.widget.attrs["autocomplete"] = "email"

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        try:
            email_send(to=to_email, template="password_reset", context=context)
        except Exception:
            # Say the same whatever happens, so the page tells nobody who has an account.
            logger.exception("Password reset email to user %s not sent", context["user"].pk)


def _password_fields_govuk(form: forms.Form) -> None:
    first, second = form.fields["new_password1"], form.fields["new_password2"]
    first.label, first.help_text = "New password", PASSWORD_HELP
    first.error_messages["required"] = NEW_PASSWORD_MISSING
    second.label, second.help_text = "Confirm new password", ""
    second.error_messages["required"] = CONFIRM_PASSWORD_MISSING


class NewPasswordForm(SetPasswordForm):
    """A new password after a reset link, checked against the password policy."""

    error_messages = {**SetPasswordForm.error_messages, "password_mismatch": PASSWORDS_DIFFERENT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _password_fields_govuk(self)


class PasswordChangeGovukForm(PasswordChangeForm):
    """Change a password, giving the current one first."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_mismatch": PASSWORDS_DIFFERENT,
        "password_incorrect": CURRENT_PASSWORD_WRONG,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = self.fields["old_password"]
        current.label = "Current password"
        current.error_messages["required"] = CURRENT_PASSWORD_MISSING
        current.widget.attrs.pop("autofocus", None)
        _password_fields_govuk(self)


SIGN_IN_LOCKED_OUT = (
    "You have entered the wrong password too many times. Try again in {minutes} minutes"
)
