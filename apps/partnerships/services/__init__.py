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
    "organisation_aliases_set",
    "organisation_create",
    "partnership_get_or_create",
    "partnership_two_factor_set",
    "person_create",
    "person_edit",
    "person_link_user",
]
