"""Forms for two-factor sign-in: one box for a code."""

from __future__ import annotations

from django import forms

from apps.accounts.two_factor.services import CODE_MISSING, CODE_OR_RECOVERY_MISSING
from apps.core.forms import GovukFormMixin


class CodeForm(GovukFormMixin, forms.Form):
    """The 6-digit code from the authenticator app (setting it up)."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456",
        max_length=20,
        error_messages={"required": CODE_MISSING},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class CodeOrRecoveryForm(GovukFormMixin, forms.Form):
    """The code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456, or one of your recovery codes",
        max_length=40,
        error_messages={"required": CODE_OR_RECOVERY_MISSING},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )
