"""Writes to partnerships: the partnership itself, its agencies, people and members, and the
resolution of a plan's printed leads to them."""

from apps.partnerships.services.invitations import (
    InvitationSent,
    invitation_accept,
    invitation_check,
    invitation_create,
    invitation_link,
    invitation_resend,
    invitation_revoke,
)
from apps.partnerships.services.leads import LeadPreview, LeadResolver
from apps.partnerships.services.members import (
    membership_add,
    organisation_aliases_set,
    organisation_create,
    partnership_get_or_create,
    person_create,
    person_edit,
    person_link_user,
)
from apps.partnerships.services.memberships import (
    membership_administrator_set,
    membership_end,
    membership_role_set,
)
from apps.partnerships.services.organisations import organisation_edit, organisation_set_active
from apps.partnerships.services.people import person_set_active, person_set_user, person_update
from apps.partnerships.services.two_factor import partnership_two_factor_set

__all__ = [
    "InvitationSent",
    "LeadPreview",
    "LeadResolver",
    "invitation_accept",
    "invitation_check",
    "invitation_create",
    "invitation_link",
    "invitation_resend",
    "invitation_revoke",
    "membership_add",
    "membership_administrator_set",
    "membership_end",
    "membership_role_set",
    "organisation_aliases_set",
    "organisation_create",
    "organisation_edit",
    "organisation_set_active",
    "partnership_get_or_create",
    "partnership_two_factor_set",
    "person_create",
    "person_edit",
    "person_link_user",
    "person_set_active",
    "person_set_user",
    "person_update",
]
