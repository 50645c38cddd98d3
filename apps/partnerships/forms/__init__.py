"""The partnership administrator's forms: parsing input only; the rules, and their messages,
are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from apps.core.forms import GovukFormMixin
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.services.members import (
    ORGANISATION_NAME_MISSING,
    ORGANISATION_SHORT_NAME_MISSING,
    PERSON_INITIALS_MISSING,
)
from apps.partnerships.services.memberships import MEMBERSHIP_ROLE_INVALID
from apps.partnerships.services.organisations import ORGANISATION_KIND_INVALID

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org"
NOBODY = ""


class OrganisationForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="For example Nottinghamshire Police.",
        error_messages={"required": ORGANISATION_NAME_MISSING},
    )
    short_name = forms.CharField(
        label="Short name",
        max_length=120,
        help_text="As the plans print it, for example Police or NSDC.",
        error_messages={"required": ORGANISATION_SHORT_NAME_MISSING},
    )
    aliases = forms.CharField(
        label="Other names (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Other ways the documents print it, one on each line, for example Notts Police.",
    )
    kind = forms.ChoiceField(
        label="Type of organisation",
        choices=Organisation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": ORGANISATION_KIND_INVALID,
            "invalid_choice": ORGANISATION_KIND_INVALID,
        },
    )

    @staticmethod
    def initial_for(organisation: Organisation) -> dict[str, Any]:
        return {
            "name": organisation.name,
            "short_name": organisation.short_name,
            "aliases": "\n".join(organisation.aliases),
            "kind": organisation.kind,
        }

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "short_name": data["short_name"],
            "aliases": data["aliases"].splitlines(),
            "kind": data["kind"],
        }


class PersonForm(GovukFormMixin, forms.Form):
    name = forms.CharField(label="Full name (optional)", required=False, max_length=200)
    initials = forms.CharField(
        label="Initials",
        max_length=10,
        help_text="As the plans print them, for example JW.",
        error_messages={"required": PERSON_INITIALS_MISSING},
    )
    job_title = forms.CharField(label="Job title (optional)", required=False, max_length=200)
    organisation = forms.ChoiceField(label="Organisation (optional)", required=False)
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        error_messages={"invalid": EMAIL_INVALID},
    )
    user = forms.ChoiceField(
        label="Signs in as (optional)",
        required=False,
        help_text="The member who updates this person’s actions.",
    )

    def __init__(
        self, *args: Any, partnership: Partnership, person: Person | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        current_organisation = person.organisation_id if person else None
        # A deactivated organisation is not offered, unless it is this person's already.
        organisations = [
            o
            for o in partnership.organisations.order_by("short_name")
            if o.active or o.pk == current_organisation
        ]
        self._organisations = {str(o.pk): o for o in organisations}
        self._choices(
            "organisation",
            [(NOBODY, "None")]
            + [(k, f"{o.name} ({o.short_name})") for k, o in self._organisations.items()],
        )
        # Members who are nobody yet in this partnership, and whoever signs in as this person.
        others = partnership.people.filter(user__isnull=False)
        if person is not None:
            others = others.exclude(pk=person.pk)
        linked = set(others.values_list("user_id", flat=True))
        users = User.objects.filter(memberships__partnership=partnership).order_by("username")
        self._users = {str(u.pk): u for u in users if u.pk not in linked}
        self._choices(
            "user",
            [(NOBODY, "Nobody")]
            + [
                (k, f"{u.username} ({u.email})" if u.email else u.username)
                for k, u in self._users.items()
            ],
        )
        if person is not None and not self.is_bound:
            self.initial = {
                "name": person.name,
                "initials": person.initials,
                "job_title": person.job_title,
                "organisation": str(person.organisation_id or ""),
                "email": person.email,
                "user": str(person.user_id or ""),
            }

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def signs_in_as(self) -> User | None:
        return self._users.get(self.cleaned_data["user"])

    def person_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "initials": data["initials"],
            "job_title": data["job_title"],
            "organisation": self._organisations.get(data["organisation"]),
            "email": data["email"],
        }


class RoleForm(GovukFormMixin, forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": MEMBERSHIP_ROLE_INVALID,
            "invalid_choice": MEMBERSHIP_ROLE_INVALID,
        },
    )
