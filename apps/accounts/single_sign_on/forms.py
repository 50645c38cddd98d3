"""The email address that chooses the organisation's identity provider."""

from __future__ import annotations

from django import forms

from apps.accounts.models import IdentityProvider
from apps.accounts.single_sign_on.selectors import email_domain, provider_for_email
from apps.core.forms import GovukFormMixin

EMAIL_MISSING = "Enter your work email address"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org"
NO_PROVIDER = (
    "Addresses ending @{domain} do not sign in with their organisation's account. Sign in "
    "with your username and password instead"
)


class SingleSignOnForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="Work email address",
        help_text="The address your partnership manager invited, for example name@notts.police.uk",
        error_messages={"required": EMAIL_MISSING, "invalid": EMAIL_INVALID},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        self.provider: IdentityProvider | None = provider_for_email(email)
        if self.provider is None:
            raise forms.ValidationError(NO_PROVIDER.format(domain=email_domain(email)))
        return email
