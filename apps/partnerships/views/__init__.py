"""The partnership administrator's pages: the partnership's agencies, people and members."""

from apps.partnerships.views.members import (
    member_administrator,
    member_end,
    member_list,
    member_role,
)
from apps.partnerships.views.organisations import (
    organisation_active,
    organisation_add,
    organisation_edit,
    organisation_list,
)
from apps.partnerships.views.people import person_active, person_add, person_edit, person_list
from apps.partnerships.views.shared import people_and_agencies

__all__ = [
    "member_administrator",
    "member_end",
    "member_list",
    "member_role",
    "organisation_active",
    "organisation_add",
    "organisation_edit",
    "organisation_list",
    "people_and_agencies",
    "person_active",
    "person_add",
    "person_edit",
    "person_list",
]
