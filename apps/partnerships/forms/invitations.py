"""Forms for inviting somebody to a partnership and for accepting an invitation."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.accounts.forms import CONFIRM_PASSWORD_MISSING, PASSWORDS_DIFFERENT
from apps.accounts.passwords import PASSWORD_HELP
from apps.core.forms import GovukFormMixin
from apps.partnerships.domain.display import organisation_label
from apps.partnerships.models import Membership, Organisation, Person
from apps.partnerships.services.invitations import (
    INVITATION_EMAIL_INVALID,
    INVITATION_EMAIL_MISSING,
)

ROLE_MISSING = "Choose the role they will have in the partnership"
PASSWORD_MISSING = "Enter a password"


class InvitationForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={"required": INVITATION_EMAIL_MISSING, "invalid": INVITATION_EMAIL_INVALID},
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Who they are among the partnership’s people",
        help_text="They will update the actions this person leads. People who already sign in"
        " are not listed.",
        empty_label="Somebody new: add them to the partnership’s people",
    )
    name = forms.CharField(
        label="Full name",
        required=False,
        max_length=200,
        help_text="Needed only for somebody new, for example Jane Smith.",
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Their agency",
        help_text="Needed for an agency coordinator, who updates every action their agency"
        " leads. Leave it for somebody chosen above to keep the agency they have.",
        empty_label="Not chosen",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": ROLE_MISSING, "invalid_choice": ROLE_MISSING},
    )
    is_administrator = forms.BooleanField(
        label="Partnership administrator",
        required=False,
        help_text="Can invite people and look after the partnership’s people, agencies and"
        " members.",
    )

    def __init__(self, *args: Any, people: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        agency = self.fields["organisation"]
        agency.queryset = organisations  # type: ignore[attr-defined]
        agency.label_from_instance = organisation_label  # type: ignore[attr-defined]


class InvitationAcceptForm(GovukFormMixin, forms.Form):
    password = forms.CharField(
        label="Create a password",
        strip=False,
        help_text=PASSWORD_HELP,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": PASSWORD_MISSING},
    )
    password_again = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": CONFIRM_PASSWORD_MISSING},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password"), cleaned.get("password_again")
        if first and second and first != second:
            self.add_error("password_again", PASSWORDS_DIFFERENT)
        return cleaned
